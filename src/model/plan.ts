/**
 * A plan, resolved: provinces looked up in their registry, clusters with their half-day slots,
 * trainers with their availability. Built from the validated file data by `resolvePlan`, which
 * checks every rule that links fields and reports each problem as an `Issue` with its path.
 */
import { DateTime } from "luxon";
import { Calendar, selects, selectorDates, type Slot } from "./calendar.ts";
import { fileSlug } from "./file-names.ts";
import { error, formatPath, warning, type Issue, type PathSegment, type Result } from "./issues.ts";
import { distanceKm, nameKey, registry as loadRegistry, type ProvinceRecord, type ProvinceRegistry } from "./provinces.ts";
import { UNREADABLE_KEY } from "./records.ts";
import type { ContactData, DateSelector, HalfDayName, PlanData } from "./schema.ts";

export interface Province {
  /** As the plan writes it (the letter's spelling, e.g. "TP. Hồ Chí Minh"). */
  readonly name: string;
  readonly record: ProvinceRecord;
  readonly cluster: string;
  readonly unavailable: readonly DateSelector[];
  readonly preferred: readonly DateSelector[];
  readonly fixed?: { readonly date: string; readonly halfDay: HalfDayName };
  readonly venue?: string;
  readonly focal?: ContactData;
}

export interface Cluster {
  readonly name: string;
  readonly window: { readonly from: string; readonly to: string };
  /** False when the plan gives no window and the campaign period stands in for it. */
  readonly windowGiven: boolean;
  /** The plan asks taphuan to propose the window: the scheduled dates are reported as proposed. */
  readonly windowProposed: boolean;
  readonly provinces: readonly Province[];
  /** Working half-days inside the window. */
  readonly slots: readonly Slot[];
}

export interface Trainer {
  readonly id: string;
  readonly organisation: string;
  readonly roles: readonly string[];
  /** Names of the clusters the trainer may serve. */
  readonly clusters: ReadonlySet<string>;
  readonly home?: ProvinceRecord;
  readonly maxSessionsPerDay: number;
  readonly maxSessionsPerWeek?: number;
  readonly national: boolean;
  readonly email?: string;
  readonly unavailable: readonly DateSelector[];
  readonly onlyAvailable?: readonly DateSelector[];
}

export interface Plan {
  readonly data: PlanData;
  readonly id: string;
  readonly registry: ProvinceRegistry;
  readonly calendar: Calendar;
  readonly clusters: readonly Cluster[];
  readonly provinces: readonly Province[];
  readonly trainers: readonly Trainer[];
  /** Roles in the order the plan lists them, with how many of each a session needs. */
  readonly needs: ReadonlyMap<string, number>;
  readonly travel: TravelTimes;
  /** Provinces by registry code, trainers by id, clusters by name and the trainer pools: built once, read by every stage. */
  readonly index: PlanIndex;
}

/**
 * The plan's lookups, built once when it is resolved, so no stage searches a list or compares
 * spellings: a province is one registry code under whatever name a file, a schedule or a change
 * writes it ("HCM", "Hồ Chí Minh", "TP. Hồ Chí Minh"); a trainer one NFC id; a cluster one NFC name.
 */
export class PlanIndex {
  private readonly byCode = new Map<string, Province>();
  private readonly byName = new Map<string, Province>();
  private readonly byId = new Map<string, Trainer>();
  private readonly byCluster = new Map<string, Cluster>();
  private readonly pools = new Map<string, readonly Trainer[]>();

  constructor(
    private readonly registry: ProvinceRegistry,
    clusters: readonly Cluster[],
    trainers: readonly Trainer[],
  ) {
    for (const cluster of clusters) {
      this.byCluster.set(cluster.name.normalize("NFC"), cluster);
      for (const province of cluster.provinces) {
        this.byCode.set(province.record.code, province);
        for (const name of [province.name, province.record.name]) this.byName.set(nameKey(name), province);
      }
    }
    for (const trainer of trainers) this.byId.set(trainer.id.normalize("NFC"), trainer);
    for (const trainer of trainers) {
      for (const cluster of trainer.clusters) {
        for (const role of new Set(trainer.roles)) {
          const key = poolKey(role, cluster.normalize("NFC"));
          this.pools.set(key, [...(this.pools.get(key) ?? []), trainer]);
        }
      }
    }
  }

