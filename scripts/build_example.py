#!/usr/bin/env python3
"""Build the example Gloss projects from marked-up articles.

Usage:  python3 scripts/build_example.py [--check] [--src DIR --out FILE --name NAME]

Reads every DIR/*.txt in file-name order (one document each, ids 1, 2, ... in that order) and
writes FILE in exactly the layout Gloss itself writes (`gloss::io::project_file::to_ron`), so
saving the project in the app changes nothing. Without --src/--out/--name it builds
projects/example.ron ("Example") from projects/example-src; `--wire` builds projects/wire.ron
("Wire") from projects/wire-src, the agency-style collection.
With --check nothing is written; the exit status says whether the file is up to date.
Python 3.11, standard library only.

Source file format
==================

A header, a line `---`, then the article body.

Header lines:
    # anything                 a comment
    name: NAME                 the document's name (required)
    status: Todo|InProgress|Done
    @KEY LABEL Name | Alias | Alias ...
                               a canonical entity. KEY is a short handle used by the markup
                               below; LABEL is one of the news labels; the name comes first and
                               aliases follow, separated by " | ". Entities are shared by the
                               whole project: a KEY may be declared in several files, but then
                               identically. Entity ids follow the order of first declaration.
    category: SCHEME VALUE, VALUE ...
                               the document's values in a category scheme of SCHEMES below.
    attribute: @KEY NAME VALUE an attribute of entity KEY (one of ATTRIBUTES, target Entity);
                               an entity's attributes may be given in any of its files, but
                               never differently.
    attribute: QTAG NAME VALUE an attribute of quote QTAG of this file (target Quote).

Body: one paragraph per line (paragraphs are joined with a single "\\n"; blank lines are an
error). Plain text is copied as is; this inline markup adds annotations and is removed:

    [TEXT|KEY]                 a span over TEXT, a name mention of entity KEY, with the
                               entity's label.
    [TEXT|KEY|opt|opt...]      options, in any order:
                                 pro      a pronoun mention ("she"): `mention: Pronoun`
                                 nom      a descriptive mention ("the spokesman"): `Nominal`
                                 LABEL    a label other than the entity's (e.g. GPE -> ORG)
                                 >QTAG    this mention is the speaker of quote QTAG
    {QTAG TEXT}                a content range of quote QTAG (a direct quote). Write the quote
                               marks outside the braces, so content never includes them.
                               Several {QTAG ...} with one tag make one quote with several
                               ranges: a quote split by "she said", or the verbatim and
                               reported parts of a mixed quote.
    {QTAG:ind TEXT}            ... of an indirect quote (reported speech);
    {QTAG:mix TEXT}            ... of a mixed quote. A kind written on any range applies to the
                               quote; ranges of one quote may not disagree.
    <QTAG TEXT>                the cue of quote QTAG: the speech verb or phrase ("said",
                               "according to"). At most one per quote.
    \\X                         a literal X (for [ ] { } < > | \\ in text).

Markup nests: spans may sit inside quote ranges and cues, and spans inside spans.
QTAGs are local to a file. Example:

    “{q1 We stay},” [she|vogt|pro|>q1] <q1 said>, “{q1 not now.}”

Offsets are Unicode code points, end-exclusive (Python string indices). Span ids are 1, 2, ...
in the order Gloss keeps spans (by start, longer first); quote ids are 1, 2, ... by first
content offset.

The build refuses (with file and line) anything that would make a misleading example: a name
span whose text is neither the entity's name nor one of its aliases, an entity name or alias
never used by a name span, a span or quote range that is empty or starts or ends with
whitespace, a quote range holding a quote mark, a quote without exactly one speaker, or a
character whose escaping in RON this script does not reproduce exactly.
"""

from __future__ import annotations

import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC_DIR = ROOT / "projects" / "example-src"
OUT = ROOT / "projects" / "example.ron"
PROJECT_NAME = "Example"
# The agency-style collection (`--wire`): datelines, all-capital headlines, results tables.
WIRE = (ROOT / "projects" / "wire-src", ROOT / "projects" / "wire.ron", "Wire")
SCHEMA = 1

