import type { HardConstraint } from "./types.ts";
import { describeSession } from "./types.ts";

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
        ? [{ rule: this.id, province: session.province, date: session.date, halfDay: session.halfDay, message: `${describeSession(session)} is filed under ${session.cluster}, but ${province.name} belongs to ${province.cluster}` }]
        : [],
    );
  },
};