  /** The plan's province with this registry code. */
  province(code: string | undefined): Province | undefined {
    return code === undefined ? undefined : this.byCode.get(code);
  }

  /** The plan's province under any name its registry accepts, or as the plan writes it. */
  provinceNamed(name: string): Province | undefined {
    const written = this.byName.get(nameKey(name));
    if (written) return written;
    const found = this.registry.lookup(name);
    return found.ok ? this.byCode.get(found.record.code) : undefined;
  }

  /** A trainer by id (compared in NFC, as ids are kept). */
  trainer(id: string): Trainer | undefined {
    return this.byId.get(id.normalize("NFC"));
  }

  cluster(name: string): Cluster | undefined {
    return this.byCluster.get(name.normalize("NFC"));
  }

  /** The cluster a province of the plan belongs to. */
  clusterOf(province: Province): Cluster {
    return this.byCluster.get(province.cluster)!;
  }

  /** The trainers who have `role` and may serve `cluster`: a cluster's pool for that role, in the plan's order. */
  pool(role: string, cluster: string): readonly Trainer[] {
    return this.pools.get(poolKey(role, cluster.normalize("NFC"))) ?? [];
  }
}

/** A plan put together by hand (benchmark instances), its index built from its own lists: a plan's index is never another plan's. */
export function indexedPlan(plan: Omit<Plan, "index"> & { readonly index?: PlanIndex }): Plan {
  return { ...plan, index: new PlanIndex(plan.registry, plan.clusters, plan.trainers) };
}

const poolKey = (role: string, cluster: string) => `${role}\u0000${cluster}`;

export function trainerAvailable(trainer: Trainer, slot: { date: string; halfDay: HalfDayName }): boolean {
  const hit = (selector: DateSelector) => selects(selector, slot.date, slot.halfDay);
  if (trainer.onlyAvailable && !trainer.onlyAvailable.some(hit)) return false;
  return !trainer.unavailable.some(hit);
}

export function provinceAvailable(province: Province, slot: { date: string; halfDay: HalfDayName }): boolean {
  return !province.unavailable.some((selector) => selects(selector, slot.date, slot.halfDay));
}

export function provincePrefers(province: Province, slot: { date: string; halfDay: HalfDayName }): boolean {
  return province.preferred.length === 0 || province.preferred.some((selector) => selects(selector, slot.date, slot.halfDay));
}

/** Door-to-door hours between two provinces' capitals: road below the flight threshold, flight above. */
export class TravelTimes {
  private readonly overrides = new Map<string, number>();

  constructor(private readonly settings: PlanData["travel"]) {}

  override(a: ProvinceRecord, b: ProvinceRecord, hours: number): void {
    this.overrides.set(pairKey(a, b), hours);
  }

  hours(a: ProvinceRecord, b: ProvinceRecord): number {
    if (a.code === b.code) return 0;
    const given = this.overrides.get(pairKey(a, b));
    if (given !== undefined) return given;
    const km = distanceKm(a, b);
    if (km > this.settings.flightThresholdKm) return this.settings.flightHours;
    return (km * this.settings.roadFactor) / this.settings.roadSpeedKmh;
  }
}

function pairKey(a: ProvinceRecord, b: ProvinceRecord): string {
  return a.code < b.code ? `${a.code}-${b.code}` : `${b.code}-${a.code}`;
}

/** Checks every rule that links fields of a validated plan, and builds the resolved `Plan`. */
/** A campaign longer than a year is a mistake in the dates (e.g. 2022 for 2222), not a plan. */
export const MAX_PERIOD_DAYS = 366;

