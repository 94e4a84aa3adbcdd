/** How each half-day a session could go to is marked, for the page and the terminal alike. */
import type { Alternative } from "../app/alternatives.ts";
import type { Lang } from "./labels.ts";
import { WORDS } from "./page.ts";
import { ruleLabel } from "./rules.ts";

export function alternativeText(a: Alternative, lang: Lang): string {
  const w = WORDS[lang];
  switch (a.kind) {
    case "current":
      return w.altCurrent;
    case "free":
      return w.altFree(a.trainers.join(", "));
    case "moves":
      return w.altMoves(a.moves.length, a.moves.map((m) => m.province).join(", "));
    case "impossible":
      return w.altImpossible(a.unplaced?.length ? w.altLeftOut(a.unplaced.map((u) => u.province).join(", ")) : [...new Set(a.because.map((v) => ruleLabel(v.rule, lang)))].join("; "));
    case "not-computed":
      return w.altNotComputed;
  }
}