# `LabelSet::news()` from src/model/label.rs: name, colour (PALETTE in order), key, description.
NEWS_LABELS = [
    ("PERSON", "#7aa6e8", "1", "People, real or fictional, by name."),
    ("ORG", "#e8a35a", "2", "Companies, agencies, institutions, parties, teams."),
    ("GPE", "#6cc47e", "3", "Countries, cities, states: places with a government."),
    ("LOC", "#b993e0", "4", "Other places: regions, mountains, seas, buildings."),
    ("NORP", "#e08a9e", "5", "Nationalities, religious or political groups."),
    ("EVENT", "#d9c74a", "6", "Named events: wars, summits, storms, elections."),
    ("MISC", "#9aa8b5", "7", "Other names: laws, works, products, languages."),
]
LABELS = {name for name, *_ in NEWS_LABELS}
# Category schemes for documents: name, several values per document?, values (name, key,
# colour), description. Keys are letters free in categorise mode (`shortcuts::category_letters`).
SCHEMES = [
    (
        "topic",
        True,
        [
            ("politics", "p", "#7aa6e8"),
            ("economy", "o", "#e8a35a"),
            ("environment", "n", "#6cc47e"),
            ("energy", "y", "#d9c74a"),
        ],
        "What the article is about; several may apply.",
    ),
]
# Attributes: name, target (Entity, Span or Quote), values (none: free text), description.
ATTRIBUTES = [
    (
        "gender",
        "Entity",
        ["female", "male", "unknown"],
        "The person's gender as the article presents it (titles, pronouns); Gloss suggests it from first names and pronouns.",
    ),
    ("tone", "Quote", ["negative", "neutral", "positive"], "The tone of what was said."),
]
STATUSES = ("Todo", "InProgress", "Done")
KINDS = {"": "Direct", "ind": "Indirect", "mix": "Mixed"}
MENTIONS = {"pro": "Pronoun", "nom": "Nominal"}
QUOTE_MARKS = set("“”„‟\"«»‹›")
SPECIAL = set("[]{}<>|\\")


class BuildError(Exception):
    pass


@dataclass
class Entity:
    id: int
    key: str
    name: str
    label: str
    aliases: list[str]
    where: str
    used: set[str] = field(default_factory=set)
    attributes: dict[str, str] = field(default_factory=dict)


@dataclass
class Span:
    start: int
    end: int
    label: str
    entity: Entity
    mention: str  # "Name", "Pronoun" or "Nominal"
    speaks: list[str]
    where: str
    order: int  # creation order, to break ties like Gloss does by id
    id: int = 0


@dataclass
class QuoteDraft:
    tag: str
    ranges: list[tuple[int, int]] = field(default_factory=list)
    kind: str | None = None
    cue: tuple[int, int] | None = None
    speaker: Span | None = None
    id: int = 0
    attributes: dict[str, str] = field(default_factory=dict)


@dataclass
class Doc:
    id: int
    name: str
    status: str
    text: str
    spans: list[Span]
    quotes: list[QuoteDraft]
    categories: dict[str, list[str]] = field(default_factory=dict)


# ---------------------------------------------------------------------------------------------
# Markup parser


