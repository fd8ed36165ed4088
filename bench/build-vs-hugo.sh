#!/usr/bin/env bash
# Builds the same generated pages with plainpress and with Hugo, side by
# side, cold each time (no output folder, no Hugo resources or cache),
# and reports median wall time, pages per second and median peak memory
# (RSS). Usage: bench/build-vs-hugo.sh [runs] [pages] [sections] [words]
# The files live in memory (/dev/shm) unless BENCH_DIR names a folder: on
# this machine's disk, file creation time swings by 3x from run to run and
# drowns out the tools' own work.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
pages=${2:-4000}
sections=${3:-20}
words=${4:-400}

hugo=$(command -v hugo || echo "$(go env GOPATH)/bin/hugo")
if [ ! -x "$hugo" ]; then
  echo "Hugo is not installed. Install it with:" >&2
  echo "  go install github.com/gohugoio/hugo@v0.165.0" >&2
  exit 2
fi
if [ ! -x /usr/bin/time ]; then
  # The shell's own time keyword cannot report peak memory.
  echo "GNU time is missing: apt-get install time" >&2
  exit 2
fi

base=${BENCH_DIR:-/dev/shm}
[ -d "$base" ] && [ -w "$base" ] || base=${TMPDIR:-/tmp}
tmp=$(mktemp -d "$base/plainpress-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

gen() { go run ./bench/gen -kind "$1" -out "$2" -pages "$pages" -sections "$sections" -words "$words"; }
gen plainpress "$tmp/pp"
gen hugo "$tmp/hugo"
if ! go build -o "$tmp/plainpress" ./cmd/plainpress; then
  echo "plainpress does not build: fix ./cmd/plainpress first" >&2
  exit 1
fi
echo "$("$hugo" version | cut -d' ' -f1-2); $pages pages of $words words in $sections sections;" \
  "$runs cold runs each, alternating"

# measure name command...: runs the command once and appends
# "seconds kilobytes" to $tmp/times-name.
measure() {
  local name=$1
  shift
  if ! /usr/bin/time -f '%e %M' -o "$tmp/time" "$@" >"$tmp/out-$name" 2>&1; then
    echo "$name failed: $*" >&2
    tail -n 20 "$tmp/out-$name" >&2
    exit 1
  fi
  cat "$tmp/time" >>"$tmp/times-$name"
}
for _ in $(seq "$runs"); do
  rm -rf "$tmp/pp-out" "$tmp/hugo-out" "$tmp/hugocache" "$tmp/hugo/resources" "$tmp/hugo/.hugo_build.lock"
  measure plainpress "$tmp/plainpress" build --no-lint -q -s "$tmp/pp" -o "$tmp/pp-out"
  measure hugo "$hugo" --quiet -s "$tmp/hugo" -d "$tmp/hugo-out" --cacheDir "$tmp/hugocache"
done

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
pt=$(cut -d' ' -f1 "$tmp/times-plainpress" | median)
pm=$(cut -d' ' -f2 "$tmp/times-plainpress" | median)
ht=$(cut -d' ' -f1 "$tmp/times-hugo" | median)
hm=$(cut -d' ' -f2 "$tmp/times-hugo" | median)
# /usr/bin/time rounds to 10 ms; a floor keeps tiny runs from dividing by 0.
awk -v pt="$pt" -v pm="$pm" -v ht="$ht" -v hm="$hm" -v n="$pages" 'BEGIN {
  if (pt < 0.01) pt = 0.01
  if (ht < 0.01) ht = 0.01
  printf "%-11s %10s %12s %14s\n", "", "median s", "pages/s", "peak RSS MB"
  printf "%-11s %10.2f %12.0f %14.0f\n", "plainpress", pt, n/pt, pm/1024
  printf "%-11s %10.2f %12.0f %14.0f\n", "hugo", ht, n/ht, hm/1024
  printf "hugo/plainpress: time %.2fx, memory %.2fx\n", ht/pt, hm/pm
}'
