import type { Trainer } from "../../model/plan.ts";
import type { HardConstraint, Violation } from "./types.ts";
import { describeSession } from "./types.ts";
import type { Relaxation } from "../fixes.ts";

/** Each session has exactly the trainers the plan asks for, each filling one role they have. */
export const rolesFilled: HardConstraint = {
  id: "roles-filled",
  label: "Each session has the roles the plan asks for",
  kind: "hard",
  // Σ trainers of a role at a group's sessions in a slot = need × sessions of the group in that slot.
  encode({ plan, model, provinces, groupOf, sessionVariables, staffVariables }) {
    const terms = new Map<string, [string, number][]>();
    const add = (key: string, term: [string, number]) => terms.set(key, [...(terms.get(key) ?? []), term]);
    for (const v of staffVariables) add(`${v.group}|${v.slot.key}|${v.role}`, [v.name, 1]);
    for (const province of provinces) {
      for (const [slotKey, x] of sessionVariables.get(province.record.code) ?? []) {
        for (const [role, count] of plan.needs) add(`${groupOf(province)}|${slotKey}|${role}`, [x, -count]);
      }
    }
    for (const [key, row] of terms) model.addRow(`role:${key}`, row, { min: 0, max: 0 });
  },
  check({ plan, sessions }) {
    const violations: Violation[] = [];
    const wanted = [...plan.needs.values()].reduce((a, b) => a + b, 0);
    for (const { session, trainers } of sessions) {
      const base = { rule: this.id, code: this.id, province: session.province, date: session.date, halfDay: session.halfDay };
      const ids = trainers.map((t) => t.id);
      const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
      if (duplicate) violations.push({ ...base, trainers: [duplicate], message: `${describeSession(session)}: ${duplicate} is listed twice` });
      const known = trainers.flatMap((t) => (t.trainer ? [t.trainer] : []));
      const unfilled = unfilledRoles(plan.needs, known);
      if (unfilled.length) {
        violations.push({ ...base, trainers: ids, message: `${describeSession(session)}: no trainer for ${unfilled.join(", ")} (has ${ids.join(", ") || "no trainer"})` });
      } else if (trainers.length > wanted) {
        violations.push({ ...base, trainers: ids, message: `${describeSession(session)}: ${trainers.length} trainers where the plan asks for ${wanted}` });
      }
    }
    return violations;
  },
  // Fewer trainers of a role may serve the cluster than one session needs: no province of it can be placed.
  explain({ stage, plan, cluster }) {
    if (stage !== "counting") return [];
    return [...plan.needs].flatMap(([role, count]) => {
      const pool = plan.index.pool(role, cluster.name).map((t) => t.id);
      if (pool.length >= count) return [];
      return [{ code: "role-count", role, needed: count, available: pool.length, cluster: cluster.name, message: `each session needs ${count} ${role} trainers, but ${cluster.name} has ${pool.length === 0 ? "none" : `only ${pool.length} (${pool.join(", ")})`}` }];
    });
  },
  // More trainers of one role for a cluster, free every day: one, two, then three.
  fixes({ plan, unplaced }) {
    return [...new Set(unplaced.map((u) => u.cluster))].flatMap((cluster) =>
      [...plan.needs.keys()].map((role) => ({
        tries: { kind: "more-trainers" as const, cluster, role },
        growing: true,
        candidates: () => [1, 2, 3].map((count): Relaxation => ({ kind: "more-trainers", cluster, role, count, message: `${count} more ${role} trainer${count > 1 ? "s" : ""} for ${cluster}, free on every day of its window` })),
      })),
    );
  },
};

/**
 * The roles left unfilled when each trainer fills at most one role they have: a bipartite
 * matching of trainers to role places (a trainer with two roles counts once).
 */
export function unfilledRoles(needs: ReadonlyMap<string, number>, trainers: readonly Trainer[]): string[] {
  const places = [...needs].flatMap(([role, count]) => Array.from({ length: count }, () => role));
  const holder: (number | undefined)[] = places.map(() => undefined);
  const tryAssign = (trainerIndex: number, seen: Set<number>): boolean => {
    for (let place = 0; place < places.length; place++) {
      if (seen.has(place) || !trainers[trainerIndex]!.roles.includes(places[place]!)) continue;
      seen.add(place);
      if (holder[place] === undefined || tryAssign(holder[place]!, seen)) {
        holder[place] = trainerIndex;
        return true;
      }
    }
    return false;
  };
  trainers.forEach((_, index) => tryAssign(index, new Set()));
  return places.filter((_, place) => holder[place] === undefined);
}