class Body:
    """Parses one article body, producing its plain text and annotations."""

    def __init__(self, src: str, path: Path, first_line: int, entities: dict[str, Entity]):
        self.s = src
        self.i = 0
        self.out: list[str] = []
        self.path = path
        self.first_line = first_line
        self.entities = entities
        self.spans: list[Span] = []
        self.quotes: dict[str, QuoteDraft] = {}

    def where(self, i: int | None = None) -> str:
        i = self.i if i is None else i
        line = self.first_line + self.s.count("\n", 0, i)
        col = i - (self.s.rfind("\n", 0, i) + 1) + 1
        return f"{self.path.name}:{line}:{col}"

    def fail(self, msg: str, i: int | None = None) -> BuildError:
        return BuildError(f"{self.where(i)}: {msg}")

    def quote(self, tag: str) -> QuoteDraft:
        return self.quotes.setdefault(tag, QuoteDraft(tag))

    def read_until(self, stops: str) -> str:
        """Raw text up to (not including) one of `stops`; no markup, no escapes."""
        j = self.i
        while j < len(self.s) and self.s[j] not in stops:
            if self.s[j] == "\n":
                raise self.fail("markup runs past the end of the line", j)
            j += 1
        if j == len(self.s):
            raise self.fail(f"expected one of {stops!r}")
        raw = self.s[self.i : j]
        self.i = j
        return raw

    def run(self, stop: str | None = None) -> None:
        opened = self.i
        while self.i < len(self.s):
            c = self.s[self.i]
            if stop is not None and c == stop:
                return
            if c == "\\":
                if self.i + 1 >= len(self.s):
                    raise self.fail("a lone backslash at the end")
                self.out.append(self.s[self.i + 1])
                self.i += 2
            elif c == "[":
                self.span()
            elif c == "{":
                self.content()
            elif c == "<":
                self.cue()
            elif c in SPECIAL:
                raise self.fail(f"unexpected {c!r} (write \\{c} for a literal one)")
            else:
                self.out.append(c)
                self.i += 1
        if stop is not None:
            raise self.fail(f"unclosed markup: no {stop!r} after this", opened - 1)

    def span(self) -> None:
        at = self.i
        self.i += 1
        start = len(self.out)
        self.run("|")
        end = len(self.out)
        self.i += 1
        attrs = self.read_until("]").split("|")
        self.i += 1
        key, opts = attrs[0].strip(), [a.strip() for a in attrs[1:]]
        entity = self.entities.get(key)
        if entity is None:
            raise self.fail(f"unknown entity key {key!r} (declare it with @{key} in a header)", at)
        label, mention, speaks = entity.label, "Name", []
        for opt in opts:
            if opt in MENTIONS:
                mention = MENTIONS[opt]
            elif opt in LABELS:
                label = opt
            elif opt.startswith(">") and len(opt) > 1:
                speaks.append(opt[1:])
            else:
                raise self.fail(f"unknown span option {opt!r}", at)
        span = Span(start, end, label, entity, mention, speaks, self.where(at), len(self.spans))
        self.spans.append(span)
        for tag in speaks:
            q = self.quote(tag)
            if q.speaker is not None:
                raise self.fail(f"quote {tag} has two speakers", at)
            q.speaker = span

    def tag_and_space(self) -> str:
        tag = self.read_until(" ")
        self.i += 1
        return tag

    def content(self) -> None:
        at = self.i
        self.i += 1
        tag, _, kind = self.tag_and_space().partition(":")
        if kind not in KINDS:
            raise self.fail(f"unknown quote kind {kind!r} (use :ind or :mix, or nothing)", at)
        start = len(self.out)
        self.run("}")
        self.i += 1
        q = self.quote(tag)
        if kind:
            if q.kind not in (None, KINDS[kind]):
                raise self.fail(f"quote {tag} is given two kinds", at)
            q.kind = KINDS[kind]
        q.ranges.append((start, len(self.out)))
        self.check_range(start, len(self.out), f"quote {tag}", at)

    def cue(self) -> None:
        at = self.i
        self.i += 1
        tag = self.tag_and_space()
        start = len(self.out)
        self.run(">")
        self.i += 1
        q = self.quote(tag)
        if q.cue is not None:
            raise self.fail(f"quote {tag} has two cues", at)
        q.cue = (start, len(self.out))
        self.check_range(start, len(self.out), f"cue of {tag}", at)

    def check_range(self, start: int, end: int, what: str, at: int) -> None:
        text = "".join(self.out[start:end])
        if not text or text != text.strip():
            raise self.fail(f"{what} {text!r} is empty or starts or ends with whitespace", at)


