/**
 * How a plan's ids are named where people read them: a role by the plan's label for it (in
 * Vietnamese; English documents keep the id), a province by the registry's official spelling
 * whatever the plan typed ("hung yen", "THÀNH PHỐ HẢI PHÒNG"), always in NFC.
 */
import type { Plan } from "../model/plan.ts";
import type { Session } from "../model/schedule.ts";
import type { Lang } from "../words/labels.ts";

/** The plan's label of a role (`roles:`), or the role's id where there is none or the reader is English. */
export function roleLabel(plan: Plan, role: string, lang: Lang): string {
  const label = lang === "vi" && plan.data.roles && Object.hasOwn(plan.data.roles, role) ? plan.data.roles[role] : undefined;
  return (label ?? role).normalize("NFC");
}

/**
 * The registry's name of a session's province: by its code, else by the plan's spelling (a
 * schedule written before codes were kept), else as the session has it.
 */
export function provinceName(plan: Plan, session: Pick<Session, "province"> & { readonly code?: string | undefined }): string {
  const province = plan.index.province(session.code) ?? plan.index.provinceNamed(session.province);
  return (province?.record.name ?? session.province).normalize("NFC");
}

/** Which role each trainer of a session fills: the solver lists them role by role, in the plan's order. */
export function rolesOf(plan: Plan, session: Pick<Session, "trainers">): string[] {
  const roles = [...plan.needs].flatMap(([role, count]) => Array.from({ length: count }, () => role));
  return session.trainers.map((_, i) => roles[i] ?? "");
}

/** A session's trainers role by role, in the plan's order of roles: one list per role of sessionNeeds. */
export function trainersByRole(plan: Plan, session: Pick<Session, "trainers">): { readonly role: string; readonly trainers: readonly string[] }[] {
  const roles = rolesOf(plan, session);
  return [...plan.needs.keys()].map((role) => ({ role, trainers: session.trainers.filter((_, i) => roles[i] === role) }));
}
