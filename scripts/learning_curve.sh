#!/usr/bin/env bash
# Learning curve of the tagger on GermEval-like text: how much does labelled
# in-domain data help? GermEval 2014 dev is split by position into a test
# part (its last 20%) and a pool (the first 80%); the tagger is trained on
# the built-in training set (data/models/training.tsv) plus the first 0, 10,
# 25, 50 and 100% of the pool (weight 3, as `train --germeval-dev` uses), and
# scored on the test part. Two shuffle seeds per point; prints micro F1 and
# ORG F1 per run and their means.
#
# Usage: scripts/learning_curve.sh [CORPORA_DIR]   (default ../shared/corpora)
set -euo pipefail
cd "$(dirname "$0")/.."
corpora=${1:-../shared/corpora}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
bin=target/release/nergraph

python3 - "$corpora/germeval2014/NER-de-dev.tsv" "$work" data/models/training.tsv <<'PY'
import sys
src, work, base_set = sys.argv[1], sys.argv[2], sys.argv[3]
docs, cur = [], []
for line in open(src, encoding="utf-8"):
    cur.append(line)
    if not line.strip():
        docs.append("".join(cur))
        cur = []
if cur:
    docs.append("".join(cur))
cut = len(docs) * 8 // 10
pool, test = docs[:cut], docs[cut:]
open(f"{work}/test.tsv", "w", encoding="utf-8").write("".join(test))
base = [l for l in open(base_set, encoding="utf-8") if not l.startswith("#")]
for pct in (0, 10, 25, 50, 100):
    part = pool[: len(pool) * pct // 100]
    open(f"{work}/pool{pct}.tsv", "w", encoding="utf-8").write("".join(part))
    with open(f"{work}/set{pct}.tsv", "w", encoding="utf-8") as f:
        f.write("".join(base))
        if part:
            f.write(f"{work}/pool{pct}.tsv\t3\t1\t-\n")
    print(f"{pct}\t{len(part)}", file=open(f"{work}/sizes", "a"))
PY

printf '%-10s %-10s %-6s %-8s %s\n' "pool %" sentences seed "F1" "ORG F1"
while read -r pct sentences; do
  for seed in 20140101 7; do
    "$bin" train --corpora "$corpora" --seed "$seed" --training-set "$work/set$pct.tsv" \
      -o "$work/m.bin" 2>/dev/null
    "$bin" --model "$work/m.bin" eval --json "$work/test.tsv" |
      python3 -c "import sys, json; d = json.load(sys.stdin); print('%-10s %-10s %-6s %.4f   %.4f' % ('$pct', '$sentences', '$seed', d['micro']['f1'], d['per_type']['ORG']['f1']))"
  done
done < "$work/sizes" | tee "$work/runs"
awk '{f[$1] += $4; o[$1] += $5; n[$1]++; s[$1] = $2}
     END {for (p in f) printf "mean: pool %s%% (%s sentences): F1 %.4f, ORG %.4f\n", p, s[p], f[p]/n[p], o[p]/n[p]}' \
  "$work/runs" | sort -t' ' -k3 -n
