import { DateTime } from "luxon";
import type { Plan } from "../model/plan.ts";

/** Today's date where the campaign happens (its time zone), so a planner abroad still re-plans on the campaign's day. */
export function todayIn(plan: Plan, now: DateTime = DateTime.now()): string {
  return now.setZone(plan.data.campaign.timeZone).toISODate()!;
}
