"""The status bar's word count: what a cache of block counts spares, and
how many texts it would count again (the window counts an article with
many on a worker)."""

from __future__ import annotations

from editor.model import Article, ListBlock, ParagraphBlock
from editor.word_count import not_counted, word_count


def test_not_counted_names_the_block_texts_a_count_with_the_cache_would_read_again() -> None:
    blocks = [ParagraphBlock(text=f"Đoạn số {n} có sáu chữ.") for n in range(5)]
    blocks.append(ListBlock(items=("Một việc", "Hai việc")))
    article = Article(title="Hai chữ", blocks=blocks)
    cache: dict[tuple[str, str], tuple[str, int]] = {}
    assert not_counted(article, cache) == 6
    assert word_count(article, cache) == 2 + 5 * 6 + 4
    assert not_counted(article, cache) == 0
    # A changed paragraph is a new string: it alone is counted again.
    article.blocks[2] = ParagraphBlock(id=article.blocks[2].id, text="Đoạn đã sửa.")
    assert not_counted(article, cache) == 1
    assert word_count(article, cache) == 2 + 4 * 6 + 3 + 4
