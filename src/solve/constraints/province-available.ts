import { provinceAvailable } from "../../model/plan.ts";
import type { HardConstraint } from "./types.ts";
import { at, describeSession, windowOf } from "./types.ts";

/** No session on a date or half-day the province said it cannot host. */
export const provinceAvailableRule: HardConstraint = {
  id: "province-available",
  label: "No session when the province cannot host",
  kind: "hard",
  brokenBySlot: true,
  allowsSlot: (_plan, province, slot) => provinceAvailable(province, slot),
  check({ sessions }) {
    return sessions.flatMap(({ session, province }) =>
      province && !provinceAvailable(province, at(session))
        ? [{ rule: this.id, code: this.id, province: province.name, date: session.date, halfDay: session.halfDay, message: `${describeSession(session)}: ${province.name} cannot host then` }]
        : [],
    );
  },
  explain({ stage, cluster, blocking }) {
    if (stage !== "no-slot" || !blocking.has(this.id)) return [];
    const window = windowOf(cluster);
    const afterNotice = blocking.has("notice-period");
    return [{ code: "province-unavailable", ...window.data, slots: cluster.slots.length, afterNotice, message: `it cannot host on any of the ${cluster.slots.length} working half-days of ${cluster.name}'s window ${window.text}${afterNotice ? " after the notice period" : ""}` }];
  },
};