def parse_file(path: Path, entities: dict[str, Entity], doc_id: int) -> Doc:
    lines = path.read_text(encoding="utf-8").split("\n")
    try:
        sep = lines.index("---")
    except ValueError:
        raise BuildError(f"{path.name}: no '---' line between header and body") from None
    name = status = None
    categories: dict[str, list[str]] = {}
    quote_attributes: list[tuple[str, str, str, str]] = []
    for n, line in enumerate(lines[:sep], 1):
        where = f"{path.name}:{n}"
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("name:"):
            name = line[5:].strip()
        elif line.startswith("status:"):
            status = line[7:].strip()
            if status not in STATUSES:
                raise BuildError(f"{where}: status must be one of {', '.join(STATUSES)}")
        elif line.startswith("@"):
            declare_entity(line, where, entities)
        elif line.startswith("category:"):
            scheme, _, rest = line[9:].strip().partition(" ")
            defs = {s[0]: s for s in SCHEMES}
            values = [v.strip() for v in rest.split(",")]
            if scheme not in defs or scheme in categories:
                raise BuildError(f"{where}: unknown or repeated scheme {scheme!r}")
            order = [v[0] for v in defs[scheme][2]]
            if any(v not in order for v in values) or len(set(values)) != len(values):
                raise BuildError(f"{where}: values must be some of {order}, once each")
            if not defs[scheme][1] and len(values) > 1:
                raise BuildError(f"{where}: {scheme} takes one value")
            categories[scheme] = sorted(values, key=order.index)
        elif line.startswith("attribute:"):
            item, attr, value = (line[10:].split(None, 2) + ["", ""])[:3]
            target = "Entity" if item.startswith("@") else "Quote"
            allowed = [a[2] for a in ATTRIBUTES if a[0] == attr and a[1] == target]
            if not allowed or (allowed[0] and value not in allowed[0]):
                raise BuildError(f"{where}: no {target} attribute {attr!r} with value {value!r}")
            quote_attributes.append((item, attr, value, where))
        else:
            raise BuildError(f"{where}: not a header line: {line!r}")
    # Entity attributes once every entity of the header is declared.
    for item, attr, value, where in [a for a in quote_attributes if a[0].startswith("@")]:
        e = entities.get(item[1:])
        if e is None or e.attributes.get(attr, value) != value:
            raise BuildError(f"{where}: unknown entity {item} or a different {attr}")
        e.attributes[attr] = value
    quote_attributes = [a for a in quote_attributes if not a[0].startswith("@")]
    if not name:
        raise BuildError(f"{path.name}: the header has no 'name:'")

    body_lines = lines[sep + 1 :]
    while body_lines and body_lines[-1] == "":
        body_lines.pop()
    for n, line in enumerate(body_lines, sep + 2):
        if not line.strip():
            raise BuildError(f"{path.name}:{n}: blank line (paragraphs are separated by one \\n)")
        if line != line.strip():
            raise BuildError(f"{path.name}:{n}: leading or trailing whitespace")
    body = Body("\n".join(body_lines), path, sep + 2, entities)
    body.run()
    text = "".join(body.out)

    for span in body.spans:
        span_text = text[span.start : span.end]
        if not span_text or span_text != span_text.strip():
            raise BuildError(f"{span.where}: span {span_text!r} is empty or has outer whitespace")
        e = span.entity
        if span.mention == "Name":
            if span_text != e.name and span_text not in e.aliases:
                raise BuildError(
                    f"{span.where}: {span_text!r} is neither the name nor an alias of {e.key} "
                    f"({e.name!r}, aliases {e.aliases})"
                )
            e.used.add(span_text)

    # Gloss keeps spans by (start, longer first, id); number them in that order.
    spans = sorted(body.spans, key=lambda s: (s.start, -s.end, s.order))
    for n, s in enumerate(spans, 1):
        s.id = n

    quotes = list(body.quotes.values())
    for q in quotes:
        if not q.ranges:
            raise BuildError(f"{path.name}: quote {q.tag} has a cue or speaker but no content")
        if q.speaker is None:
            raise BuildError(f"{path.name}: quote {q.tag} has no speaker (add >{q.tag} to a span)")
        q.ranges.sort()
        q.kind = q.kind or "Direct"
        for a, b in q.ranges:
            if QUOTE_MARKS & set(text[a:b]):
                raise BuildError(f"{path.name}: quote {q.tag} content holds a quote mark")
    quotes.sort(key=lambda q: (q.ranges[0][0], q.tag))
    for n, q in enumerate(quotes, 1):
        q.id = n
    for tag, attr, value, where in quote_attributes:
        if tag not in body.quotes:
            raise BuildError(f"{where}: no quote {tag} in this file")
        body.quotes[tag].attributes[attr] = value

    return Doc(doc_id, name, status or "Todo", text, spans, quotes, categories)


