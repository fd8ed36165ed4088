#!/usr/bin/env bash
# Builds the same generated pages with plainpress and with Hugo, side by
# side, cold each time, and reports median wall time, pages per second and
# median peak memory (RSS). Usage: bench/build-vs-hugo.sh [runs] [pages]
# The files live in memory (/dev/shm) unless BENCH_DIR names a folder: on
# this machine's disk, file creation time swings by 3x from run to run and
# drowns out the tools' own work.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
pages=${2:-4000}
hugo=$(command -v hugo || echo "$(go env GOPATH)/bin/hugo")
if [ ! -x "$hugo" ]; then
  echo "Hugo is not installed: go install github.com/gohugoio/hugo@v0.165.0" >&2
  exit 2
fi
base=${BENCH_DIR:-/dev/shm}
[ -d "$base" ] || base=${TMPDIR:-/tmp}
tmp=$(mktemp -d "$base/plainpress-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
go run ./bench/gen -kind plainpress -out "$tmp/pp" -pages "$pages"
go run ./bench/gen -kind hugo -out "$tmp/hugo" -pages "$pages"
go build -o "$tmp/plainpress" ./cmd/plainpress
echo "$("$hugo" version | cut -d' ' -f1-2); $pages pages, $runs cold runs each, alternating"

measure() { # name command...: appends "seconds kilobytes" to $tmp/name
  local name=$1; shift
  /usr/bin/time -f '%e %M' -o "$tmp/time" "$@" >/dev/null
  cat "$tmp/time" >> "$tmp/times-$name"
}
for _ in $(seq "$runs"); do
  rm -rf "$tmp/pp-out" "$tmp/hugo-out" "$tmp/hugocache" "$tmp/hugo/resources"
  measure plainpress "$tmp/plainpress" build --no-lint -q -s "$tmp/pp" -o "$tmp/pp-out"
  measure hugo "$hugo" --quiet -s "$tmp/hugo" -d "$tmp/hugo-out" --cacheDir "$tmp/hugocache"
done

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
pt=$(cut -d' ' -f1 "$tmp/times-plainpress" | median); pm=$(cut -d' ' -f2 "$tmp/times-plainpress" | median)
ht=$(cut -d' ' -f1 "$tmp/times-hugo" | median); hm=$(cut -d' ' -f2 "$tmp/times-hugo" | median)
awk -v pt="$pt" -v pm="$pm" -v ht="$ht" -v hm="$hm" -v n="$pages" 'BEGIN {
  printf "%-11s %10s %12s %14s\n", "", "median s", "pages/s", "peak RSS MB"
  printf "%-11s %10.2f %12.0f %14.0f\n", "plainpress", pt, n/pt, pm/1024
  printf "%-11s %10.2f %12.0f %14.0f\n", "hugo", ht, n/ht, hm/1024
  printf "hugo/plainpress: time %.2fx, memory %.2fx\n", ht/pt, hm/pm
}'
