/**
 * A mixed-integer linear model built by the constraints and handed to a backend. Kept independent
 * of any solver's format so both backends solve exactly the same model.
 */
export interface Row {
  readonly terms: Map<string, number>;
  min?: number;
  max?: number;
}

/** The model could not be built by its deadline: the caller answers without it (the greedy placer's schedule). */
export class BuildOutOfTime extends Error {
  constructor() {
    super("the model could not be built within the time limit");
    this.name = "BuildOutOfTime";
  }
}

/** How many additions between two looks at the clock: a look costs more than an addition. */
const CLOCK_EVERY = 4096;

export class LinearModel {
  /** Objective coefficient of each variable (minimised); insertion order is the model's order. */
  readonly variables = new Map<string, { cost: number; binary: boolean; branchFirst?: boolean }>();
  readonly rows = new Map<string, Row>();
  private additions = 0;

  /**
   * `deadline` (epoch ms): every rule builds its rows through this model, so a deadline here bounds
   * the building of the whole model without any rule having to watch the clock.
   */
  constructor(private readonly deadline?: number) {}

  private tick(): void {
    if (this.deadline !== undefined && ++this.additions % CLOCK_EVERY === 0 && Date.now() > this.deadline) throw new BuildOutOfTime();
  }

  /**
   * A 0/1 variable, or with `binary: false` a continuous one ≥ 0. `branchFirst` marks the decisions
   * that settle the others (a session's half-day before its trainers): a search fixes them first.
   */
  addVariable(name: string, cost: number, binary = true, options: { branchFirst?: boolean } = {}): string {
    if (this.variables.has(name)) throw new Error(`variable ${name} added twice`);
    this.tick();
    this.variables.set(name, { cost, binary, ...(options.branchFirst ? { branchFirst: true } : {}) });
    return name;
  }

  addCost(name: string, cost: number): void {
    const variable = this.variables.get(name);
    if (!variable) throw new Error(`unknown variable ${name}`);
    variable.cost += cost;
  }

  /** Adds `min ≤ Σ coefficient·variable ≤ max`; rows with no terms are dropped. */
  addRow(name: string, terms: Iterable<readonly [string, number]>, bounds: { min?: number; max?: number }): void {
    if (this.rows.has(name)) throw new Error(`row ${name} added twice`);
    this.tick();
    const map = new Map<string, number>();
    for (const [variable, coefficient] of terms) map.set(variable, (map.get(variable) ?? 0) + coefficient);
    if (map.size === 0) return;
    this.rows.set(name, { terms: map, ...bounds });
  }

  /**
   * The model over the `free` variables alone, every other variable held at its value in `values`
   * (0 if absent): rows keep their free terms with bounds shifted by the held ones; rows left with
   * no free term are dropped (the held values must keep them, as a schedule that is being improved does).
   */
  restricted(free: ReadonlySet<string>, values: ReadonlyMap<string, number>): LinearModel {
    const sub = new LinearModel();
    for (const [name, variable] of this.variables) if (free.has(name)) sub.variables.set(name, { ...variable });
    for (const [rowName, row] of this.rows) {
      let held = 0;
      const terms = new Map<string, number>();
      for (const [name, coefficient] of row.terms) {
        if (free.has(name)) terms.set(name, coefficient);
        else held += coefficient * (values.get(name) ?? 0);
      }
      if (terms.size) sub.rows.set(rowName, { terms, ...(row.min !== undefined ? { min: row.min - held } : {}), ...(row.max !== undefined ? { max: row.max - held } : {}) });
    }
    return sub;
  }

  /** Whether `values` (0 where absent) keep every row. */
  satisfiedBy(values: ReadonlyMap<string, number>): boolean {
    for (const row of this.rows.values()) {
      let activity = 0;
      for (const [name, coefficient] of row.terms) activity += coefficient * (values.get(name) ?? 0);
      if ((row.min !== undefined && activity < row.min - 1e-6) || (row.max !== undefined && activity > row.max + 1e-6)) return false;
    }
    return true;
  }

  get size(): { variables: number; rows: number; binaries: number } {
    let binaries = 0;
    for (const v of this.variables.values()) if (v.binary) binaries++;
    return { variables: this.variables.size, rows: this.rows.size, binaries };
  }

  objective(values: ReadonlyMap<string, number>): number {
    let total = 0;
    for (const [name, variable] of this.variables) total += variable.cost * (values.get(name) ?? 0);
    return total;
  }
}
