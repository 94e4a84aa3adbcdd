#!/usr/bin/env bash
# A September of changes on the 2022 plan, as a planner lives it: each re-plan is made on its own day
# (--today), every earlier answer stands until withdrawn, and nothing held or near is ever moved.
#   bash examples/september.sh [DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-examples/september-out}
plan=plans/2022-09-tcnscd.yaml
rm -rf "$out"
replan() { echo; echo "\$ taphuan replan … $*"; npx taphuan replan "$plan" --schedule "$out/schedule.json" "$@"; }

npx taphuan solve "$plan" --out "$out" --quiet
echo "v1: Nam Định on $(grep -A4 '"province": "Nam Định"' "$out/schedule.json" | grep '"date"' | cut -d'"' -f4)"

# 12/9: Nam Định writes that it cannot host on its day (15/9).
replan --today 2022-09-12 --unavailable "Nam Định=2022-09-15" --note "Công văn của UBND tỉnh Nam Định"
# 13/9: nor on any day from 19/9 — its first answer still stands, so 15/9 stays refused too.
replan --today 2022-09-13 --unavailable "Nam Định=2022-09-19..2022-09-30"
# 14/9: a Ministry speaker is away on 20/9.
replan --today 2022-09-14 --trainer-unavailable "CĐSQG-1=2022-09-20"
# 14/9: Cà Mau asks for the afternoon of 22/9.
replan --today 2022-09-14 --fix "Cà Mau=2022-09-22/afternoon"
# 15/9: Nam Định withdraws its first answer (15/9, today by now): the log marks it withdrawn, nothing moves.
replan --today 2022-09-15 --withdraw 1 --note "UBND tỉnh Nam Định rút lại"
# 16/9: restore v1 where the answers, the past and the notice allow; what cannot come back says why.
replan --today 2022-09-16 --restore 1
# 19/9: Cà Mau cannot host on 22/9 after all, nor any later day: no re-plan, and nothing is written.
replan --today 2022-09-19 --unavailable "Cà Mau=2022-09-21..2022-09-30" || echo "(exit $?: no re-plan; the folder is unchanged)"

echo
npx taphuan changes "$out"
npx taphuan check "$plan" "$out/schedule.json" --previous "$out/versions/v1/schedule.json" --today 2022-09-12
