/** taphuan as a library: plans in, schedules and exports out; no printing, no process exit. */
export { loadPlanText, parseYaml, validate, MAX_INPUT_BYTES, type LoadedPlan, type Located } from "./model/load.ts";
export { resolvePlan, trainerAvailable, provinceAvailable, provincePrefers, type Plan, type Province, type Cluster, type Trainer } from "./model/plan.ts";
export { PlanSchema, planJsonSchema, type PlanData, type PlanInput, type HalfDayName } from "./model/schema.ts";
export { Calendar, type Slot } from "./model/calendar.ts";
export { registry, VN63, VN34, type ProvinceRecord, type RegistryId } from "./model/provinces.ts";
export { InputError, formatIssue, type Issue } from "./model/issues.ts";
export { summarizePlan, type PlanSummary } from "./model/summary.ts";
export { solvePlan, SolverBugError, TimeLimitError, type SolveOptions, type SolveOutcome } from "./solve/solve.ts";
export { checkSchedule, evaluateGoals } from "./solve/check.ts";
export { replan, type ReplanOutcome, type SessionChange } from "./solve/replan.ts";
export { HARD_CONSTRAINTS, SOFT_GOALS, type Violation } from "./solve/constraints/index.ts";
export { greedySchedule } from "./solve/greedy.ts";
export { applyChanges, ChangesSchema, type Changes } from "./model/changes.ts";
export { loadScheduleFor, loadScheduleText, ScheduleSchema, type Schedule, type Session } from "./model/schedule.ts";
export { scheduleFeed, sessionRequest, sessionCancel } from "./export/ics.ts";
export { clusterTable, sessionTable, toMarkdown, toCsv, toHtmlPage } from "./export/table.ts";
export { exportAll } from "./export/index.ts";
export { diffMarkdown, diffJson, describeChange } from "./export/diff.ts";
