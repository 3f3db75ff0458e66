"""Pages that travel well (issue 19): the exported page read by extruct, a
parser nobody here wrote, as Facebook, Zalo and Google read it; the share
card and the structured data's crops checked against the source photo."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import extruct
from PIL import Image

from editor.cli import main as cli_main
from editor.share_images import CARD_SIZE, MAX_CARD_BYTES, focus_box
from editor.structured_data import MAX_HEADLINE, headline
from tests.editor.conftest import SHARED_FOCUS
from tests.helpers import chromium, minimal_article, read_image, write_article_dir

URL = "https://haiphong.gov.vn/tin/quan-le-chan-hop.html"
TITLE = "Quận Lê Chân họp Ban Chỉ đạo 35"
LEAD = "Chiều 01/11, Ban Chỉ đạo 35 quận Lê Chân họp."


def metadata(page: Path) -> dict[str, Any]:
    return extruct.extract(page.read_text(encoding="utf-8"), base_url=URL, syntaxes=["json-ld", "opengraph"], uniform=True)


def local_file(page: Path, url: str) -> Path:
    """The bundle's file behind an absolute address of the page's folder."""
    assert url.startswith("https://haiphong.gov.vn/tin/images/"), url
    return page.parent / urlsplit(url).path.removeprefix("/tin/")


def test_the_news_article_has_every_field_google_recommends(shared_page: Path, vnu_report: dict[Path, list[dict]]) -> None:
    [article] = metadata(shared_page)["json-ld"]
    assert article["@context"] == "https://schema.org" and article["@type"] == "NewsArticle"
    assert article["headline"] == TITLE and article["description"] == LEAD
    assert article["mainEntityOfPage"] == {"@type": "WebPage", "@id": URL}
    assert article["datePublished"] == "2023-11-01T16:20:00+07:00"  # with its offset
    assert article["dateModified"] == "2023-11-02T08:05:00+07:00"
    assert article["author"] == [{"@type": "Person", "name": "Hoàng Tùng"}]
    logo = article["publisher"].pop("logo")
    assert article["publisher"] == {"@type": "Organization", "name": "Cổng tin tức Thành phố Hải Phòng", "url": "https://haiphong.gov.vn"}
    assert logo["@type"] == "ImageObject" and read_image(local_file(shared_page, logo["url"])).size == (240, 60)
    assert article["inLanguage"] == "vi" and article["articleSection"] == "Kinh tế - Xã hội"
    assert article["keywords"] == ["Lê Chân", "Ban Chỉ đạo 35"]
    # Three crops, 1:1, 4:3 and 16:9, each 1200 px wide (the 4000×2000 source has the pixels).
    sizes = [read_image(local_file(shared_page, url)).size for url in article["image"]]
    assert sizes == [(1200, 1200), (1200, 900), (1200, 675)]
    assert vnu_report[shared_page] == []


def test_the_open_graph_set_is_complete(shared_page: Path) -> None:
    [graph] = metadata(shared_page)["opengraph"]
    assert graph["@type"] == "article"
    assert graph["og:title"] == TITLE and graph["og:description"] == LEAD and graph["og:url"] == URL
    assert graph["og:site_name"] == "Cổng tin tức Thành phố Hải Phòng" and graph["og:locale"] == "vi_VN"
    assert (graph["og:image:width"], graph["og:image:height"]) == ("1200", "630")
    assert graph["og:image:alt"] == "Phòng họp với các đại biểu"
    assert read_image(local_file(shared_page, graph["og:image"])).size == CARD_SIZE
    assert graph["article:published_time"] == "2023-11-01T16:20:00+07:00"
    assert graph["article:modified_time"] == "2023-11-02T08:05:00+07:00"
    assert graph["article:section"] == "Kinh tế - Xã hội"
    page = shared_page.read_text(encoding="utf-8")
    # extruct keeps one value per property: the page carries one article:tag per tag.
    assert re.findall(r'<meta property="article:tag" content="([^"]*)">', page) == ["Lê Chân", "Ban Chỉ đạo 35"]
    assert '<meta name="twitter:card" content="summary_large_image">' in page


def test_the_card_is_1200_by_630_light_and_centred_on_the_focus_point(shared_page: Path) -> None:
    [graph] = metadata(shared_page)["opengraph"]
    card_file = local_file(shared_page, graph["og:image"])
    assert card_file.stat().st_size <= MAX_CARD_BYTES
    card = read_image(card_file)
    # The 1.91:1 box around the focus: the whole height of the 4000×2000
    # source, 3810 px wide, pushed left by the edge (from 190 to 4000).
    left, top, right, bottom = focus_box((4000, 2000), CARD_SIZE, SHARED_FOCUS)
    assert (left, top, right, bottom) == (190, 0, 4000, 2000)
    scale = CARD_SIZE[0] / (right - left)
    x, y = round((SHARED_FOCUS[0] * 4000 - left) * scale), round((SHARED_FOCUS[1] * 2000 - top) * scale)
    red, green, blue = card.getpixel((x, y))
    assert red > 180 and green < 70 and blue < 70  # the red square is where the point falls on the card
    assert max(card.getpixel((60, 315))) - min(card.getpixel((60, 315))) < 20  # grey far from it
    # The card's name carries its pixels' hash (tested below): new pixels, new address for the crawlers.
    assert re.fullmatch(r"quan-le-chan-hop-ban-chi-dao-35-share-[0-9a-f]{12}\.jpg", card_file.name)


def test_the_card_changes_name_when_its_pixels_change_and_only_then(tmp_path: Path) -> None:
    from tests.editor.conftest import shared_cover

    def card_name(folder: str, focus: dict[str, float] | None, caption: str = "Toàn cảnh cuộc họp.") -> str:
        data = minimal_article()
        data["blocks"][1]["caption"] = caption  # written into the card's credits, not its pixels
        if focus is not None:
            data["blocks"][1]["focus"] = focus
        source = write_article_dir(tmp_path / f"src-{folder}", data, photos={"photos/1.jpg": shared_cover()})
        assert cli_main(["export", str(source), "-o", str(tmp_path / folder)]) == 0
        [graph] = metadata(tmp_path / folder / "index.html")["opengraph"]
        return str(graph["og:image"])

    centred = card_name("a", None)
    assert card_name("b", None) == centred  # the same photo: the same address
    assert card_name("d", None, caption="Chú thích khác.") == centred  # new credits, the same pixels
    assert card_name("c", {"x": 0.85, "y": 0.3}) != centred


def test_a_noisy_cover_still_makes_a_card_under_300_kb(tmp_path: Path) -> None:
    noise = Image.frombytes("RGB", (2400, 1600), os.urandom(2400 * 1600 * 3))
    path = tmp_path / "noise.jpg"
    noise.save(path, quality=95)
    source = write_article_dir(tmp_path / "src", photos={"photos/1.jpg": path.read_bytes()})
    assert cli_main(["export", str(source), "-o", str(tmp_path / "out")]) == 0
    [graph] = metadata(tmp_path / "out" / "index.html")["opengraph"]
    card = local_file(tmp_path / "out" / "index.html", graph["og:image"])
    assert card.stat().st_size <= MAX_CARD_BYTES and read_image(card).size == CARD_SIZE


def test_a_small_photo_gives_crops_no_wider_than_it_is(tmp_path: Path) -> None:
    from tests.helpers import photo_bytes

    source = write_article_dir(tmp_path / "src", photos={"photos/1.jpg": photo_bytes((800, 600))})
    assert cli_main(["export", str(source), "-o", str(tmp_path / "out")]) == 0
    page = tmp_path / "out" / "index.html"
    [article] = metadata(page)["json-ld"]
    assert [read_image(local_file(page, url)).size for url in article["image"]] == [(600, 600), (800, 600), (800, 450)]


def test_without_a_public_address_no_picture_is_named_and_none_is_made(tmp_path: Path) -> None:
    source = write_article_dir(tmp_path / "src", minimal_article(url=""))
    assert cli_main(["export", str(source), "-o", str(tmp_path / "out")]) == 0
    [article] = metadata(tmp_path / "out" / "index.html")["json-ld"]
    assert "image" not in article and "mainEntityOfPage" not in article
    assert not [p for p in (tmp_path / "out" / "images").iterdir() if "-share-" in p.name]


def test_a_long_title_is_cut_to_a_headline_at_a_word() -> None:
    title = "Quận Lê Chân tăng cường bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch trong tình hình mới"
    cut = headline(title)
    assert len(title) > MAX_HEADLINE >= len(cut) and cut.endswith("…")
    assert title.startswith(cut.removesuffix("…")) and title[len(cut) - 1] == " "  # cut at a word's end


def test_the_browser_runs_the_page_under_its_policy_without_refusing_anything(shared_page: Path, tmp_path: Path) -> None:
    def refusals(page: Path) -> list[str]:
        command = [chromium(), "--headless", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                   "--disable-component-update", "--disable-sync", f"--user-data-dir={tmp_path / page.stem}",
                   "--enable-logging=stderr", "--v=0", "--virtual-time-budget=3000", "--dump-dom", page.as_uri()]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.insert(1, "--no-sandbox")
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)
        return [line for line in done.stderr.splitlines() if "Content Security Policy" in line]

    assert refusals(shared_page) == []
    # Guard: the same page with one more inline script, which the policy does not allow, is refused.
    text = shared_page.read_text(encoding="utf-8")
    tampered = tmp_path / "tampered.html"
    tampered.write_text(text.replace("</body>", "<script>document.title = 'x';</script></body>"), encoding="utf-8")
    assert refusals(tampered) != []
    # The structured data in that page is the JSON the renderer wrote.
    [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text)
    assert json.loads(block)["@type"] == "NewsArticle"


def test_a_camera_cover_and_a_narrow_crop_of_it_keep_every_pixel_the_pictures_can_show(tmp_path: Path) -> None:
    """The share pictures of a 12 MP cover are cut from a reduced-scale decode (half the CPU),
    which must still give every box its 1200 px; a cover cropped to a narrow strip has fewer
    pixels than that, and its boxes keep every one of them (never enlarged, never halved)."""
    from tests.helpers import photo_bytes

    def pictures(name: str, crop: dict[str, float] | None) -> tuple[tuple[int, int], list[tuple[int, int]]]:
        data = minimal_article()
        if crop is not None:
            data["blocks"][1]["crop"] = crop
        source = write_article_dir(tmp_path / f"src-{name}", data, photos={"photos/1.jpg": photo_bytes((4000, 3000), "olive")})
        assert cli_main(["export", str(source), "-o", str(tmp_path / name)]) == 0
        page = tmp_path / name / "index.html"
        found = metadata(page)
        [graph], [article] = found["opengraph"], found["json-ld"]
        return read_image(local_file(page, graph["og:image"])).size, [read_image(local_file(page, url)).size for url in article["image"]]

    assert pictures("whole", None) == (CARD_SIZE, [(1200, 1200), (1200, 900), (1200, 675)])
    card, crops = pictures("strip", {"left": 0.5, "top": 0.0, "width": 0.25, "height": 1.0})  # 1000 × 3000 px kept
    assert card == CARD_SIZE and [width for width, _ in crops] == [1000, 1000, 1000]
