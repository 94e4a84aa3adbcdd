/** Every rule of a schedule, in one registry: the solver encodes them, `check` evaluates them. */
import { changesAfterToday } from "./changes-after-today.ts";
import { fixedSlot } from "./fixed-slot.ts";
import { heldSessions } from "./held-sessions.ts";
import { insideWindow } from "./inside-window.ts";
import { nationwideCap } from "./nationwide-cap.ts";
import { noticePeriod } from "./notice-period.ts";
import { oneSessionPerProvince } from "./one-session-per-province.ts";
import { provinceAvailableRule } from "./province-available.ts";
import { fewestMoves, fewestTrainerChanges } from "./replan-goals.ts";
import { rolesFilled } from "./roles-filled.ts";
import { sessionCluster } from "./session-cluster.ts";
import { balancedLoad, earliness, littleTravel, nationalSpeakersSparingly, pacing, preferredDates } from "./soft-goals.ts";
import { trainerAllowed } from "./trainer-allowed.ts";
import { trainerAvailableRule } from "./trainer-available.ts";
import { trainerDailyMax } from "./trainer-daily-max.ts";
import { trainerOnePlace } from "./trainer-one-place.ts";
import { trainerWeeklyMax } from "./trainer-weekly-max.ts";
import { travelTime } from "./travel-time.ts";
import type { HardConstraint, SoftGoal } from "./types.ts";
import { workingHalfDay } from "./working-half-day.ts";

/**
 * In this order the rules are checked, their fixes searched, and asked why a province was left out
 * (src/solve/explain.ts: at each stage, the first rules first): a fixed half-day is the story of a
 * province that has none before the notice or the province's own days are.
 */
export const HARD_CONSTRAINTS: readonly HardConstraint[] = [
  oneSessionPerProvince,
  sessionCluster,
  insideWindow,
  workingHalfDay,
  fixedSlot,
  noticePeriod,
  provinceAvailableRule,
  rolesFilled,
  trainerAllowed,
  trainerAvailableRule,
  trainerOnePlace,
  trainerDailyMax,
  travelTime,
  trainerWeeklyMax,
  nationwideCap,
  heldSessions,
  changesAfterToday,
];

export const SOFT_GOALS: readonly SoftGoal[] = [earliness, preferredDates, littleTravel, nationalSpeakersSparingly, balancedLoad, pacing, fewestTrainerChanges, fewestMoves];


export type { Cause, HardConstraint, SoftGoal, Violation, CheckContext, EncodeContext, PlacedSession, PreviousSchedule, StaffVariable } from "./types.ts";
