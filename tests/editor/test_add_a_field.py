"""Adding a text field touches the model and the template, nothing else in
the core (issue 14, item 1; docs/architecture.md, worked example 1).

The proof runs on a copy of the core in which exactly two files differ from
this repository's: ``editor/model.py`` declares ``Article.subtitle`` and
``regions.html.j2`` shows it. Everything else is as it is here, so if any
reader kept its own list of field names, the new field would not be
searched, checked, counted, saved or shown, and this test would say which.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from typing import Any

import pytest

from tests.helpers import ROOT

TITLE_LINE = '    title: str = line_text(label=QT_TRANSLATE_NOOP("TextField", "&Title"), counted=True)\n'
SUBTITLE_LINE = '    subtitle: str = line_text(label=QT_TRANSLATE_NOOP("TextField", "Subtitle"), counted=True)\n'
# In the meta line's region, so the page needs no new region.
META_END = '<a class="original-link" href="{{ c.original_url }}" rel="noopener noreferrer">{{ c.labels.original }}</a>\n{%- endif %}\n'
SUBTITLE_MARKUP = '{%- if c.article.subtitle %}\n<p class="subtitle">{{ c.article.subtitle }}</p>\n{%- endif %}\n'

# Run in the copy: every reader of the article's texts, on an article whose
# only words with "phụ đề" are in the subtitle.
PROBE = r'''
import json, sys, unicodedata
from editor.article_format import article_from_dict, article_to_dict, parse_json, encode_json
from editor.checks import CheckInput, check_article, raw_texts
from editor.cms import plain_text
from editor.fields import Location
from editor.find_replace import find_all, replace_all
from editor.library import article_texts
from editor.model import Article, ParagraphBlock
from editor.render import NoImages, field_regions, render_article
from editor.revisions import text_diff
from editor.model import SiteProfile
from editor.word_count import word_count

article = Article(title="Quận Lê Chân họp", subtitle="Phụ đề  của bài", lead="Sáng nay.",
                  blocks=[ParagraphBlock(id="p", text="Một hai ba.")])
data = json.loads(encode_json(article_to_dict(article, lambda block: block.src)))
data_nfd = dict(data, subtitle=unicodedata.normalize("NFD", data["subtitle"]))
loaded = article_from_dict(parse_json(json.dumps(data_nfd)), lambda src: None)
findings = check_article(article, CheckInput(read_photos=False))
file_findings = check_article(loaded, CheckInput(raw_texts=raw_texts(data_nfd, loaded), read_photos=False))
changed = Article(title=article.title, subtitle="Phụ đề mới", lead=article.lead, blocks=article.blocks)
page = render_article(article, SiteProfile(), NoImages())
json.dump({
    "found": [location.describe() for location in find_all(article, "phu de", ignore_diacritics=True)],
    "replaced": {change.location.describe(): change.value for change in replace_all(article, "Phụ đề", "Tiêu đề phụ")},
    "double_space": [f.location.describe() for f in findings if f.id == "double-space"],
    "decomposed": [f.location.describe() for f in file_findings if f.id == "text-decomposed"],
    "words": word_count(article),
    "saved": data.get("subtitle"),
    "loaded": loaded.subtitle,
    "loaded_extra": sorted(loaded.extra),
    "nfc": unicodedata.is_normalized("NFC", loaded.subtitle),
    "in_page": '<p class="subtitle">Phụ đề  của bài</p>' in page,
    "regions": field_regions().get("subtitle"),
    "diff": [[line.kind, [list(part) for part in line.parts]] for line in text_diff(article, changed) if line.kind != "same"],
    "library": "Phụ đề  của bài" in article_texts(article),
    "cms": plain_text(article).split("\n\n")[:2],
}, sys.stdout, ensure_ascii=False)
'''


@pytest.fixture(scope="module")
def with_subtitle(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    copy = tmp_path_factory.mktemp("with-subtitle")
    shutil.copytree(ROOT / "editor", copy / "editor", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "resources" / "templates", copy / "resources" / "templates", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "resources" / "spelling", copy / "resources" / "spelling")  # the spell check's word lists
    shutil.copy(ROOT / "resources" / "__init__.py", copy / "resources" / "__init__.py")

    model = copy / "editor" / "model.py"
    text = model.read_text(encoding="utf-8")
    assert text.count(TITLE_LINE) == 1
    model.write_text(text.replace(TITLE_LINE, TITLE_LINE + SUBTITLE_LINE), encoding="utf-8")
    regions = copy / "resources" / "templates" / "regions.html.j2"
    text = regions.read_text(encoding="utf-8")
    assert text.count(META_END) == 1
    regions.write_text(text.replace(META_END, META_END + SUBTITLE_MARKUP), encoding="utf-8")

    differing = [path.relative_to(copy).as_posix() for path in sorted(copy.rglob("*")) if path.is_file()
                 and path.read_bytes() != (ROOT / path.relative_to(copy)).read_bytes()]
    assert differing == ["editor/model.py", "resources/templates/regions.html.j2"]
    run = subprocess.run([sys.executable, "-c", PROBE], cwd=copy, env={"PYTHONPATH": str(copy), "PATH": "/usr/bin:/bin"},
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    result: dict[str, Any] = json.loads(run.stdout)
    return result


def test_the_new_field_is_searched_and_replaced(with_subtitle: dict[str, Any]) -> None:
    assert with_subtitle["found"] == ["subtitle"]
    assert with_subtitle["replaced"] == {"subtitle": "Tiêu đề phụ  của bài"}


def test_the_new_field_is_checked_as_typed_and_as_written_in_the_file(with_subtitle: dict[str, Any]) -> None:
    assert with_subtitle["double_space"] == ["subtitle"]
    assert with_subtitle["decomposed"] == ["subtitle"]  # the file held it in NFD: the source should be fixed


def test_the_new_field_is_counted(with_subtitle: dict[str, Any]) -> None:
    assert with_subtitle["words"] == 4 + 4 + 2 + 3  # title, subtitle, lead, paragraph


def test_the_new_field_is_saved_and_opened_again_cleaned(with_subtitle: dict[str, Any]) -> None:
    assert with_subtitle["saved"] == "Phụ đề  của bài"
    assert with_subtitle["loaded"] == "Phụ đề  của bài" and with_subtitle["nfc"]
    assert with_subtitle["loaded_extra"] == []  # a known key, not an unknown one kept aside


def test_the_new_field_is_rendered_and_the_preview_knows_where(with_subtitle: dict[str, Any]) -> None:
    assert with_subtitle["in_page"]
    assert with_subtitle["regions"] == ["meta"]  # the region the template put it in


def test_the_new_field_is_in_the_revisions_diff_the_library_search_and_the_cms_text(with_subtitle: dict[str, Any]) -> None:
    [(kind, parts)] = with_subtitle["diff"]  # one line changed: the subtitle's
    assert kind == "changed" and ["added", "mới"] in parts and ["removed", "bài"] in parts
    assert with_subtitle["library"]
    assert with_subtitle["cms"] == ["Quận Lê Chân họp", "Phụ đề  của bài"]
