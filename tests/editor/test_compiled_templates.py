"""The page's templates are compiled once and kept (editor/render.py,
``_CompiledTemplates``): the next start renders its first page from them
without compiling, and the page is the same page. A damaged file, a folder
that cannot be written, or a template whose text changed never gives a
wrong page or an error."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import jinja2
import jinja2.bccache
import pytest

from editor import render
from editor.inputs import load_article
from editor.model import SiteProfile
from editor.render import NoImages, make_environment
from tests.helpers import EXAMPLE_DIR

EXAMPLE = EXAMPLE_DIR / "article.json"


@pytest.fixture
def compiled_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The app's own environment, its compiled templates kept in the test's folder."""
    folder = tmp_path / "compiled"
    monkeypatch.setattr(render, "compiled_templates_folder", lambda: folder)
    render._environment.cache_clear()
    yield folder
    render._environment.cache_clear()


def page() -> str:
    site = SiteProfile(name="Cổng thông tin điện tử quận Lê Chân", url="https://lechan.haiphong.gov.vn")
    return render.render_article(load_article(EXAMPLE), site, NoImages())


def a_new_start() -> None:
    """As in a new process: the environment and its templates made again."""
    render._environment.cache_clear()


def forbid_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    def compile_again(*args: object, **kwargs: object) -> None:
        raise AssertionError("a template was compiled again")

    monkeypatch.setattr(jinja2.Environment, "compile", compile_again)


def test_the_next_start_renders_the_same_page_without_compiling_a_template(compiled_in: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = page()
    assert "Lê Chân" in first and len(list(compiled_in.glob("*.jinja"))) >= 3  # the page and the templates it includes
    a_new_start()
    forbid_compiling(monkeypatch)
    assert page() == first


def test_a_damaged_compiled_template_is_compiled_again_and_the_page_is_the_same(compiled_in: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = page()
    for number, kept in enumerate(sorted(compiled_in.glob("*.jinja"))):
        data = kept.read_bytes()
        # Torn by a power cut or damaged on disk: in the compiled code, or in the text's checksum before it.
        kept.write_bytes(data[: len(data) // 3] if number % 2 else data[: len(jinja2.bccache.bc_magic) + 3])
    a_new_start()
    assert page() == first
    a_new_start()  # and what was compiled again was kept whole
    forbid_compiling(monkeypatch)
    assert page() == first


def test_a_cache_folder_that_cannot_be_made_is_no_error(compiled_in: Path) -> None:
    compiled_in.parent.mkdir(parents=True, exist_ok=True)
    compiled_in.write_text("a file where the folder should be")
    first = page()
    a_new_start()
    assert page() == first and "Lê Chân" in first


def test_a_template_whose_text_changed_is_compiled_again(tmp_path: Path) -> None:
    """An update of the app that changes a template shows the new template, never the old one kept."""
    folder = tmp_path / "compiled"
    old = make_environment(jinja2.DictLoader({"page.html.j2": "<h1>{{ title }}</h1>"}), folder)
    assert old.get_template("page.html.j2").render(title="Lê Chân") == "<h1>Lê Chân</h1>"
    new = make_environment(jinja2.DictLoader({"page.html.j2": "<h1 class=title>{{ title }}</h1>"}), folder)
    assert new.get_template("page.html.j2").render(title="Lê Chân") == "<h1 class=title>Lê Chân</h1>"