/** Cluster names compare as a reader sees them: an NFD "Cụm Bắc" is the NFC one. */
function withNfcClusterNames(data: PlanData): PlanData {
  const nfc = (name: string) => name.normalize("NFC");
  return {
    ...data,
    clusters: data.clusters.map((c) => ({ ...c, name: nfc(c.name) })),
    trainers: data.trainers.map((t) => ({ ...t, clusters: t.clusters === "all" ? "all" : t.clusters.map(nfc) })),
  };
}

export function resolvePlan(input: PlanData): Result<Plan> {
  const data = withNfcClusterNames(input);
  const issues: Issue[] = [];
  const registry = loadRegistry(data.campaign.registry);
  const { campaign } = data;
  const { from: periodFrom, to: periodTo } = campaign.period;

  if (periodFrom > periodTo) {
    issues.push(error("window-reversed", ["campaign", "period", "to"], `the period ends (${periodTo}) before it starts (${periodFrom})`, "swap from and to", { what: "period", from: periodFrom, to: periodTo }));
    return { ok: false, issues };
  }
  const periodDays = DateTime.fromISO(periodTo).diff(DateTime.fromISO(periodFrom), "days").days + 1;
  if (periodDays > MAX_PERIOD_DAYS) {
    issues.push(error("period-too-long", ["campaign", "period", "to"], `the period lasts ${periodDays} days; a campaign is planned at most ${MAX_PERIOD_DAYS} days (a year) at a time`, "plan a year at most, or split the campaign into plans", { days: periodDays, max: MAX_PERIOD_DAYS }));
    return { ok: false, issues };
  }
  const { morning, afternoon } = campaign.halfDays;
  for (const [name, range] of [["morning", morning], ["afternoon", afternoon]] as const) {
    if (range.start >= range.end) {
      issues.push(error("half-day-reversed", ["campaign", "halfDays", name, "end"], `the ${name} ends (${range.end}) before it starts (${range.start})`, undefined, { halfDay: name, start: range.start, end: range.end }));
    }
  }
  if (morning.end > afternoon.start) {
    issues.push(error("half-days-overlap", ["campaign", "halfDays", "afternoon", "start"], `the afternoon starts (${afternoon.start}) before the morning ends (${morning.end})`, undefined, { afternoonStart: afternoon.start, morningEnd: morning.end }));
  }

  const calendar = new Calendar({ ...campaign, period: campaign.period });
  const inPeriod = (date: string) => periodFrom <= date && date <= periodTo;
  const checkInPeriod = (selectors: readonly DateSelector[], path: PathSegment[]) => {
    selectors.forEach((selector, index) => {
      for (const date of selectorDates(selector)) {
        if (!inPeriod(date)) {
          issues.push(error("date-outside-period", [...path, index], `${date} is outside the campaign period ${periodFrom}..${periodTo}`, "give a date inside the period or remove it", { date, from: periodFrom, to: periodTo }));
          return;
        }
      }
      if (typeof selector === "object" && "from" in selector && selector.from > selector.to) {
        issues.push(error("window-reversed", [...path, index, "to"], `the range ends (${selector.to}) before it starts (${selector.from})`, "swap from and to", { what: "range", from: selector.from, to: selector.to }));
      }
    });
  };

  const needs = new Map(Object.entries(data.sessionNeeds));
  if (needs.size === 0) issues.push(error("no-roles", ["sessionNeeds"], "a session needs at least one role", 'e.g. sessionNeeds: { policy: 1, skills: 1 }', {}));
  // A label for a role no session needs is a typo in one of the two places: said, not ignored.
  for (const role of Object.keys(data.roles ?? {})) {
    if (!needs.has(role)) {
      issues.push(error("unknown-role-label", ["roles", role], `roles gives a label to "${role}", which is not a role of sessionNeeds`, `roles of this plan (sessionNeeds): ${[...needs.keys()].join(", ")}`, { role, roles: [...needs.keys()].join(", ") }));
    }
  }

  // Provinces and clusters.
  const clusterNames = new Map<string, number>();
  const seenProvince = new Map<string, { cluster: string; path: PathSegment[] }>();
  const provinceFiles = new Map<string, { name: string; path: PathSegment[] }>();
  const provinceByCode = new Map<string, Province>();
  const clusters: Cluster[] = [];
  const provinces: Province[] = [];
  const settingsFor = resolveProvinceSettings(data, registry, issues);

  data.clusters.forEach((clusterData, clusterIndex) => {
    const clusterPath = ["clusters", clusterIndex];
    if (clusterData.name === UNREADABLE_KEY) issues.push(unreadableName("cluster name", [...clusterPath, "name"]));
    if (clusterNames.has(clusterData.name)) {
      issues.push(error("duplicate-cluster", [...clusterPath, "name"], `cluster "${clusterData.name}" is already defined at clusters[${clusterNames.get(clusterData.name)}]`, "give each cluster its own name", { cluster: clusterData.name, index: clusterNames.get(clusterData.name)! }));
    }
    clusterNames.set(clusterData.name, clusterIndex);

    const proposed = clusterData.window === "propose";
    let window = proposed ? undefined : (clusterData.window as { from: string; to: string } | undefined);
    if (window) {
      if (window.from > window.to) {
        issues.push(error("window-reversed", [...clusterPath, "window", "to"], `${clusterData.name}'s window ends (${window.to}) before it starts (${window.from})`, "swap from and to", { what: "window", cluster: clusterData.name, from: window.from, to: window.to }));
      } else if (!inPeriod(window.from) || !inPeriod(window.to)) {
        issues.push(error("window-outside-period", [...clusterPath, "window"], `${clusterData.name}'s window ${window.from}..${window.to} is not inside the campaign period ${periodFrom}..${periodTo}`, "shorten the window or widen campaign.period", { cluster: clusterData.name, windowFrom: window.from, windowTo: window.to, from: periodFrom, to: periodTo }));
      } else {
        for (const [end, date] of [["starts", window.from], ["ends", window.to]] as const) {
          if (!calendar.isWorkingDay(date)) {
            issues.push(warning("window-on-non-working-day", [...clusterPath, "window", end === "starts" ? "from" : "to"], `${clusterData.name}'s window ${end} on ${date}, ${calendar.isHoliday(date) ? "a holiday" : `a ${calendar.weekdayName(date)}`}: no session is placed that day`, undefined, { cluster: clusterData.name, end, date, holiday: calendar.isHoliday(date) }));
          }
        }
      }
    } else {
      if (!proposed) issues.push(warning("window-missing", [...clusterPath, "name"], `${clusterData.name} has no date window: the campaign period ${periodFrom}..${periodTo} applies`, "or write window: propose to have taphuan propose one", { cluster: clusterData.name, from: periodFrom, to: periodTo }));
      window = campaign.period;
    }

    const members: Province[] = [];
    clusterData.provinces.forEach((name, index) => {
      const path = [...clusterPath, "provinces", index];
      const found = registry.lookup(name);
      if (!found.ok) {
        issues.push(lookupIssue(name, found, registry, path));
        return;
      }
      const previous = seenProvince.get(found.record.code);
      if (previous) {
        issues.push(
          error(
            "duplicate-province",
            path,
            previous.cluster === clusterData.name
              ? `${found.record.name} is listed twice in ${clusterData.name}`
              : `${found.record.name} is already in ${previous.cluster}; a province belongs to one cluster`,
            "keep it in one place",
            { province: found.record.name, cluster: clusterData.name, ...(previous.cluster === clusterData.name ? {} : { other: previous.cluster }) },
          ),
        );
        return;
      }
      seenProvince.set(found.record.code, { cluster: clusterData.name, path });
      // requests/<province>.ics and messages/<trainer>/<province>.eml are named after the registry's name.
      const file = fileSlug(found.record.name);
      const sameFile = provinceFiles.get(file);
      if (sameFile) issues.push(sameFileName("province", path, found.record.name, sameFile, file));
      else provinceFiles.set(file, { name: found.record.name, path });
      const settings = settingsFor.get(found.record.code);
      const province: Province = {
        name: name.normalize("NFC"),
        record: found.record,
        cluster: clusterData.name,
        unavailable: settings?.unavailable ?? [],
        preferred: settings?.preferred ?? [],
        ...(settings?.fixed ? { fixed: settings.fixed } : {}),
        ...(settings?.venue ? { venue: settings.venue } : {}),
        ...(settings?.focal ? { focal: settings.focal } : {}),
      };
      members.push(province);
      provinces.push(province);
      provinceByCode.set(found.record.code, province);
    });
    clusters.push({
      name: clusterData.name,
      window,
      windowGiven: clusterData.window !== undefined && !proposed,
      windowProposed: proposed,
      provinces: members,
      slots: window.from <= window.to ? calendar.slotsBetween(window.from, window.to) : [],
    });
  });

  for (const [code, settings] of settingsFor) {
    const path = ["provinces", settings.key];
    if (!provinceByCode.has(code)) {
      issues.push(error("province-not-in-plan", path, `${settings.key} has settings but is in no cluster`, "add it to a cluster or remove its settings", { province: settings.key }));
      continue;
    }
    checkInPeriod(settings.unavailable, [...path, "unavailable"]);
    checkInPeriod(settings.preferred, [...path, "preferred"]);
    if (settings.fixed && !inPeriod(settings.fixed.date)) {
      issues.push(error("date-outside-period", [...path, "fixed", "date"], `${settings.fixed.date} is outside the campaign period ${periodFrom}..${periodTo}`, undefined, { date: settings.fixed.date, from: periodFrom, to: periodTo }));
    }
  }

  // Trainers.
  const trainerIds = new Map<string, number>();
  const trainerFiles = new Map<string, { name: string; path: PathSegment[] }>();
  const trainers: Trainer[] = [];
  data.trainers.forEach((trainerData, index) => {
    const path = ["trainers", index];
    const idKey = trainerData.id.normalize("NFC");
    if (idKey === UNREADABLE_KEY) issues.push(unreadableName("trainer id", [...path, "id"]));
    if (trainerIds.has(idKey)) {
      issues.push(error("duplicate-trainer", [...path, "id"], `trainer id "${trainerData.id}" is already used by trainers[${trainerIds.get(idKey)}]`, "give each trainer a unique id, e.g. CĐSQG-2", { trainer: trainerData.id, index: trainerIds.get(idKey)! }));
    }
    trainerIds.set(idKey, index);
    // trainers/<id>.ics and messages/<id>/: two ids with one file name would overwrite each other's calendar and invitations.
    const file = fileSlug(idKey);
    const sameFile = trainerFiles.get(file);
    if (sameFile && sameFile.name !== idKey) issues.push(sameFileName("trainer", [...path, "id"], idKey, sameFile, file));
    else if (!sameFile) trainerFiles.set(file, { name: idKey, path: [...path, "id"] });
    trainerData.roles.forEach((role, roleIndex) => {
      if (!needs.has(role)) {
        issues.push(error("unknown-role", [...path, "roles", roleIndex], `unknown role "${role}"`, `roles of this plan (sessionNeeds): ${[...needs.keys()].join(", ")}`, { role, roles: [...needs.keys()].join(", ") }));
      }
    });
    let clusterSet: Set<string>;
    if (trainerData.clusters === "all") {
      clusterSet = new Set(data.clusters.map((c) => c.name));
    } else {
      clusterSet = new Set();
      trainerData.clusters.forEach((name, clusterIndex) => {
        if (!clusterNames.has(name)) {
          issues.push(error("unknown-cluster", [...path, "clusters", clusterIndex], `unknown cluster "${name}"`, `clusters of this plan: ${[...clusterNames.keys()].join(", ")}`, { cluster: name, clusters: [...clusterNames.keys()].join(", ") }));
        }
        clusterSet.add(name);
      });
    }
    let home: ProvinceRecord | undefined;
    if (trainerData.home) {
      const found = registry.lookup(trainerData.home);
      if (found.ok) home = found.record;
      else issues.push(lookupIssue(trainerData.home, found, registry, [...path, "home"]));
    }
    checkInPeriod(trainerData.unavailable, [...path, "unavailable"]);
    if (trainerData.onlyAvailable) checkInPeriod(trainerData.onlyAvailable, [...path, "onlyAvailable"]);
    trainers.push({
      id: idKey,
      organisation: trainerData.organisation,
      roles: trainerData.roles,
      clusters: clusterSet,
      maxSessionsPerDay: trainerData.maxSessionsPerDay,
      national: trainerData.national,
      unavailable: trainerData.unavailable,
      ...(home ? { home } : {}),
      ...(trainerData.email ? { email: trainerData.email } : {}),
      ...(trainerData.maxSessionsPerWeek !== undefined ? { maxSessionsPerWeek: trainerData.maxSessionsPerWeek } : {}),
      ...(trainerData.onlyAvailable ? { onlyAvailable: trainerData.onlyAvailable } : {}),
    });
  });

  const travel = new TravelTimes(data.travel);
  data.travel.overrides.forEach((override, index) => {
    const records = override.between.map((name, side) => {
      const found = registry.lookup(name);
      if (found.ok) return found.record;
      issues.push(lookupIssue(name, found, registry, ["travel", "overrides", index, "between", side]));
      return undefined;
    });
    if (records[0] && records[1]) travel.override(records[0], records[1], override.hours);
  });

  const errors = issues.filter((issue) => issue.severity === "error");
  if (errors.length) return { ok: false, issues: errors };
  const index = new PlanIndex(registry, clusters, trainers);
  issues.push(...countingWarnings(index, clusters, needs, calendar, settingsFor));
  return {
    ok: true,
    value: { data, id: campaign.id, registry, calendar, clusters, provinces, trainers, needs, travel, index },
    warnings: issues.filter((issue) => issue.severity === "warning"),
  };
}

