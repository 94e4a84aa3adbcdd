/** A new plan from the page: the letter's plan as a template, a copy of another plan, or a blank one on a registry. */
import { readdirSync } from "node:fs";
import type { Hono } from "hono";
import { createPlan, type NewPlanSource } from "../../app/new-plan.ts";
import { todayIn } from "../../app/today.ts";
import { InputError } from "../../model/issues.ts";
import { issueText } from "../../words/issues.ts";
import { NEW_PLAN_WORDS } from "../../words/new-plan.ts";
import { isPlanName, langOf, planHref, type WorkspaceContext } from "../context.ts";
import { newPlanPage } from "../pages.ts";

export function newPlanRoutes(app: Hono, ws: WorkspaceContext): void {
  const plans = () => readdirSync(ws.dir).filter((n) => ws.planFile(n) !== undefined).sort((a, b) => a.localeCompare(b, "vi"));

  app.get("/new", (c) => c.html(newPlanPage(langOf(c), plans())));

  app.post("/new", async (c) => {
    const lang = langOf(c);
    const w = NEW_PLAN_WORDS[lang];
    const form = await c.req.parseBody();
    const field = (key: string) => (typeof form[key] === "string" ? (form[key] as string).trim() : "");
    const asked = { file: field("file").normalize("NFC"), title: field("title"), from: field("from"), copy: field("copy"), registry: field("registry") };
    const again = (problem: string) => c.html(newPlanPage(lang, plans(), asked, problem), 422);
    const file = /\.ya?ml$/i.test(asked.file) ? asked.file : `${asked.file}.yaml`;
    if (!isPlanName(file)) return again(w.badFileName);
    let source: NewPlanSource;
    if (asked.from === "copy") {
      const copied = ws.loadPlan(asked.copy);
      if (!ws.planFile(asked.copy) || !copied.plan) return again(w.badFileName);
      source = { kind: "copy", text: copied.text, file: asked.copy };
    } else source = asked.from === "blank" ? { kind: "blank", registry: asked.registry === "vn-34" ? "vn-34" : "vn-63" } : { kind: "letter" };
    try {
      createPlan({ dir: ws.dir, file, title: asked.title, source, lang, today: todayIn(undefined) });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      return again(e.issues.map((issue) => issueText(issue, lang)).join("; "));
    }
    return c.redirect(planHref(file, lang, "created"), 303);
  });
}
