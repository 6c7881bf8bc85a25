#!/usr/bin/env bash
# Whole-command throughput and peak memory of `nergraph build` on ~100 MB of
# real German news text (the SmartData texts, repeated with fresh ids).
#
# Usage: scripts/bench_build.sh [SMARTDATA_DIR] [TARGET_MB]
# Prints MB/s on one core (RAYON_NUM_THREADS=1) and on all cores, and the
# peak resident memory for 1x and 0.5x the corpus size (to show that memory
# is bounded by the graph, not the corpus), and for the first 20 MB of texts
# joined into one plain-text file (an archive in one file, read in parts).
set -euo pipefail
cd "$(dirname "$0")/.."
src=${1:-../shared/corpora/smartdata}
target_mb=${2:-100}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
bin=target/release/nergraph

python3 - "$src" "$work" "$target_mb" <<'PY'
import json, sys, os
src, work, target_mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
texts = []
for name in ("smartdata-v1_train.jsonl", "smartdata-v3_dev.jsonl"):
    for line in open(os.path.join(src, name), encoding="utf-8"):
        d = json.loads(line)
        texts.append(d["text"])
def write(path, limit):
    size, i = 0, 0
    with open(path, "w", encoding="utf-8") as f:
        while size < limit:
            t = texts[i % len(texts)]
            f.write(json.dumps({"id": f"doc{i}", "text": t}, ensure_ascii=False) + "\n")
            size += len(t.encode("utf-8"))
            i += 1
    return size
full = write(os.path.join(work, "full.jsonl"), target_mb * 1_000_000)
with open(os.path.join(work, "archive.txt"), "w", encoding="utf-8") as f:
    size, i = 0, 0
    while size < 20_000_000:
        t = texts[i % len(texts)]
        f.write(t + "\n\n")
        size += len(t.encode("utf-8")) + 2
        i += 1
half = write(os.path.join(work, "half.jsonl"), target_mb * 500_000)
open(os.path.join(work, "sizes"), "w").write(f"{full} {half}\n")
PY
read -r full half < "$work/sizes"

run() { # threads file label extra-args...
  local threads=$1 file=$2 label=$3; shift 3
  local start end rss
  start=$(date +%s.%N)
  RAYON_NUM_THREADS=$threads /usr/bin/time -f "%M" -o "$work/rss" \
    "$bin" build "$@" "$work/$file.jsonl" -o "$work/out" 2>/dev/null
  end=$(date +%s.%N)
  rss=$(cat "$work/rss")
  local bytes=$full; [ "$file" = half ] && bytes=$half
  awk -v l="$label" -v b="$bytes" -v s="$start" -v e="$end" -v r="$rss" 'BEGIN {
    t = e - s; printf "%-36s %7.1f MB in %6.2f s = %6.1f MB/s, peak RSS %5.0f MB\n", l, b/1e6, t, b/1e6/t, r/1024 }'
}

run 1 full "lists+patterns, co-occurrence only" --no-model --cooccurrence-only
run 1 full "lists+patterns, 1 thread" --no-model
run 1 full "with tagger, 1 thread"
run 2 full "with tagger, 2 threads"
run 1 half "with tagger, 1 thread, half corpus"

start=$(date +%s.%N)
RAYON_NUM_THREADS=1 /usr/bin/time -f "%M" -o "$work/rss" \
  "$bin" build "$work/archive.txt" -o "$work/out" 2>/dev/null
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" -v r="$(cat "$work/rss")" -v b="$(stat -c %s "$work/archive.txt")" 'BEGIN {
  t = e - s; printf "%-36s %7.1f MB in %6.2f s = %6.1f MB/s, peak RSS %5.0f MB\n", "one 20 MB text file, tagger, 1 thread", b/1e6, t, b/1e6/t, r/1024 }'
