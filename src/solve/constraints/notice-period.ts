import { DateTime } from "luxon";
import { officialDate } from "../../model/calendar.ts";
import type { Cluster, Plan } from "../../model/plan.ts";
import type { HardConstraint } from "./types.ts";
import { describeSession, windowOf } from "./types.ts";
import type { Relaxation } from "../fixes.ts";

/**
 * The 2022 letter went out on 5/9/2022 and its dated clusters begin on 11–13/9: five working days
 * for a province to prepare. Plans that say when they were issued get that notice unless they set
 * their own `noticeDays`.
 */
export const DEFAULT_NOTICE_WORKING_DAYS = 5;

/** The first day a session may be on: `noticeDays` working days after the plan was issued; undefined without `issued`. */
export function firstAllowedDate(plan: Plan): string | undefined {
  if (!firstAllowed.has(plan)) firstAllowed.set(plan, countNoticeDays(plan));
  return firstAllowed.get(plan);
}

// Asked for every candidate slot of every province: counted once per plan.
const firstAllowed = new WeakMap<Plan, string | undefined>();

function countNoticeDays(plan: Plan): string | undefined {
  const { issued, noticeDays, timeZone } = plan.data.campaign;
  if (!issued) return undefined;
  return plan.calendar.workingDayAfter(DateTime.fromISO(issued, { setZone: true }).setZone(timeZone).toISODate()!, noticeDays ?? DEFAULT_NOTICE_WORKING_DAYS);
}

/**
 * The working half-days of a cluster's window the notice takes away, as causes drawn from a partial
 * schedule mention it: the data, and the clause (empty when it takes none).
 */
export function noticeRemark(plan: Plan, cluster: Cluster): { data: { noticeCut?: number }; text: string } {
  const first = firstAllowedDate(plan);
  const cut = first === undefined ? 0 : cluster.slots.filter((slot) => slot.date < first).length;
  return cut ? { data: { noticeCut: cut }, text: ` (the notice after the plan's issue takes ${cut} working half-day${cut === 1 ? "" : "s"} from ${cluster.name}'s window)` } : { data: {}, text: "" };
}

/** Provinces hear of their session with notice: none before the notice period after the letter ends. */
export const noticePeriod: HardConstraint = {
  id: "notice-period",
  label: "No session before the notice period after the plan was issued",
  kind: "hard",
  brokenBySlot: true,
  allowsSlot(plan, _province, slot) {
    const first = firstAllowedDate(plan);
    return first === undefined || slot.date >= first;
  },
  check({ plan, sessions }) {
    const first = firstAllowedDate(plan);
    if (first === undefined) return [];
    const days = plan.data.campaign.noticeDays ?? DEFAULT_NOTICE_WORKING_DAYS;
    return sessions
      .filter(({ session }) => session.date < first)
      .map(({ session }) => ({
        rule: this.id,
        code: this.id,
        province: session.province,
        date: session.date,
        halfDay: session.halfDay,
        message: `${describeSession(session)} is before ${officialDate(first)}, the end of the ${days} working days' notice after the plan was issued (${officialDate(plan.data.campaign.issued!.slice(0, 10))})`,
      }));
  },
  explain({ stage, plan, cluster, blocking }) {
    const first = firstAllowedDate(plan);
    if (stage !== "no-slot" || !blocking.has(this.id) || !first || !cluster.slots.every((slot) => slot.date < first)) return [];
    const window = windowOf(cluster);
    return [{ code: "notice", ...window.data, firstAllowed: first, message: `${cluster.name}'s window ${window.text} ends before ${officialDate(first)}, the end of the notice period after the plan was issued (campaign.noticeDays)` }];
  },
  // A shorter notice, a working day at a time down to none.
  fixes({ plan, data }) {
    if (!data.campaign.issued) return [];
    const notice = data.campaign.noticeDays ?? DEFAULT_NOTICE_WORKING_DAYS;
    if (notice === 0 || !plan.clusters.some((c) => firstAllowedDate(plan)! > c.window.from)) return [];
    return [
      {
        tries: { kind: "shorter-notice" as const },
        growing: true,
        candidates: () => Array.from({ length: notice }, (_, i): Relaxation => ({ kind: "shorter-notice", noticeDays: notice - i - 1, message: `a notice of ${notice - i - 1} working day${notice - i - 1 === 1 ? "" : "s"} after the plan is issued instead of ${notice}` })),
      },
    ];
  },
};
