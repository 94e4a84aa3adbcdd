#!/usr/bin/env bash
# The planner's September, end to end: generate the schedule, hear on 14/9 that Hà Nam cannot host
# on its day (15/9), re-plan without touching what was held, and get the calendar updates.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-examples/out}

npx taphuan solve plans/2022-09-tcnscd.yaml --out "$out" --quiet

npx taphuan replan plans/2022-09-tcnscd.yaml --schedule "$out/schedule.json" \
  --changes examples/ha-nam-doi-lich.yaml --today 2022-09-14

npx taphuan check plans/2022-09-tcnscd.yaml "$out/schedule.json"
echo "Send $out/updates/requests/*.ics to the people concerned; subscribers of $out/schedule.ics see the change."
