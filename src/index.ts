/** taphuan as a library: plans in, schedules and exports out; no printing, no process exit. */
export { loadPlanText, parseYaml, validate, MAX_INPUT_BYTES, type LoadedPlan, type Located } from "./model/load.ts";
export { resolvePlan, trainerAvailable, provinceAvailable, provincePrefers, type Plan, type Province, type Cluster, type Trainer } from "./model/plan.ts";
export { PlanSchema, planJsonSchema, type PlanData, type PlanInput, type HalfDayName } from "./model/schema.ts";
export { Calendar, type Slot } from "./model/calendar.ts";
export { registry, VN63, VN34, type ProvinceRecord, type RegistryId } from "./model/provinces.ts";
export { InputError, formatIssue, type Issue } from "./model/issues.ts";
export { summarizePlan, type PlanSummary } from "./model/summary.ts";
