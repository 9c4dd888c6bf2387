#!/usr/bin/env python3
"""Time Gloss's gazetteer next to spaCy's PhraseMatcher and FlashText on the same patterns and
text, in one run, and print the ratios.

    python3 -m venv /tmp/cmp && /tmp/cmp/bin/pip install spacy flashtext
    /tmp/cmp/bin/python benches/compare_matchers.py [--entries 100000] [--mb 10]

The data are generated here, deterministically (pseudo-names, news-like filler), written to
target/compare-matchers/, and given to all three. Gloss runs through
`cargo run --release --example match_file`. Each side reports its best of three runs of the
matching alone (building the automaton or matcher is reported separately).
"""
import argparse
import os
import random
import subprocess
import sys
import time

SYLL = "ka ro mi ne sa lu to ve da ri po zu ma le qi ba no fe gi ha jo wi xe yu".split()
FILLER = ("the minister said on Tuesday that talks with officials in would resume after a pause "
          "of several weeks while council members agreed budget and").split()


def make_data(entries, mb, seed=7):
    rng = random.Random(seed)
    names = set()
    while len(names) < entries:
        words = []
        for _ in range(rng.randint(1, 3)):
            w = "".join(rng.choice(SYLL) for _ in range(rng.randint(2, 4)))
            words.append(w.capitalize())
        names.add(" ".join(words))
    names = sorted(names)
    parts, size = [], 0
    target = mb * 1024 * 1024
    while size < target:
        tok = rng.choice(names) if rng.random() < 1 / 12 else rng.choice(FILLER)
        sep = "\n" if rng.random() < 1 / 15 else " "
        parts.append(tok + sep)
        size += len(tok) + 1
    return names, "".join(parts)


def best_of(f, n=3):
    best, out = float("inf"), None
    for _ in range(n):
        t = time.perf_counter()
        out = f()
        best = min(best, time.perf_counter() - t)
    return best, out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, default=100_000)
    ap.add_argument("--mb", type=int, default=10)
    args = ap.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = os.path.join(root, "target", "compare-matchers")
    os.makedirs(out, exist_ok=True)
    names, text = make_data(args.entries, args.mb)
    pat_path, text_path = os.path.join(out, "patterns.txt"), os.path.join(out, "text.txt")
    with open(pat_path, "w", encoding="utf-8") as f:
        f.write("\n".join(names) + "\n")
    with open(text_path, "w", encoding="utf-8") as f:
        f.write(text)
    mb = len(text.encode("utf-8")) / 1e6
    print(f"{len(names)} patterns, {mb:.1f} MB of text")
    results = {}

    run = subprocess.run(
        ["cargo", "run", "--quiet", "--release", "--example", "match_file", "--", pat_path, text_path],
        cwd=root, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(run.stderr)
    fields = run.stdout.split()
    results["Gloss gazetteer"] = (float(fields[3]), int(fields[1]))

    from flashtext import KeywordProcessor
    t = time.perf_counter()
    kp = KeywordProcessor(case_sensitive=True)
    for n in names:
        kp.add_keyword(n)
    print(f"FlashText build: {time.perf_counter() - t:.2f} s")
    secs, found = best_of(lambda: kp.extract_keywords(text, span_info=True))
    results["FlashText"] = (secs, len(found))

    import spacy
    from spacy.matcher import PhraseMatcher
    nlp = spacy.blank("en")
    nlp.max_length = len(text) + 1
    t = time.perf_counter()
    pm = PhraseMatcher(nlp.vocab)
    pm.add("X", list(nlp.tokenizer.pipe(names)))
    print(f"spaCy PhraseMatcher build: {time.perf_counter() - t:.2f} s")
    # spaCy needs the text tokenised first; that is part of its cost, so it is timed too.
    secs, found = best_of(lambda: pm(nlp.make_doc(text)))
    results["spaCy PhraseMatcher (tokenise + match)"] = (secs, len(found))

    gloss = results["Gloss gazetteer"][0]
    for name, (secs, n) in results.items():
        ratio = secs / gloss
        print(f"{name:40s} {secs * 1000:9.0f} ms  {mb / secs:8.1f} MB/s  {n:8d} matches  "
              f"{ratio:6.1f}× Gloss's time")


if __name__ == "__main__":
    main()