/**
 * What counting alone shows before any solve: a province fixed where it cannot be, a cluster with
 * fewer trainers of a role than one session needs, more provinces than half-days.
 */
function countingWarnings(plan: PlanIndex, clusters: readonly Cluster[], needs: ReadonlyMap<string, number>, calendar: Calendar, settingsFor: ReadonlyMap<string, Settings>): Issue[] {
  const warnings: Issue[] = [];
  for (const [index, cluster] of clusters.entries()) {
    const path = ["clusters", index, "name"];
    for (const [role, count] of needs) {
      const pool = plan.pool(role, cluster.name);
      if (pool.length < count) {
        warnings.push(warning("role-count", path, `each session needs ${count} ${role} trainer${count > 1 ? "s" : ""}, but ${pool.length === 0 ? `no ${role} trainer may serve ${cluster.name}` : `only ${pool.length} may serve ${cluster.name} (${pool.map((t) => t.id).join(", ")})`}: none of its provinces can be placed`, `add ${role} trainers for ${cluster.name}`, { cluster: cluster.name, role, count, available: pool.length }));
      }
    }
    if (cluster.provinces.length > cluster.slots.length) {
      warnings.push(warning("more-provinces-than-half-days", path, `${cluster.name} has ${cluster.provinces.length} provinces but ${cluster.slots.length} working half-days in its window: sessions must share half-days, each with trainers of its own`, "widen the window, or check there are trainers enough", { cluster: cluster.name, provinces: cluster.provinces.length, halfDays: cluster.slots.length }));
    }
    for (const province of cluster.provinces) {
      if (!province.fixed) continue;
      const settings = settingsFor.get(province.record.code);
      const at = ["provinces", settings?.key ?? province.name, "fixed"];
      const { date, halfDay } = province.fixed;
      if (date < cluster.window.from || date > cluster.window.to) {
        warnings.push(warning("fixed-outside-window", at, `${province.name} is fixed to ${date} ${halfDay}, outside ${cluster.name}'s window ${cluster.window.from}..${cluster.window.to}: it cannot be placed`, "fix it inside the window, or widen the window", { province: province.name, date, halfDay, cluster: cluster.name, from: cluster.window.from, to: cluster.window.to }));
      } else if (!calendar.isWorkingDay(date)) {
        warnings.push(warning("fixed-non-working-day", at, `${province.name} is fixed to ${date}, ${calendar.isHoliday(date) ? "a holiday" : `a ${calendar.weekdayName(date)}`}: it cannot be placed`, "fix it on a working day", { province: province.name, date, holiday: calendar.isHoliday(date) }));
      }
    }
  }
  return warnings;
}

