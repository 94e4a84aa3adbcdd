import type { HardConstraint } from "./types.ts";
import { describeSession } from "./types.ts";
import type { Relaxation } from "../fixes.ts";

/**
 * A session is filed under its province's cluster. The solver always does so; a schedule edited
 * by hand may not, and the tables would then print the wrong cluster.
 */
export const sessionCluster: HardConstraint = {
  id: "session-cluster",
  label: "Each session is filed under its province's cluster",
  kind: "hard",
  check({ sessions }) {
    return sessions.flatMap(({ session, province }) =>
      province && session.cluster.normalize("NFC") !== province.cluster.normalize("NFC")
        ? [{ rule: this.id, code: this.id, province: session.province, date: session.date, halfDay: session.halfDay, message: `${describeSession(session)} is filed under ${session.cluster}, but ${province.name} belongs to ${province.cluster}` }]
        : [],
    );
  },
  // The one province left out of its part, in another cluster (any cluster of the plan: the fix is
  // proven on its part and the other cluster's together). Moving one province places at most that
  // one: only offered when it is the only one of its part left out.
  fixes({ plan, whole, unplaced }) {
    if (unplaced.length !== 1) return [];
    const [missing] = unplaced as [(typeof unplaced)[number]];
    const home = whole.clusters.find((c) => c.name === missing.cluster);
    const code = plan.index.provinceNamed(missing.province)?.record.code;
    const written = home?.provinces.find((p) => code !== undefined && plan.index.provinceNamed(p)?.record.code === code);
    if (!home || written === undefined || home.provinces.length < 2) return [];
    return [
      {
        tries: { kind: "move-province" as const, province: missing.province },
        growing: false,
        candidates: () => whole.clusters.filter((c) => c !== home).map((other): Relaxation => ({ kind: "move-province", province: missing.province, written, from: home.name, to: other.name, message: `move ${missing.province} from ${home.name} to ${other.name}` })),
      },
    ];
  },
};
