"""pandoc's expected reading of its test documents (``native/NAME.native``,
pandoc's AST printed as Haskell values), read into Python: enough to know
which list items pandoc numbers, with which number, style and delimiter."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TOKEN = re.compile(r'\s*(?:(?P<string>"(?:[^"\\]|\\.)*")|(?P<number>-?\d+(?:\.\d+)?)|(?P<name>[A-Za-z_][\w\']*)|(?P<punct>[()\[\],{}=]))')


def _unescape(literal: str) -> str:
    body = literal[1:-1]

    def one(match: re.Match[str]) -> str:
        escape = match.group(1)
        if escape.isdigit():
            return chr(int(escape))
        return {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "&": ""}.get(escape, escape)

    return re.sub(r"\\(\d+|.)", one, body)


@dataclass
class Node:
    """A constructor applied to its arguments: ``Para [Str "a"]``."""

    name: str
    args: list[Any]


def parse(text: str) -> Any:
    tokens: list[tuple[str, str]] = []
    position = 0
    while position < len(text):
        match = TOKEN.match(text, position)
        if match is None:
            if text[position:].strip():
                raise ValueError(f"cannot read pandoc native at {position}: {text[position:position + 40]!r}")
            break
        kind = match.lastgroup or ""
        tokens.append((kind, match.group(kind)))
        position = match.end()
    index = 0

    def expression() -> Any:
        nonlocal index
        items = []
        while index < len(tokens) and tokens[index][1] not in (",", ")", "]", "}"):
            items.append(atom())
        if items and isinstance(items[0], Node) and not items[0].args and len(items) > 1:
            return Node(items[0].name, items[1:])
        return items[0] if len(items) == 1 else items

    def sequence(close: str) -> list[Any]:
        nonlocal index
        values = []
        while tokens[index][1] != close:
            values.append(expression())
            if tokens[index][1] == ",":
                index += 1
        index += 1
        return values

    def atom() -> Any:
        nonlocal index
        kind, value = tokens[index]
        index += 1
        if kind == "string":
            return _unescape(value)
        if kind == "number":
            return float(value) if "." in value else int(value)
        if kind == "name":
            if index < len(tokens) and tokens[index][1] == "{":  # a record: Name { field = value, … }
                index += 1
                fields = sequence("}")
                return Node(value, fields)
            return Node(value, [])
        if value == "(":
            values = sequence(")")
            return tuple(values) if len(values) != 1 else values[0]
        if value == "[":
            return sequence("]")
        if value == "=":
            return expression()
        raise ValueError(f"unexpected {value!r} in pandoc native")

    return expression()


def plain_text(value: Any) -> str:
    """The text of inlines, as a reader sees it (notes left out)."""
    if isinstance(value, list):
        return "".join(plain_text(item) for item in value)
    if isinstance(value, tuple):
        return ""
    if not isinstance(value, Node):
        return ""
    if value.name == "Str":
        return str(value.args[0])
    if value.name in ("Space", "SoftBreak", "LineBreak"):
        return " "
    if value.name == "Note":
        return ""
    if value.name in ("Link", "Image", "Span"):
        return plain_text(value.args[1])
    if value.name == "Quoted":
        mark = "“" if value.args[0].name == "DoubleQuote" else "‘"
        return mark + plain_text(value.args[1]) + ("”" if mark == "“" else "’")
    return "".join(plain_text(arg) for arg in value.args if isinstance(arg, (list, Node)))


def _letters(number: int) -> str:
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


def _roman(number: int) -> str:
    out = []
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
                           (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def label(number: int, style: str, delimiter: str) -> str:
    """An item's label the way pandoc would print it: ``a)``, ``(iv)``, ``3.``."""
    shown = {"LowerAlpha": _letters(number), "UpperAlpha": _letters(number).upper(), "LowerRoman": _roman(number),
             "UpperRoman": _roman(number).upper()}.get(style, str(number))
    return {"OneParen": f"{shown})", "TwoParens": f"({shown})"}.get(delimiter, f"{shown}.")


@dataclass
class NumberedItem:
    number: int
    style: str  # Decimal, LowerAlpha, … (DefaultStyle: pandoc did not say)
    delimiter: str  # Period, OneParen, TwoParens, DefaultDelim
    text: str  # the item's first paragraph


def numbered_items(path: Path) -> list[NumberedItem]:
    """Every item of every ordered list in pandoc's reading, in order."""
    return parse_items(path.read_text(encoding="utf-8"))


def parse_items(native: str) -> list[NumberedItem]:
    items: list[NumberedItem] = []

    def walk(value: Any) -> None:
        if isinstance(value, (list, tuple)):
            for item in value:
                walk(item)
            return
        if not isinstance(value, Node):
            return
        if value.name == "OrderedList":
            start, style, delimiter = value.args[0]
            for offset, blocks in enumerate(value.args[1]):
                first = next((block for block in blocks if isinstance(block, Node) and block.name in ("Para", "Plain")), None)
                if first is not None:
                    items.append(NumberedItem(start + offset, style.name, delimiter.name, " ".join(plain_text(first.args).split())))
                walk(blocks)
            return
        walk(value.args)

    walk(parse(native))
    return items


def block_text(value: Any) -> str:
    """The words of blocks, tables read row by row and cell by cell."""
    if isinstance(value, list):
        return " ".join(filter(None, (block_text(item) for item in value)))
    if not isinstance(value, Node):
        return ""
    if value.name in ("Para", "Plain", "Header"):
        return " ".join(plain_text(value.args[-1]).split())
    if value.name == "Table":
        return " ".join(" ".join(cell) for cell in table_rows(value))
    if value.name in ("BlockQuote", "Div"):
        return block_text(value.args[-1])
    if value.name in ("BulletList", "OrderedList"):
        return block_text(value.args[-1])
    return ""


def table_rows(table: Node) -> list[list[str]]:
    """A table's rows as pandoc reads them, header rows first, each cell's text."""
    head, bodies, foot = table.args[3], table.args[4], table.args[5]

    def rows(group: Any) -> list[list[str]]:
        return [[block_text(cell.args[-1]) for cell in row.args[1]] for row in group]

    found = rows(head.args[1])
    for body in bodies:
        found += rows(body.args[2]) + rows(body.args[3])
    return found + rows(foot.args[1])


def tables(native: str) -> list[Node]:
    """The document's outermost tables, in order."""
    found: list[Node] = []

    def walk(value: Any) -> None:
        if isinstance(value, (list, tuple)):
            for item in value:
                walk(item)
        elif isinstance(value, Node):
            if value.name == "Table":
                found.append(value)
            else:
                walk(value.args)

    walk(parse(native))
    return found


def lines_as_shown(blocks: list[Any]) -> list[str]:
    """Each block's text as plain lines, a list item with the label its
    list shows ("3. Item", "• Item"): what the reader of the page sees,
    to compare with pandoc's reading whether an item is a paragraph that
    starts with its label or an item of a list block."""
    from editor.model import ListBlock
    from editor.text import inline_to_plain

    lines: list[str] = []
    for block in blocks:
        if isinstance(block, ListBlock):
            lines.extend(f"{f'{block.start + n}.' if block.ordered else '•'} {' '.join(inline_to_plain(item).split())}"
                         for n, item in enumerate(block.items))
        else:
            lines.append(" ".join(inline_to_plain(getattr(block, "text", "")).split()))
    return lines
