#!/usr/bin/env bash
# Writes the starter project's clearance ledger (content/starter/clearance)
# with the real plainpress clear commands, dated with PLAINPRESS_NOW: every
# page and issue cleared with a history, except content/en/pay.md (edited
# and in review) and content/en/change-order.md (changes requested), whose
# earlier versions stay cleared. Run it after editing the starter pages.
# Usage: scripts/starter-ledger.sh
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/plainpress" ./cmd/plainpress
pp() { "$tmp/plainpress" -s "$tmp/site" "$@" >/dev/null; }
rm -rf content/starter/clearance
"$tmp/plainpress" init "$tmp/site" >/dev/null
rm -rf "$tmp/site/clearance" # the binary embeds the old ledger

org=riverland.example.gov
writers=(rosa.diaz ben.miller)
at() { date -u -d "$1" +%Y-%m-%dT%H:%M:%SZ; }

# clear DOC DAY WRITER: submit, then the stages approve over the next days.
clear_page() {
  local doc=$1 day=$2 writer=$3
  PLAINPRESS_NOW=$(at "$day 09:12") pp clear submit "$doc" --as "$writer@$org" --comment "Ready for review."
  PLAINPRESS_NOW=$(at "$day +1 day 10:05") pp clear approve "$doc" --as maria.santos@$org --role program
  if [[ $doc == */employers/* ]]; then
    PLAINPRESS_NOW=$(at "$day +2 days 14:40") pp clear approve "$doc" --as sarah.klein@$org --role legal
    return
  fi
  PLAINPRESS_NOW=$(at "$day +2 days 11:30") pp clear approve "$doc" --as linh.nguyen@$org --role policy
  PLAINPRESS_NOW=$(at "$day +2 days 15:10") pp clear approve "$doc" --as david.okafor@$org --role legal --comment "Deadlines match state law."
  PLAINPRESS_NOW=$(at "$day +3 days 09:45") pp clear approve "$doc" --as ana.ruiz@$org --role communications
}

clear_issue() {
  local doc=$1 day=$2
  PLAINPRESS_NOW=$(at "$day 08:30") pp clear submit "$doc" --as rosa.diaz@$org
  PLAINPRESS_NOW=$(at "$day 13:00") pp clear approve "$doc" --as james.carter@$org --role program
  PLAINPRESS_NOW=$(at "$day +1 day 10:20") pp clear approve "$doc" --as grace.lee@$org --role accessibility --comment "Alt text and headings checked."
  PLAINPRESS_NOW=$(at "$day +1 day 16:05") pp clear approve "$doc" --as tom.becker@$org --role communications
}

# The earlier versions of the two pages still in clearance.
cp "$tmp/site/content/en/pay.md" "$tmp/pay.md"
cp "$tmp/site/content/en/change-order.md" "$tmp/change-order.md"
awk '/^## Check your payments/ {exit} {print}' "$tmp/pay.md" > "$tmp/site/content/en/pay.md"
awk '/^## If you disagree with the result/ {skip=1} /^## Questions\?/ {skip=0} !skip {print}' "$tmp/change-order.md" > "$tmp/site/content/en/change-order.md"

docs=$("$tmp/plainpress" -s "$tmp/site" clear status --format json | grep -o '"path": "[^"]*"' | cut -d'"' -f4)
day=2026-01-06
i=0
for doc in $docs; do
  case $doc in
    */newsletter/20*/) clear_issue "$doc" "$(basename "$doc")-01" ;;
    */employers/*) clear_page "$doc" "2025-12-0$((1 + i % 8))" "${writers[i % 2]}" ;;
    *) clear_page "$doc" "$day" "${writers[i % 2]}"; day=$(date -u -d "$day +6 days" +%Y-%m-%d) ;;
  esac
  i=$((i + 1))
done

# pay.md: a new section, submitted; program approved; policy and legal to go.
cp "$tmp/pay.md" "$tmp/site/content/en/pay.md"
PLAINPRESS_NOW=$(at "2026-11-16 10:00") pp clear submit content/en/pay.md --as ben.miller@$org --comment "Adds how to check your payments."
PLAINPRESS_NOW=$(at "2026-11-17 09:20") pp clear approve content/en/pay.md --as james.carter@$org --role program

# change-order.md: a new section on hearings; legal asks for a change.
cp "$tmp/change-order.md" "$tmp/site/content/en/change-order.md"
PLAINPRESS_NOW=$(at "2026-11-09 14:00") pp clear submit content/en/change-order.md --as rosa.diaz@$org --comment "Adds what to do if you disagree."
PLAINPRESS_NOW=$(at "2026-11-10 11:15") pp clear approve content/en/change-order.md --as maria.santos@$org --role program
PLAINPRESS_NOW=$(at "2026-11-12 16:40") pp clear reject content/en/change-order.md --as sarah.klein@$org --role legal \
  --comment "The 30 days count from the date we mail the letter. Please say that, so parents do not count from the day it arrives."

"$tmp/plainpress" -s "$tmp/site" clear verify
cp -r "$tmp/site/clearance" content/starter/clearance
PLAINPRESS_NOW=$(at "2026-11-23 12:00") "$tmp/plainpress" -s "$tmp/site" clear status | tail -1
