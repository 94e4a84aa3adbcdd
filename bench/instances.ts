/** Benchmark instances: the 2022 plan (earliest and paced), the same plan four times over, a 1,000-session cascade and vn-34's 3,321 communes. */
import { readFileSync } from "node:fs";
import { Calendar } from "../src/model/calendar.ts";
import { loadPlanText } from "../src/model/load.ts";
import { indexedPlan, resolvePlan, TravelTimes, type Cluster, type Plan, type Province, type Trainer } from "../src/model/plan.ts";
import { withProfile } from "../src/model/profiles.ts";
import { VN34, type ProvinceRecord } from "../src/model/provinces.ts";
import { PlanSchema } from "../src/model/schema.ts";

export function plan2022(): Plan {
  return loadPlanText(readFileSync(new URL("../plans/2022-09-tcnscd.yaml", import.meta.url), "utf8"), "plans/2022-09-tcnscd.yaml").plan;
}

/** The 2022 plan with the "paced" goal profile: sessions spread through each window. */
export function plan2022Paced(): Plan {
  const resolved = resolvePlan(withProfile(plan2022().data, "paced")!);
  if (!resolved.ok) throw new Error("the paced 2022 plan does not resolve");
  return resolved.value;
}

/** The 2022 plan four times over (252 sessions): four copies of every cluster and trainer, each copy its own. */
export function plan2022Times4(): Plan {
  const base = plan2022();
  const copies = [1, 2, 3, 4];
  const rename = (name: string, k: number) => `${name} #${k}`;
  const clusters: Cluster[] = [];
  const provinces: Province[] = [];
  for (const k of copies) {
    for (const cluster of base.clusters) {
      const members = cluster.provinces.map((p) => ({ ...p, name: rename(p.name, k), cluster: rename(cluster.name, k), record: { ...p.record, code: `${p.record.code}-${k}`, name: rename(p.record.name, k) } }));
      provinces.push(...members);
      clusters.push({ ...cluster, name: rename(cluster.name, k), provinces: members });
    }
  }
  const trainers: Trainer[] = copies.flatMap((k) => base.trainers.map((t) => ({ ...t, id: rename(t.id, k), clusters: new Set([...t.clusters].map((c) => rename(c, k))) })));
  return indexedPlan({ ...base, id: "bench-4x", clusters, provinces, trainers });
}

/**
 * A commune-level cascade: 10 regions × 100 communes (1,000 sessions) over the 40 working
 * half-days of September 2022, 60 trainers (3 policy and 3 skills per region, region-bound).
 * Communes sit on a grid 6 km apart around their region's centre: all within a morning's reach.
 */
export function cascade1000(): Plan {
  return cascade(Array.from({ length: 10 }, (_, r) => ({ name: `Vùng ${r + 1}`, centre: { lat: 10 + r * 1.3, lon: 105 + (r % 3) * 0.8 }, communes: 100 })), "bench-cascade", (r, c) => `Xã ${r + 1}.${c + 1}`);
}

/**
 * The commune level of vn-34: 3,321 communes (the count after the 2025 reorganisation) shared
 * evenly among its 34 provinces (97 or 98 each; the real split is not in the registry), each
 * province a cluster with 3 policy and 3 skills trainers of its own, communes on a synthetic
 * grid around the provincial seat.
 */
export function cascadeCommunes(): Plan {
  const total = 3321;
  return cascade(
    VN34.map((province, i) => ({ name: province.name, centre: { lat: province.lat, lon: province.lon }, communes: Math.floor(total / VN34.length) + (i < total % VN34.length ? 1 : 0) })),
    "bench-communes",
    (r, c) => `Xã ${c + 1}, ${VN34[r]!.name}`,
  );
}

function cascade(regions: readonly { name: string; centre: { lat: number; lon: number }; communes: number }[], id: string, communeName: (region: number, commune: number) => string): Plan {
  const data = PlanSchema.parse({
    campaign: { id, title: "cascade", period: { from: "2022-09-05", to: "2022-09-30" }, registry: "vn-63" },
    sessionNeeds: { policy: 1, skills: 1 },
    clusters: [{ name: "R", provinces: ["Hà Nội"] }],
  });
  const calendar = new Calendar(data.campaign);
  const clusters: Cluster[] = [];
  const provinces: Province[] = [];
  const trainers: Trainer[] = [];
  for (const [r, { name, centre, communes }] of regions.entries()) {
    const members: Province[] = [];
    for (let c = 0; c < communes; c++) {
      const record: ProvinceRecord = { code: `${r}-${c}`, name: communeName(r, c), officialName: communeName(r, c), capital: "", lat: centre.lat + Math.floor(c / 10) * 0.054, lon: centre.lon + (c % 10) * 0.054 };
      members.push({ name: record.name, record, cluster: name, unavailable: [], preferred: [] });
    }
    provinces.push(...members);
    clusters.push({ name, window: data.campaign.period, windowGiven: true, windowProposed: false, provinces: members, slots: calendar.slots });
    for (const role of ["policy", "skills"]) {
      for (let k = 1; k <= 3; k++) {
        trainers.push({ id: `${role}-${r + 1}-${k}`, organisation: "bench", roles: [role], clusters: new Set([name]), maxSessionsPerDay: 2, national: false, unavailable: k === 1 ? [{ from: "2022-09-12", to: "2022-09-13" }] : [] });
      }
    }
  }
  const base = plan2022();
  return indexedPlan({ ...base, data, id, calendar, clusters, provinces, trainers, needs: new Map([["policy", 1], ["skills", 1]]), travel: new TravelTimes(data.travel) });
}

/**
 * The 2022 plan with 300 trainers, its roster cycled (GV-1 … GV-300, each with the roles, days off
 * and daily maximum of the roster's trainer it copies), every one free to serve every cluster, and
 * no organizer (so no e-mail is prepared): a plan file's text, for the CLI rows of the benchmark.
 * Every trainer in every cluster makes each part's model as large as the roster can.
 */
export function plan2022With300TrainersText(): string {
  const { organizer: _organizer, ...campaign } = plan2022().data.campaign;
  const roster = plan2022().data.trainers;
  const trainers = Array.from({ length: 300 }, (_, i) => {
    const { email: _email, ...trainer } = roster[i % roster.length]!;
    return { ...trainer, id: `GV-${i + 1}`, clusters: "all" };
  });
  // JSON is YAML: the plan's data as the schema read it, defaults written out.
  return `${JSON.stringify({ ...plan2022().data, campaign: { ...campaign, id: "bench-300-trainers" }, trainers }, null, 1)}\n`;
}
