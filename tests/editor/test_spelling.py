"""The Vietnamese spell check (editor/syllables.py, editor/typing_codes.py,
editor/spelling.py) on the texts the office writes."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from editor.article_format import load_article_json
from editor.fields import article_texts
from editor.spelling import CONFUSED, MARK, SYLLABLE, TELEX, Options, check_text, describe, known_words
from editor.syllables import all_syllables, syllables
from editor.text import inline_to_plain
from editor.typing_codes import decode_telex, decode_vni, encode_telex, encode_vni
from editor.vietnamese import NEW, OLD, place_tone_marks
from editor.word_import import import_docx
from tests.editor.spelling_cases import REFERENCE, generate, sentences

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "le-chan" / "article.json"
GOV = ROOT / "tests" / "corpus" / "docx-vietnamese-gov"
HUNSPELL = Path("/usr/share/hunspell/vi_VN.dic")  # Debian's hunspell-vi (tasks.py installs it)


def found(text: str, **options: object) -> list[tuple[str, str]]:
    return [(finding.kind, describe(finding)) for finding in check_text(text, Options(**options))]  # type: ignore[arg-type]


# --- the syllable set ------------------------------------------------------------------

@pytest.mark.parametrize("word", [
    "ca", "kê", "kia", "quê", "quyết", "ghi", "nghiêng", "gà", "ngà", "gì", "gìn", "giếng", "giữ",
    "học", "lịch", "hoạch", "huỳnh", "thuở", "khuya", "khuỷu", "ngoằn", "ngoèo", "yêu", "uyên", "yến",
    "người", "rượu", "xoong", "buýt", "ủy", "uỷ", "hòa", "hoà", "quốc", "gửi",
])
def test_real_syllables_are_in_the_set(word: str) -> None:
    assert word in all_syllables()


@pytest.mark.parametrize("word, rule", [
    ("ce", "c never before e: ke"), ("ci", "c never before i: ki"), ("kô", "k only before i, y, e, ê: cô"), ("qa", "q is always qu"),
    ("gê", "gh before ê"), ("ghà", "gh only before i, e, ê"), ("ngi", "ngh before i"), ("nghà", "ngh only before i, e, ê"),
    ("hòc", "a stop final takes only sắc or nặng"), ("việc".replace("ệ", "ề"), "a stop final takes only sắc or nặng"),
    ("ôch", "-ch only after a, ê, i"), ("ưnh", "-nh only after a, ê, i"), ("boa", "no glide after a lip consonant"),
    ("muy", "no glide after a lip consonant"), ("iên", "iê is yê with no onset"), ("tyên", "iê is iê after an onset"),
    ("ăn".replace("n", ""), "ă never ends a syllable"),
])
def test_what_breaks_a_rule_is_not(word: str, rule: str) -> None:
    assert word not in all_syllables(), rule


def test_each_style_places_the_tone_mark_its_own_way_and_both_are_correct() -> None:
    assert {"hòa", "thủy", "khỏe"} <= syllables(OLD) and not {"hoà", "thuỷ", "khoẻ"} & syllables(OLD)
    assert {"hoà", "thuỷ", "khoẻ"} <= syllables(NEW) and not {"hòa", "thủy", "khỏe"} & syllables(NEW)
    # With a final or after qu the mark has one place in both: hoàn, quý.
    assert {"hoàn", "quý", "thuyền"} <= syllables(OLD) & syllables(NEW)
    assert "hòan" not in all_syllables() and "qúy" not in all_syllables()


def test_the_generated_set_against_debians_hunspell_vi() -> None:
    """Debian's hunspell-vi (LibreOffice's vi_VN, GPL) read as data, never
    shipped: its 6,631 words against our rules, every difference explained."""
    words = {unicodedata.normalize("NFC", line.split("/")[0]).lower()
             for line in HUNSPELL.read_text(encoding="utf-8").splitlines()[1:] if line.strip()}
    ours = all_syllables()
    # Words it has and our rules do not make, each for a reason:
    not_syllables = {  # abbreviations, file types and English words: not Vietnamese syllables
        "abc", "ascii", "email", "gif", "hcm", "hk", "html", "hđnd", "internet", "intranet", "jpeg", "lhq", "pdf",
        "png", "tcvn", "telex", "tout", "tp", "tv", "ubnd", "unicode", "url", "v", "viqr", "viscii", "vn", "vni", "web",
    }
    loan_clusters = {"basoi", "palăng", "tivi", "gram"}  # two syllables written as one, or a cluster (gr)
    non_standard = {
        "têt": "a stop final with the level tone (Tết is têt + sắc)",
        "xit": "a stop final with the level tone",
        "gip": "g before i is gh; a stop final with the level tone",
        "quấc": "a dialect spelling of quốc",
        "quoàng": "qu + o-glide: the u of qu is already the glide", "quoạng": "qu + o-glide", "quoắt": "qu + o-glide",
        "uở": "the u-glide with no onset and ơ: only huơ, khuơ, thuở",
        # Telex leaves these for "công", "tông", "tồng": taking them as words would hide the raw Telex.
        "coong": "the Telex keys of công", "toong": "the Telex keys of tông", "toòng": "the Telex keys of tồng",
    }
    assert words - ours == not_syllables | loan_clusters | set(non_standard)
    # Words our rules make and it lacks: the old style it does not accept
    # ("ủy", "hòa": the reason), and syllables the rules allow that
    # its list of attested words does not hold (possible, rare or unused).
    only_ours = ours - words
    old_style = {word for word in only_ours if place_tone_marks(word, NEW) in words}
    assert {"ủy", "hòa", "tọa", "tỏa", "thủy"} <= old_style
    unattested = only_ours - old_style
    assert len(words & ours) > 6500  # all but the 40 above
    # The rules make about twice as many syllables as are in use ("bim",
    # "biêm"): a typo landing on one goes unseen, the price of a set made by
    # rules, which never flags a real word. Kept from growing further:
    assert len(old_style) > 50 and len(unattested) < 0.55 * len(ours)


# --- Telex and VNI -------------------------------------------------------------------------

def test_telex_and_vni_round_trip_every_word_of_the_reference() -> None:
    words = set(re.findall(r"[^\W\d_]+", REFERENCE.read_text(encoding="utf-8")))
    vietnamese = [word for word in words if word.lower() in all_syllables() and not (word.isupper() and len(word) > 1)]
    assert len(vietnamese) > 250
    for word in vietnamese:
        assert decode_telex(encode_telex(word), OLD) == word, encode_telex(word)
        assert decode_vni(encode_vni(word), OLD) == word, encode_vni(word)


@pytest.mark.parametrize("encode", [encode_telex, encode_vni])
def test_a_whole_sentence_typed_with_the_input_method_off_converts_back(encode: object) -> None:
    for sentence in sentences()[:12]:
        # All-caps abbreviations are left alone: "HDDND" is never read back as Telex.
        typed = re.sub(r"[^\W\d_]+", lambda m: m.group(0) if m.group(0).isupper() and len(m.group(0)) > 1 else encode(m.group(0)), sentence)  # type: ignore[operator]
        findings = [finding for finding in check_text(typed, Options(style=OLD)) if finding.kind == TELEX]
        converted = typed
        for finding in reversed(findings):
            converted = converted[: finding.start] + finding.suggestions[0] + converted[finding.end:]
        assert converted == sentence


# --- what is flagged ---------------------------------------------------------------------------

def test_a_mark_on_the_wrong_vowel_gets_its_one_fix() -> None:
    assert found("nứơc tóan qúa Qúa") == [(MARK, "nứơc → nước"), (MARK, "tóan → toán"), (MARK, "qúa → quá"), (MARK, "Qúa → Quá")]


def test_raw_telex_and_vni_are_found_as_one_stretch_each() -> None:
    assert found("họp Quaanj Lee Chaan hôm nay") == [(TELEX, "Quaanj Lee Chaan → Quận Lê Chân")]
    assert found("trên dduwowngf phố") == [(TELEX, "dduwowngf → đường")]
    assert found("Vie65t Nam") == [(TELEX, "Vie65t → Việt")]


def test_not_a_syllable_suggests_the_nearest_by_keys_and_marks() -> None:
    findings = check_text("nườc ngừoi nguoi", Options(style=OLD))
    assert [finding.kind for finding in findings] == [SYLLABLE] * 3
    assert [finding.suggestions[0] for finding in findings] == ["nước", "người", "người"]


def test_suggestions_follow_the_sites_style() -> None:
    assert check_text("hoaf", Options(style=OLD))[0].suggestions[0] == "hòa"
    assert check_text("hoaf", Options(style=NEW))[0].suggestions[0] == "hoà"


def test_confused_words_from_the_curated_list() -> None:
    assert found("Sáng lạn, chỉnh chu và sát nhập; giành cho tôi") == [
        (CONFUSED, "Sáng lạn → Xán lạn"), (CONFUSED, "chỉnh chu → chỉn chu"), (CONFUSED, "sát nhập → sáp nhập"), (CONFUSED, "giành cho → dành cho")]
    assert found("giành chiến thắng, dành cho") == []  # the right use of each is not flagged


def test_what_is_never_flagged() -> None:
    text = ("UBND HĐND NQ/TW 35-NQ/TW 2023 01/11 https://haiphong.gov.vn/tin-tuc nguoi@haiphong.gov.vn "
            "anh-1.jpg Fanpage Code Đắk Lắk H'Mông iPhone F5 COVID-19 a) b) online link Москва 北京 façade zalo")
    assert found(text) == []


def test_the_sites_dictionary_and_the_articles_ignored_words() -> None:
    assert [kind for kind, _ in found("vải bleu")] == [SYLLABLE]
    assert found("vải bleu", known=known_words(["bleu"])) == []
    assert found("nhà thờ cuả") == [(MARK, "cuả → của")]
    assert found("nhà thờ cuả", known=known_words(["Cuả"])) == []
    assert found("sáng lạn", known=known_words(["sáng lạn"])) == []


# --- real texts: nothing flagged that is right ---------------------------------------------------

@pytest.mark.parametrize("style", [OLD, NEW])
def test_the_reference_article_has_no_finding_in_either_style(style: str) -> None:
    text = place_tone_marks(REFERENCE.read_text(encoding="utf-8"), style)
    assert found(text, style=style) == []


def test_the_example_article_has_no_finding() -> None:
    article = load_article_json(EXAMPLE)
    assert [found(inline_to_plain(text)) for text in (t.value for t in article_texts(article)) if found(inline_to_plain(text))] == []


# Real errors in the corpus, each with why: vbai-05 is typed without any
# diacritics (a copy of an e-mail: "Hoi dong tham dinh"); the words that
# are not syllables without their marks are flagged, each with the right word.
GOV_ERRORS = {
    "vbai-05-CV-tra-loi-BXD.docx": Counter({"dien → điện": 2, "tuyen → tuyến": 2, "duong → dưỡng": 2, "sat → sát": 2, "dap → đáp": 1,
                                             "viec → việc": 1, "truong → trường": 2, "neu → nếu": 1, "hop → hợp": 1}),
}


@pytest.mark.parametrize("path", sorted(GOV.glob("*.docx")), ids=lambda path: path.name[:24])
def test_the_vietnamese_documents_of_the_corpus_have_only_their_real_errors(path: Path) -> None:
    findings: Counter[str] = Counter()
    for text in (t.value for t in article_texts(import_docx(path).article)):
        findings.update(describe(finding) for finding in check_text(inline_to_plain(text)))
    assert findings == GOV_ERRORS.get(path.name, Counter())


# --- the generated error set ----------------------------------------------------------------------

def measure() -> dict[str, tuple[int, int]]:
    """Per kind: (cases, caught with the right word among the first three suggestions)."""
    totals: Counter[str] = Counter()
    caught: Counter[str] = Counter()
    for case in generate():
        totals[case.kind] += 1
        hits = [f for f in check_text(case.sentence, Options(style=OLD)) if f.start < case.end and case.start < f.end]
        caught[case.kind] += any(case.expected in finding.suggestions[:3] for finding in hits)
    return {kind: (totals[kind], caught[kind]) for kind in totals}


def test_the_generated_error_set_is_caught_with_the_right_suggestion() -> None:
    figures = measure()
    cases = sum(total for total, _ in figures.values())
    caught = sum(hit for _, hit in figures.values())
    assert cases >= 2000 and set(figures) == {SYLLABLE, MARK, TELEX, CONFUSED}
    assert caught / cases >= 0.95, figures
    assert all(hit / total >= 0.94 for total, hit in figures.values()), figures


def test_the_generated_faults_are_real_faults() -> None:
    """No case is a right word: each sentence differs from the reference's and its stretch is no syllable."""
    for case in generate()[:400]:
        stretch = case.sentence[case.start:case.end]
        assert stretch != case.expected
        if case.kind in (SYLLABLE, MARK):
            assert stretch.lower() not in all_syllables()


