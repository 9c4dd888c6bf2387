#!/usr/bin/env python3
"""Check a Gloss spaCy export against Gloss's native JSONL export of the same documents.

    check_spacy.py EXPORT.spacy EXPECTED.jsonl [--labels PERSON,ORG] [--no-quotes] [--train]

Loads EXPORT.spacy with spaCy itself (DocBin().from_disk, a blank English vocab) and asserts,
document by document, what src/io/spacy.rs promises, derived independently from the JSONL:

- doc.text is the document's text, and user_data names the document and its status;
- doc.ents are the names (entities without "mention"), white space trimmed off their ends,
  flattened (by start, longer first; a name overlapping one kept is dropped), with the label and
  the canonical entity name as kb_id_;
- doc.spans["sc"] holds every entity (names, pronouns, descriptions), trimmed;
- doc.spans["quotes"] one span per content part labelled with the kind, doc.spans["speakers"]
  (SPEAKER) and doc.spans["cues"] (CUE), tied to their quote by id_, with the speaker's entity
  name as kb_id_.

With --train it also runs `spacy train` (ner + spancat, two steps) on the export, which proves
the file is usable as training data. Exit status 0 when everything matches, 1 otherwise.

    check_spacy.py --import GLOSS

checks the other way: spaCy builds a DocBin (a blank English pipeline; doc.ents with kb ids,
overlapping spans in doc.spans groups, doc.cats, user_data), the gloss program GLOSS imports it
(`gloss import P.ron made.spacy`, the format chosen by the extension) and exports it as JSONL,
and every Doc's text, entities and span-group spans (label, offsets, kb_id as the entity),
cats (metadata `cat:LABEL`) and user_data must be in the JSONL.
"""

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import spacy
from spacy.tokens import DocBin

# Rust's char::is_whitespace (Unicode White_Space): what Gloss trims. Python's str.isspace also
# counts U+001C..U+001F, which Gloss does not.
WHITE = set("\t\n\x0b\x0c\r \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000") | {
    chr(c) for c in range(0x2000, 0x200B)
}


def trim(text, start, end):
    while start < end and text[start] in WHITE:
        start += 1
    while end > start and text[end - 1] in WHITE:
        end -= 1
    return (start, end) if start < end else None


def flatten(items):
    kept = []
    for item in sorted(items, key=lambda x: (x[0][0], -x[0][1])):
        if kept and item[0][0] < kept[-1][0][1]:
            continue
        kept.append(item)
    return kept


def expected(record, labels, quotes_on):
    text = record["text"]
    selected = [e for e in record["entities"] if labels is None or e["label"] in labels]
    sc, names = [], []
    for e in selected:
        r = trim(text, e["start"], e["end"])
        if r is None:
            continue
        item = (r, e["label"], e["entity"] or "")
        sc.append(item)
        if "mention" not in e:
            names.append(item)
    quotes = []
    for q in record["quotes"] if quotes_on else []:
        parts = [trim(text, s, e) for s, e in sorted(map(tuple, q["content"]))]
        parts = [p for p in parts if p]
        if not parts:
            continue
        speaker = trim(text, *q["speaker"]) if q["speaker"] else None
        cue = trim(text, *q["cue"]) if q["cue"] else None
        quotes.append((parts, q["kind"], q["speaker_entity"] or "", speaker, cue))
    return {"ents": flatten(names), "sc": sc, "quotes": quotes}


