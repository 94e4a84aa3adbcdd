import type { HardConstraint } from "./types.ts";
import { describeSession } from "./types.ts";

/** A province's session lies inside its cluster's window (the campaign period when it has none). */
export const insideWindow: HardConstraint = {
  id: "inside-window",
  label: "Each session is inside its cluster's date window",
  kind: "hard",
  allowsSlot(plan, province, slot) {
    const window = plan.clusters.find((c) => c.name === province.cluster)!.window;
    return window.from <= slot.date && slot.date <= window.to;
  },
  check({ plan, sessions }) {
    return sessions.flatMap(({ session, province }) => {
      if (!province) return [];
      const window = plan.clusters.find((c) => c.name === province.cluster)!.window;
      if (window.from <= session.date && session.date <= window.to) return [];
      return [{ rule: this.id, province: province.name, date: session.date, halfDay: session.halfDay, message: `${describeSession(session)} is outside ${province.cluster}'s window ${window.from}..${window.to}` }];
    });
  },
};