/** A trainer id or cluster name a change could not be keyed by (see UNREADABLE_KEY). */
function unreadableName(what: "trainer id" | "cluster name", path: readonly PathSegment[]): Issue {
  return error("reserved-name", path, `"${UNREADABLE_KEY}" cannot be used as a ${what}: a change naming it could not be read back`, `rename it`, { name: UNREADABLE_KEY, what });
}

/** Two names a reader tells apart that give one file name: the second is refused, naming the first and the file. */
function sameFileName(what: "trainer" | "province", path: readonly PathSegment[], name: string, first: { name: string; path: readonly PathSegment[] }, file: string): Issue {
  const files = what === "trainer" ? `trainers/${file}.ics, messages/${file}/` : `requests/${file}.ics, messages/…/${file}.eml`;
  return error(
    "same-file-name",
    path,
    `${what} "${name}" and "${first.name}" (${formatPath(first.path)}) give the same file name "${file}" (${files}): one would overwrite the other's calendar and invitations`,
    what === "trainer" ? "give one of them an id that differs in its letters or digits, not only in accents, case, spaces or punctuation (e.g. Đoàn-2)" : "use the registry's name of each province",
    { what, name, other: first.name, at: formatPath(first.path), file },
  );
}

function lookupIssue(name: string, found: Exclude<ReturnType<ProvinceRegistry["lookup"]>, { ok: true }>, registry: ProvinceRegistry, path: readonly PathSegment[]): Issue {
  if (found.reason === "merged") {
    return error("province-merged", path, `"${name}" is not a unit of ${registry.id}: since 1 July 2025 it is part of ${found.into.name}`, `write "${found.into.name}", or use registry vn-63 for plans before July 2025`, { name, registry: registry.id, into: found.into.name });
  }
  return error("unknown-province", path, `unknown province "${name}" in ${registry.id}`, found.suggestions.length ? `did you mean ${found.suggestions.join(", ")}?` : undefined, { name, registry: registry.id, suggestions: found.suggestions.join(", ") });
}

type Settings = PlanData["provinces"][string] & { key: string };

function resolveProvinceSettings(data: PlanData, registry: ProvinceRegistry, issues: Issue[]): Map<string, Settings> {
  const byCode = new Map<string, Settings>();
  for (const [key, settings] of Object.entries(data.provinces)) {
    const found = registry.lookup(key);
    if (!found.ok) {
      issues.push(lookupIssue(key, found, registry, ["provinces", key]));
      continue;
    }
    if (byCode.has(found.record.code)) {
      issues.push(error("duplicate-province", ["provinces", key], `${found.record.name} already has settings under "${byCode.get(found.record.code)!.key}"`, "merge the two entries", { province: found.record.name, key: byCode.get(found.record.code)!.key }));
      continue;
    }
    byCode.set(found.record.code, { ...settings, key });
  }
  return byCode;
}