def declare_entity(line: str, where: str, entities: dict[str, Entity]) -> None:
    head, _, rest = line[1:].partition(" ")
    label, _, names = rest.strip().partition(" ")
    parts = [p.strip() for p in names.split("|")]
    if not head or label not in LABELS or not parts[0] or any(not p for p in parts):
        raise BuildError(f"{where}: expected '@KEY LABEL Name | Alias ...' with a news label")
    if len(set(parts)) != len(parts):
        raise BuildError(f"{where}: a name or alias is listed twice")
    known = entities.get(head)
    if known is not None:
        if (known.name, known.label, known.aliases) != (parts[0], label, parts[1:]):
            raise BuildError(f"{where}: @{head} differs from its declaration at {known.where}")
        return
    entities[head] = Entity(len(entities) + 1, head, parts[0], label, parts[1:], where)


# ---------------------------------------------------------------------------------------------
# RON writer: the layout of `ron::ser::to_string_pretty` with Gloss's `PrettyConfig`
# (2-space indent, "\n", depth limit 4 so spans and quotes sit on one line each, no struct
# names) and the model's serde attributes (fields in struct order; `source`, `aliases`, `origin`,
# `verdicts`, `entity`, `speaker`, `cue` and a Name `mention` skipped when default).


def ron_str(s: str) -> str:
    """A RON string literal as ron 0.12 writes it: every char through Rust's `char::escape_debug`."""
    out = []
    for c in s:
        if c in "\\\"'":
            out.append("\\" + c)
        elif c == "\n":
            out.append("\\n")
        elif c == "\t":
            out.append("\\t")
        elif c == "\r":
            out.append("\\r")
        elif " " <= c <= "~":
            out.append(c)
        elif ord(c) > 0x7F and unicodedata.category(c)[0] in "LNPS" and c not in "\u00ad":
            out.append(c)
        else:
            # Rust escapes grapheme extenders, controls, format and separator characters as
            # \u{..} after its own tables; refuse rather than guess.
            raise BuildError(f"character U+{ord(c):04X} in {s[:40]!r}...: escaping not reproduced")
    return '"' + "".join(out) + '"'


def ron_char(c: str) -> str:
    return "'" + ("\\" + c if c in "\\'" else c) + "'"