def actual(doc):
    ents = [((e.start_char, e.end_char), e.label_, e.kb_id_) for e in doc.ents]
    sc = [((s.start_char, s.end_char), s.label_, s.kb_id_) for s in doc.spans["sc"]]
    by_id = {}
    for s in doc.spans["quotes"]:
        q = by_id.setdefault(s.id_, {"parts": [], "kinds": set(), "kbs": set()})
        q["parts"].append((s.start_char, s.end_char))
        q["kinds"].add(s.label_)
        q["kbs"].add(s.kb_id_)
    speakers, cues = {}, {}
    for s in doc.spans["speakers"]:
        assert s.label_ == "SPEAKER", s.label_
        assert s.id_ in by_id, f"speaker {s} belongs to no quote ({s.id_})"
        speakers[s.id_] = ((s.start_char, s.end_char), s.kb_id_)
    for s in doc.spans["cues"]:
        assert s.label_ == "CUE", s.label_
        assert s.id_ in by_id, f"cue {s} belongs to no quote ({s.id_})"
        cues[s.id_] = (s.start_char, s.end_char)
    quotes = []
    for qid, q in by_id.items():
        assert len(q["kinds"]) == 1 and len(q["kbs"]) == 1, f"parts of {qid} disagree: {q}"
        speaker = speakers.get(qid)
        if speaker is not None:
            assert speaker[1] == next(iter(q["kbs"])), f"{qid}: speaker kb_id differs"
        quotes.append(
            (
                q["parts"],
                next(iter(q["kinds"])),
                next(iter(q["kbs"])),
                speaker[0] if speaker else None,
                cues.get(qid),
            )
        )
    return {"ents": ents, "sc": sc, "quotes": quotes}


def train(path):
    """Run `spacy train` for two steps on the export (train and dev alike)."""
    with tempfile.TemporaryDirectory() as tmp:
        cfg = Path(tmp) / "config.cfg"
        subprocess.run(
            [sys.executable, "-m", "spacy", "init", "config", str(cfg), "--lang", "en",
             "--pipeline", "ner,spancat", "--optimize", "efficiency", "--force"],
            check=True, capture_output=True,
        )
        run = subprocess.run(
            [sys.executable, "-m", "spacy", "train", str(cfg), "--output", str(Path(tmp) / "out"),
             "--paths.train", str(path), "--paths.dev", str(path),
             "--training.max_steps", "2", "--training.eval_frequency", "1"],
            capture_output=True, text=True,
        )
        if run.returncode != 0:
            print(run.stdout[-3000:], run.stderr[-3000:], sep="\n", file=sys.stderr)
            raise SystemExit("spacy train failed on the export")


def made_by_spacy():
    """Docs as a spaCy user makes them, and a DocBin holding them."""
    nlp = spacy.blank("en")

    def span(doc, needle, label, kb_id=""):
        start = doc.text.index(needle)
        made = doc.char_span(start, start + len(needle), label=label, kb_id=kb_id)
        assert made is not None, f"{needle!r} is not whole tokens of {doc.text!r}"
        return made

    docs = []
    d = nlp("Angela Merkel met Emmanuel Macron in Paris 👋🏽 on Monday.")
    d.ents = [span(d, "Angela Merkel", "PERSON", "Q567"), span(d, "Emmanuel Macron", "PERSON"),
              span(d, "Paris", "GPE")]
    d.spans["sc"] = [span(d, "Angela Merkel", "PERSON"), span(d, "Merkel met Emmanuel Macron", "MEETING"),
                     span(d, "Emmanuel Macron in Paris", "TRIP", "trip-1")]
    d.spans["topics"] = [span(d, "Paris 👋🏽", "PLACE")]
    d.cats = {"POLITICS": 0.75, "SPORT": 0.0}
    d.user_data["url"] = "https://example.org/1"
    d.user_data["words"] = 9
    docs.append(d)
    d = nlp("Zoë visited 東京 and the Bank of England in São Paulo.")
    d.ents = [span(d, "Zoë", "PERSON"), span(d, "東京", "GPE"),
              span(d, "Bank of England", "ORG", "Q183"), span(d, "São Paulo", "GPE")]
    d.spans["sc"] = [span(d, "England", "GPE"), span(d, "Bank of England", "ORG")]
    d.cats = {"TRAVEL": 1.0}
    docs.append(d)
    docs.append(nlp("Nothing to see here."))
    db = DocBin(store_user_data=True)
    for d in docs:
        db.add(d)
    return docs, db


