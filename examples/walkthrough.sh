#!/usr/bin/env bash
# The planner's September, end to end: generate the schedule, hear on 14/9 that Nam Định cannot host
# on its day (15/9), re-plan without touching what was held, and get the calendar updates.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-examples/out}

npx taphuan solve plans/2022-09-tcnscd.yaml --out "$out" --quiet

npx taphuan replan plans/2022-09-tcnscd.yaml --schedule "$out/schedule.json" \
  --changes examples/nam-dinh-doi-lich.yaml --today 2022-09-14

# The re-plan recorded its changes beside the new schedule; check applies them, and with --previous
# also verifies that every session held up to 14/9 is exactly as it was.
npx taphuan check plans/2022-09-tcnscd.yaml "$out/schedule.json" --previous "$out/versions/v1/schedule.json" --today 2022-09-14
echo "Send the updates with: npx taphuan send $out --smtp smtp://… (the invitations are in $out/updates/messages/); subscribers of $out/schedule.ics see the change."
