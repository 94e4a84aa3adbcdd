import { DateTime } from "luxon";
import type { Plan } from "../model/plan.ts";

/** Today's date where the campaign happens (its time zone), so a planner abroad still re-plans on the campaign's day. */
export function todayIn(plan: Plan | undefined, now: DateTime = DateTime.now()): string {
  // Without a plan yet (a new one), the zone every plan has unless it says otherwise.
  return now.setZone(plan?.data.campaign.timeZone ?? "Asia/Ho_Chi_Minh").toISODate()!;
}
