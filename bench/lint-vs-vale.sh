#!/usr/bin/env bash
# Lints the same generated corpus (300 files, over 500,000 words) with
# plainpress and with Vale running a style of the same kinds of rule
# (bench/vale), alternating, and reports median wall time and words per
# second. Usage: bench/lint-vs-vale.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
vale=$(command -v vale || echo "$(go env GOPATH)/bin/vale")
if [ ! -x "$vale" ]; then
  echo "Vale is not installed: go install github.com/vale-cli/vale/v3/cmd/vale@v3.20.0" >&2
  exit 2
fi
base=${BENCH_DIR:-/dev/shm}
[ -d "$base" ] || base=${TMPDIR:-/tmp}
tmp=$(mktemp -d "$base/plainpress-lintbench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
go run ./bench/gen -kind lint -out "$tmp/corpus" -pages 300 -words 1700
go build -o "$tmp/plainpress" ./cmd/plainpress
cp -r bench/vale "$tmp/vale"
# The Vale style's substitutions are our word list, so both check the same words.
{
  echo "extends: substitution"
  echo "message: \"Use '%s' instead of '%s'.\""
  echo "level: suggestion"
  echo "ignorecase: true"
  echo "swap:"
  grep -v '^#' lint/data/plain-words.tsv | awk -F'\t' '{split($2, a, ","); gsub(/"/, "", $1); printf "  \"%s\": \"%s\"\n", $1, a[1]}'
} > "$tmp/vale/styles/Plain/Wordy.yml"
# lint exits 1 when it finds errors, and the corpus holds a few (sentences
# over 40 words), so only the word count decides whether this worked.
words=$({ "$tmp/plainpress" lint "$tmp/corpus" --format json || true; } | grep -o '"words": [0-9]*' | awk '{s+=$2} END {print s/2}')
if [ "${words%.*}" -le 0 ]; then
  echo "plainpress lint counted no words in $tmp/corpus" >&2
  exit 1
fi
echo "$("$vale" --version); $words words in 300 files; $runs runs each, alternating"

measure() {
  local name=$1; shift
  /usr/bin/time -f '%e %M' -o "$tmp/time" "$@" >/dev/null 2>&1 || true
  cat "$tmp/time" >> "$tmp/times-$name"
}
for _ in $(seq "$runs"); do
  measure plainpress "$tmp/plainpress" lint "$tmp/corpus" --fail-on error --format json
  (cd "$tmp/vale" && measure vale "$vale" --no-exit --output JSON "$tmp/corpus")
done
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
pt=$(cut -d' ' -f1 "$tmp/times-plainpress" | median); pm=$(cut -d' ' -f2 "$tmp/times-plainpress" | median)
vt=$(cut -d' ' -f1 "$tmp/times-vale" | median); vm=$(cut -d' ' -f2 "$tmp/times-vale" | median)
awk -v pt="$pt" -v pm="$pm" -v vt="$vt" -v vm="$vm" -v n="$words" 'BEGIN {
  printf "%-11s %10s %14s %14s\n", "", "median s", "words/s", "peak RSS MB"
  printf "%-11s %10.2f %14.0f %14.0f\n", "plainpress", pt, n/pt, pm/1024
  printf "%-11s %10.2f %14.0f %14.0f\n", "vale", vt, n/vt, vm/1024
  printf "vale/plainpress: time %.2fx\n", vt/pt
}'
