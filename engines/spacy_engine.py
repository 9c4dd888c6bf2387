#!/usr/bin/env python3
"""Gloss's bundled spaCy engine: any installed spaCy pipeline as a Gloss suggestion engine.

    python3 engines/spacy_engine.py --model en_core_web_sm [--map PERSON=PER ...] [--score 0.8]

It speaks Gloss's engine protocol (see "Engines of your own" in the README): documents come in
as JSON Lines on standard input, {"doc": 3, "text": "...", "labels": ["PERSON", "ORG", ...]},
and every entity spaCy finds goes out as one line,
{"doc": 3, "start": 0, "end": 5, "label": "PERSON", "score": 0.8, "reason": "..."}. Offsets
are Python string indices, which are Unicode code points: Gloss's unit.

--model is an installed pipeline's name (en_core_web_sm, en_core_web_trf, ...) or the folder of
a saved one (a model you trained). Each of spaCy's labels becomes the first of its candidates in
LABELS below that the project has, compared without case (GPE becomes LOC in a CoNLL-style
project); an entity whose label has none is left out. --map SPACY=PROJECT overrides a label
(repeat it; --map DATE= leaves DATE out), and --labels FILE.json replaces the whole table.

spaCy gives no confidence for an entity: every one gets --score (default 0.8). Texts longer
than --chunk characters are cut at line breaks and run piece by piece (spaCy refuses texts over
nlp.max_length, and its memory grows with the text), with offsets adjusted.
"""

import argparse
import json
import sys

# spaCy's labels (OntoNotes, and CoNLL's PER/LOC/ORG/MISC) → the project labels they may become,
# the first the project has winning.
LABELS = {
    "PERSON": ["PERSON", "PER"],
    "PER": ["PER", "PERSON"],
    "ORG": ["ORG", "ORGANIZATION", "ORGANISATION"],
    "GPE": ["GPE", "LOC", "LOCATION"],
    "LOC": ["LOC", "LOCATION"],
    "FAC": ["FAC", "LOC", "LOCATION"],
    "NORP": ["NORP", "MISC"],
    "EVENT": ["EVENT", "MISC"],
    "WORK_OF_ART": ["WORK_OF_ART", "MISC"],
    "LAW": ["LAW", "MISC"],
    "PRODUCT": ["PRODUCT", "MISC"],
    "LANGUAGE": ["LANGUAGE", "MISC"],
    "MISC": ["MISC"],
}


def fail(message, status=2):
    print(f"spacy_engine: {message}", file=sys.stderr)
    sys.exit(status)


def arguments():
    p = argparse.ArgumentParser(prog="spacy_engine.py", description=__doc__.split("\n\n")[0])
    p.add_argument("--model", required=True, help="an installed pipeline or a folder")
    p.add_argument("--map", action="append", default=[], metavar="SPACY=PROJECT")
    p.add_argument("--labels", metavar="FILE.json", help="the whole label table, as JSON")
    p.add_argument("--score", type=float, default=0.8)
    p.add_argument("--chunk", type=int, default=100_000)
    p.add_argument("--batch", type=int, default=32)
    return p.parse_args()


def table(args):
    labels = {k: list(v) for k, v in LABELS.items()}
    if args.labels:
        try:
            with open(args.labels, encoding="utf-8") as f:
                labels = {k: ([v] if isinstance(v, str) else list(v)) for k, v in json.load(f).items()}
        except (OSError, ValueError) as e:
            fail(f"--labels {args.labels}: {e}")
    for m in args.map:
        if "=" not in m:
            fail(f"--map {m}: write SPACY=PROJECT")
        k, v = m.split("=", 1)
        labels[k.strip()] = [v.strip()] if v.strip() else []
    return labels


def mapper(labels, project):
    """spaCy label → project label (or None), for one project label set."""
    have = {p.lower(): p for p in project}
    out = {}

    def to(label):
        if label not in out:
            out[label] = next(
                (have[c.lower()] for c in labels.get(label, [label]) if c.lower() in have), None
            )
        return out[label]

    return to


def pieces(text, size):
    """(offset, piece) with pieces of at most about `size` characters, cut after a line break."""
    start = 0
    while len(text) - start > size:
        cut = text.rfind("\n", start, start + size)
        if cut <= start:
            cut = text.find("\n", start + size)
            if cut < 0:
                break
        yield start, text[start : cut + 1]
        start = cut + 1
    yield start, text[start:]


def documents(stream):
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
            yield d["doc"], d["text"], d.get("labels") or []
        except (ValueError, KeyError, TypeError) as e:
            fail(f"input line {number} is not a document: {e}", 1)


def main():
    args = arguments()
    try:
        import spacy
    except ImportError:
        fail(f"spaCy is not installed for {sys.executable}: run {sys.executable} -m pip install spacy")
    try:
        nlp = spacy.load(args.model)
    except (OSError, ImportError, ValueError) as e:
        fail(
            f"cannot load the spaCy pipeline {args.model!r} ({e}); install it "
            f"({sys.executable} -m spacy download {args.model}) or give the folder of a saved one"
        )
    labels = table(args)
    name = f"{nlp.meta.get('lang', '')}_{nlp.meta.get('name', '')}".strip("_") or args.model
    mappers = {}
    out = sys.stdout

    def work():
        for doc, text, project in documents(sys.stdin):
            key = tuple(project)
            if key not in mappers:
                mappers[key] = mapper(labels, project)
            parts = list(pieces(text, args.chunk))
            for i, (offset, piece) in enumerate(parts):
                yield piece, (doc, key, offset, i + 1 == len(parts))

    for parsed, (doc, key, offset, last) in nlp.pipe(work(), as_tuples=True, batch_size=args.batch):
        to = mappers[key]
        for ent in parsed.ents:
            label = to(ent.label_)
            if label is None:
                continue
            line = {
                "doc": doc,
                "start": offset + ent.start_char,
                "end": offset + ent.end_char,
                "label": label,
                "score": args.score,
                "reason": f"spaCy {name}: {ent.label_}",
            }
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
        if last:
            out.flush()
    out.flush()


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError:
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