def check_import(gloss):
    docs, db = made_by_spacy()
    with tempfile.TemporaryDirectory() as tmp:
        db.to_disk(Path(tmp) / "made.spacy")
        for args in (["import", "p.ron", "made.spacy"],
                     ["export", "p.ron", "--format", "jsonl", "-o", "p.jsonl"]):
            run = subprocess.run([gloss, *args], cwd=tmp, capture_output=True, text=True)
            if run.returncode != 0:
                print(run.stdout, run.stderr, sep="\n", file=sys.stderr)
                raise SystemExit(f"gloss {args[0]} failed")
        with open(Path(tmp) / "p.jsonl", encoding="utf-8") as f:
            records = [json.loads(line) for line in f if line.strip()]
    problems = []
    if len(records) != len(docs):
        problems.append(f"{len(records)} documents imported, {len(docs)} made")
    for i, (doc, rec) in enumerate(zip(docs, records)):
        if rec["text"] != doc.text:
            problems.append(f"doc {i}: text {rec['text']!r}, spaCy's {doc.text!r}")
            continue
        # The same range and label is one span in Gloss, linked if any copy names an entity.
        want = {}
        for s in [*doc.ents, *(s for group in doc.spans.values() for s in group)]:
            key = (s.start_char, s.end_char, s.label_)
            want[key] = want.get(key) or s.kb_id_ or None
        got = {(e["start"], e["end"], e["label"]): e["entity"] for e in rec["entities"]}
        if got != want:
            problems.append(f"doc {i}: spans\n  spaCy {sorted(want.items())}\n  Gloss {sorted(got.items())}")
        meta = rec.get("meta", {})
        cats = {k[4:]: float(v) for k, v in meta.items() if k.startswith("cat:")}
        if cats != doc.cats:
            problems.append(f"doc {i}: cats {doc.cats}, metadata {meta}")
        for key, value in doc.user_data.items():
            if meta.get(key) != str(value):
                problems.append(f"doc {i}: user_data {key}={value!r}, metadata {meta}")
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        return 1
    n = sum(len(r["entities"]) for r in records)
    print(f"spaCy {spacy.__version__}: gloss imported {len(records)} documents and {n} spans "
          "as spaCy made them, with cats and user_data")
    return 0


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--import":
        return check_import(sys.argv[2])
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("export")
    ap.add_argument("expected")
    ap.add_argument("--labels", help="the labels the export was limited to, comma-separated")
    ap.add_argument("--no-quotes", action="store_true", help="the export left quotes out")
    ap.add_argument("--train", action="store_true", help="also run spacy train on the export")
    args = ap.parse_args()
    labels = set(args.labels.split(",")) if args.labels else None

    nlp = spacy.blank("en")
    docs = list(DocBin().from_disk(args.export).get_docs(nlp.vocab))
    with open(args.expected, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    problems = []
    if len(docs) != len(records):
        problems.append(f"{len(docs)} documents in the export, {len(records)} expected")
    for doc, rec in zip(docs, records):
        name = rec["doc"]
        if doc.text != rec["text"]:
            problems.append(f"{name}: text differs")
            continue
        if doc.user_data.get("gloss_doc") != name or doc.user_data.get("gloss_status") != rec["status"]:
            problems.append(f"{name}: user_data {dict(doc.user_data)!r}")
        want, got = expected(rec, labels, not args.no_quotes), actual(doc)
        for key in ("ents", "sc", "quotes"):
            if want[key] != got[key]:
                problems.append(f"{name}: {key}\n  expected {want[key]}\n  found    {got[key]}")
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        return 1
    n_ents = sum(len(d.ents) for d in docs)
    n_sc = sum(len(d.spans["sc"]) for d in docs)
    n_q = sum(len({s.id_ for s in d.spans["quotes"]}) for d in docs)
    if args.train:
        train(args.export)
    print(
        f"spaCy {spacy.__version__}: {len(docs)} documents, {n_ents} entities, {n_sc} spans, "
        f"{n_q} quotes match {args.expected}" + ("; spacy train ran" if args.train else "")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
