#!/usr/bin/env python3
"""Build assets/lexicon/word_clusters.tsv.gz, the word table the model's features look up.

Source: spacy-lookups-data 1.0.5 (MIT licence, ExplosionAI GmbH; see assets/README.md): its
English Brown clusters (en_lexeme_cluster, the clusters spaCy v2.2 models shipped) and word
log-probabilities (en_lexeme_prob). Both were computed from unannotated text; no labelled
corpus is involved.

Each output line: form, cluster, case; the most probable forms first.
- cluster: the Brown cluster of the form as written (spaCy's integer: the cluster's bit path,
  first branch in the lowest bit), 0 when the form has none;
- case: for a lower-case form, how often the word is written capitalised rather than in lower
  case, in tenths (0..10, from the two forms' probabilities), empty for other forms.

Usage: python3 scripts/build_word_clusters.py [WHEEL_OR_DIR] [OUT]
With no WHEEL_OR_DIR, `pip download` fetches the wheel into a temporary folder.
"""
import gzip
import json
import math
import os
import subprocess
import sys
import tempfile
import zipfile

CLUSTER_WORDS = 150_000  # most probable forms that have a cluster
CASE_WORDS = 120_000  # most probable lower-case words given a case figure


def load(src, name):
    path = f"spacy_lookups_data/data/{name}.json.gz"
    if os.path.isdir(src):
        with gzip.open(os.path.join(src, path)) as f:
            return json.load(f)
    with zipfile.ZipFile(src) as z, z.open(path) as raw, gzip.open(raw) as f:
        return json.load(f)


def main():
    out = sys.argv[2] if len(sys.argv) > 2 else "assets/lexicon/word_clusters.tsv.gz"
    src = sys.argv[1] if len(sys.argv) > 1 else None
    tmp = None
    if src is None:
        tmp = tempfile.mkdtemp()
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "-d", tmp,
             "spacy-lookups-data==1.0.5"],
            check=True,
        )
        src = os.path.join(tmp, [f for f in os.listdir(tmp) if f.endswith(".whl")][0])
    clusters = load(src, "en_lexeme_cluster")
    prob = load(src, "en_lexeme_prob")
    by_prob = sorted(prob, key=lambda w: (-prob[w], w))
    rows = {}
    for w in [w for w in by_prob if clusters.get(w)][:CLUSTER_WORDS]:
        if "\t" not in w and "\n" not in w and w.strip() == w and w:
            rows[w] = [clusters[w], ""]
    lower_words = [w for w in by_prob if w.isalpha() and w.islower()][:CASE_WORDS]
    for w in lower_words:
        title = w[:1].upper() + w[1:]
        pl = math.exp(prob[w])
        pt = math.exp(prob.get(title, -40.0))
        case = round(10 * pt / (pt + pl))
        rows.setdefault(w, [clusters.get(w, 0), ""])[1] = str(case)
    # Most probable first, so the first form of each cluster is its best-known member (the
    # word an explanation names: "used like 'France'").
    rank = {w: i for i, w in enumerate(by_prob)}
    with gzip.GzipFile(out, "wb", mtime=0) as f:
        f.write(b"# form\tcluster\tcase: spacy-lookups-data 1.0.5 (MIT), scripts/build_word_clusters.py\n")
        for w in sorted(rows, key=lambda w: (rank[w], w)):
            c, case = rows[w]
            f.write(f"{w}\t{c}\t{case}\n".encode())
    print(f"{out}: {len(rows)} forms")


if __name__ == "__main__":
    main()
