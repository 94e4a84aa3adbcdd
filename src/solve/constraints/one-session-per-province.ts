import type { HardConstraint, Violation } from "./types.ts";
import { describeSession } from "./types.ts";

/** Each province of the plan gets exactly one session; a schedule names only the plan's provinces. */
export const oneSessionPerProvince: HardConstraint = {
  id: "one-session-per-province",
  label: "Each province has exactly one session",
  kind: "hard",
  encode({ model, provinces, sessionVariables, unplacedVariables }) {
    for (const province of provinces) {
      const slots = sessionVariables.get(province.record.code) ?? new Map<string, string>();
      model.addRow(`once:${province.record.code}`, [...[...slots.values()].map((v) => [v, 1] as const), [unplacedVariables.get(province.record.code)!, 1]], { min: 1, max: 1 });
    }
  },
  check({ plan, sessions }) {
    const violations: Violation[] = [];
    const count = new Map<string, number>();
    for (const { session, province } of sessions) {
      if (!province) {
        const looked = plan.registry.lookup(session.province);
        violations.push({
          rule: this.id,
          code: this.id,
          province: session.province,
          date: session.date,
          halfDay: session.halfDay,
          message: looked.ok ? `${describeSession(session)}: ${looked.record.name} is not in this plan's clusters` : `${describeSession(session)}: "${session.province}" is not a province of ${plan.registry.id}`,
        });
        continue;
      }
      const seen = (count.get(province.record.code) ?? 0) + 1;
      count.set(province.record.code, seen);
      if (seen === 2) violations.push({ rule: this.id, code: this.id, province: province.name, date: session.date, halfDay: session.halfDay, message: `${province.name} has more than one session (again on ${describeSession(session)})` });
    }
    for (const province of plan.provinces) {
      if (!count.has(province.record.code)) violations.push({ rule: this.id, code: this.id, province: province.name, message: `${province.name} (${province.cluster}) has no session` });
    }
    return violations;
  },
};
