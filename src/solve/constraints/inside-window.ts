import type { HardConstraint } from "./types.ts";
import { describeSession } from "./types.ts";
import { plusDays, type Relaxation } from "../fixes.ts";
import { datesBetween, officialDate } from "../../model/calendar.ts";

/** A province's session lies inside its cluster's window (the campaign period when it has none). */
export const insideWindow: HardConstraint = {
  id: "inside-window",
  label: "Each session is inside its cluster's date window",
  kind: "hard",
  brokenBySlot: true,
  allowsSlot(plan, province, slot) {
    const window = plan.index.clusterOf(province).window;
    return window.from <= slot.date && slot.date <= window.to;
  },
  check({ plan, sessions }) {
    return sessions.flatMap(({ session, province }) => {
      if (!province) return [];
      const window = plan.index.clusterOf(province).window;
      if (window.from <= session.date && session.date <= window.to) return [];
      return [{ rule: this.id, code: this.id, province: province.name, date: session.date, halfDay: session.halfDay, message: `${describeSession(session)} is outside ${province.cluster}'s window ${window.from}..${window.to}` }];
    });
  },
  // A window ending later, or starting earlier, a day at a time inside the campaign period.
  fixes({ plan, data, unplaced }) {
    const period = data.campaign.period;
    return [...new Set(unplaced.map((u) => u.cluster))].flatMap((name) => {
      const cluster = plan.index.cluster(name);
      if (!cluster) return [];
      const { from, to } = cluster.window;
      const widen = (direction: "later" | "earlier") => (): Relaxation[] =>
        [...(direction === "later" ? datesBetween(plusDays(to, 1), period.to) : [...datesBetween(period.from, plusDays(from, -1))].reverse())].map((day, k) => {
          const window = direction === "later" ? { from, to: day } : { from: day, to };
          return { kind: "widen-window", cluster: name, days: k + 1, direction, window, message: `widen ${name}'s window to ${officialDate(window.from)}–${officialDate(window.to)} (${k + 1} day${k ? "s" : ""} ${direction})` };
        });
      return [
        { tries: { kind: "widen-window" as const, direction: "later" as const, cluster: name }, growing: true, candidates: widen("later") },
        { tries: { kind: "widen-window" as const, direction: "earlier" as const, cluster: name }, growing: true, candidates: widen("earlier") },
      ];
    });
  },
};