# --- where the words to leave alone are kept ----------------------------------------------------

def test_the_sites_dictionary_and_the_ignored_words_are_kept_in_the_file() -> None:
    from editor.article_format import article_from_dict, article_to_dict
    from editor.model import Article, SiteProfile
    from editor.site import effective_site

    article = Article(title="Bài", spelling_ignored=["Tràng Kênh"], site=SiteProfile(name="Cổng", dictionary=["Đăk Tô", "bleu"]))
    again = article_from_dict(article_to_dict(article, lambda block: block.src), lambda src: None)
    assert again.spelling_ignored == ["Tràng Kênh"]
    assert again.site is not None and again.site.dictionary == ["Đăk Tô", "bleu"]
    # The office's saved words and the article's own both count.
    shown = effective_site(again, None, SiteProfile(dictionary=["Cát Bi"]))
    assert shown.dictionary == ["Cát Bi", "Đăk Tô", "bleu"]
    # A profile without a dictionary is written as before.
    assert "dictionary" not in article_to_dict(Article(site=SiteProfile(name="Cổng")), lambda block: block.src)["site"]


def test_a_dictionary_that_is_not_a_list_of_texts_is_reported() -> None:
    from editor.article_format import article_from_dict
    from editor.errors import ArticleError

    with pytest.raises(ArticleError, match="dictionary"):
        article_from_dict({"format": "article/1", "title": "t", "site": {"dictionary": "bleu"}}, lambda src: None)