def write_ron(entities: list[Entity], docs: list[Doc]) -> str:
    w: list[str] = []
    put = w.append
    put("(")
    put(f"  schema: {SCHEMA},")
    put(f"  name: {ron_str(PROJECT_NAME)},")
    put("  labels: [")
    for name, color, key, description in NEWS_LABELS:
        put("    (")
        put(f"      name: {ron_str(name)},")
        put(f"      color: {ron_str(color)},")
        put(f"      key: Some({ron_char(key)}),")
        put(f"      description: {ron_str(description)},")
        put("    ),")
    put("  ],")
    if SCHEMES:
        put("  schemes: [")
        for name, multiple, values, description in SCHEMES:
            put("    (")
            put(f"      name: {ron_str(name)},")
            if multiple:
                put("      multiple: true,")
            put("      values: [")
            for value, key, color in values:
                put(f"        (name: {ron_str(value)}, key: Some({ron_char(key)}), color: {ron_str(color)}),")
            put("      ],")
            if description:
                put(f"      description: {ron_str(description)},")
            put("    ),")
        put("  ],")
    if ATTRIBUTES:
        put("  attributes: [")
        for name, target, values, description in ATTRIBUTES:
            put("    (")
            put(f"      name: {ron_str(name)},")
            put(f"      target: {target},")
            if values:
                put("      values: [")
                for v in values:
                    put(f"        {ron_str(v)},")
                put("      ],")
            if description:
                put(f"      description: {ron_str(description)},")
            put("    ),")
        put("  ],")
    put("  entities: [" if entities else "  entities: [],")
    for e in entities:
        put("    (")
        put(f"      id: {e.id},")
        put(f"      name: {ron_str(e.name)},")
        put(f"      label: {ron_str(e.label)},")
        if e.aliases:
            put("      aliases: [")
            for a in e.aliases:
                put(f"        {ron_str(a)},")
            put("      ],")
        if e.attributes:
            put("      attributes: {")
            for k in sorted(e.attributes):
                put(f"        {ron_str(k)}: {ron_str(e.attributes[k])},")
            put("      },")
        put("    ),")
    if entities:
        put("  ],")
    put("  documents: [" if docs else "  documents: [],")
    for d in docs:
        put("    (")
        put(f"      id: {d.id},")
        put(f"      name: {ron_str(d.name)},")
        put(f"      status: {d.status},")
        if d.categories:
            put("      categories: {")
            for k in sorted(d.categories):
                values = ", ".join(ron_str(v) for v in d.categories[k])
                put(f"        {ron_str(k)}: [{values}],")
            put("      },")
        put(f"      text: {ron_str(d.text)},")
        put("      spans: [" if d.spans else "      spans: [],")
        for s in d.spans:
            fields = [f"id: {s.id}", f"start: {s.start}", f"end: {s.end}", f"label: {ron_str(s.label)}"]
            fields.append(f"entity: Some({s.entity.id})")
            if s.mention != "Name":
                fields.append(f"mention: {s.mention}")
            put(f"        ({', '.join(fields)}),")
        if d.spans:
            put("      ],")
        put("      quotes: [" if d.quotes else "      quotes: [],")
        for q in d.quotes:
            content = ", ".join(f"({a}, {b})" for a, b in q.ranges)
            fields = [f"id: {q.id}", f"content: [{content}]"]
            if q.speaker is not None:
                fields.append(f"speaker: Some({q.speaker.id})")
            if q.cue is not None:
                fields.append(f"cue: Some(({q.cue[0]}, {q.cue[1]}))")
            fields.append(f"kind: {q.kind}")
            if q.attributes:
                pairs = ", ".join(f"{ron_str(k)}: {ron_str(q.attributes[k])}" for k in sorted(q.attributes))
                fields.append(f"attributes: {{{pairs}}}")
            put(f"        ({', '.join(fields)}),")
        if d.quotes:
            put("      ],")
        put("    ),")
    if docs:
        put("  ],")
    put(")")
    return "\n".join(w) + "\n"


# ---------------------------------------------------------------------------------------------


def build() -> tuple[str, list[Entity], list[Doc]]:
    files = sorted(SRC_DIR.glob("*.txt"))
    if not files:
        raise BuildError(f"no *.txt files in {SRC_DIR}")
    entities: dict[str, Entity] = {}
    docs = [parse_file(path, entities, n) for n, path in enumerate(files, 1)]
    for e in entities.values():
        unused = [n for n in [e.name, *e.aliases] if n not in e.used]
        if unused:
            raise BuildError(f"{e.where}: {unused} of @{e.key} never used by a name span")
    ordered = sorted(entities.values(), key=lambda e: e.id)
    return write_ron(ordered, docs), ordered, docs


def main(argv: list[str]) -> int:
    global SRC_DIR, OUT, PROJECT_NAME
    args = argv[1:]
    check = "--check" in args
    if "--wire" in args:
        SRC_DIR, OUT, PROJECT_NAME = WIRE
    for flag in ("--src", "--out", "--name"):
        if flag in args:
            i = args.index(flag)
            if i + 1 >= len(args):
                print(f"build_example: {flag} needs a value", file=sys.stderr)
                return 2
            value = args[i + 1]
            if flag == "--src":
                SRC_DIR = Path(value).resolve()
            elif flag == "--out":
                OUT = Path(value).resolve()
            else:
                PROJECT_NAME = value
    try:
        text, entities, docs = build()
    except BuildError as e:
        print(f"build_example: {e}", file=sys.stderr)
        return 1
    for d in docs:
        words = len(d.text.split())
        print(
            f"{d.id} {d.name}: {words} words, {len(d.spans)} spans, {len(d.quotes)} quotes, {d.status}",
            file=sys.stderr,
        )
    print(f"{len(entities)} entities", file=sys.stderr)
    if check:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else None
        if current != text:
            print(f"build_example: {OUT} is out of date", file=sys.stderr)
            return 1
        return 0
    OUT.write_bytes(text.encode("utf-8"))
    print(f"wrote {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
