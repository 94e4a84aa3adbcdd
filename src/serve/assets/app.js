// The workspace's only script: start a solve, follow its progress (Server-Sent Events), stop it.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const section = document.getElementById("solve");
  if (!section) return;
  const base = section.dataset.base;
  const solveButton = document.getElementById("solve-button");
  const stopButton = document.getElementById("stop-button");
  const progress = document.getElementById("progress");
  let job;
  solveButton.addEventListener("click", async () => {
    solveButton.disabled = true;
    progress.textContent = progress.dataset.solving;
    const response = await fetch(`${base}/solve?lang=${section.dataset.lang}`, { method: "POST" });
    // An error page or a refusal is not JSON: its status is what the planner sees then.
    const body = await response.json().catch(() => ({ error: `${response.status} ${response.statusText}` }));
    if (!response.ok) {
      progress.textContent = body.error;
      solveButton.disabled = false;
      return;
    }
    job = body.job;
    stopButton.hidden = false;
    const events = new EventSource(`${base}/jobs/${job}/events?lang=${section.dataset.lang}`);
    events.addEventListener("progress", (event) => {
      const p = JSON.parse(event.data);
      const proof = p.proven ? progress.dataset.proven : p.bound === null ? progress.dataset.notProven : `${progress.dataset.bound} ${p.bound}`;
      progress.textContent = `${progress.dataset.part}${p.part}/${p.parts} (${p.clusters.join(", ")}): ${progress.dataset.objective} ${p.objective}, ${proof}`;
    });
    events.addEventListener("done", () => {
      events.close();
      window.location.reload();
    });
    events.addEventListener("failed", (event) => {
      events.close();
      progress.textContent = JSON.parse(event.data).error;
      stopButton.hidden = true;
      solveButton.disabled = false;
    });
  });
  stopButton.addEventListener("click", () => {
    if (job) fetch(`${base}/jobs/${job}/stop`, { method: "POST" });
  });
});

// The plan's forms: each form checked as the planner types (its check address answers { field: problem },
// nothing written), the problems said beside their fields; and the provinces' list filtered as one types.
document.addEventListener("DOMContentLoaded", () => {
  for (const form of document.querySelectorAll("form[data-check]")) {
    let timer;
    let asked = 0;
    const check = async () => {
      const mine = ++asked;
      const response = await fetch(form.dataset.check, { method: "POST", body: new URLSearchParams(new FormData(form)) }).catch(() => undefined);
      if (!response || mine !== asked) return;
      const problems = await response.json().catch(() => undefined);
      if (!problems) return;
      const shown = new Set();
      for (const place of form.querySelectorAll("[data-error-for]")) {
        place.textContent = problems[place.dataset.errorFor] ?? "";
        shown.add(place.dataset.errorFor);
      }
      // A problem with no field of its own on the form is said at the form's top.
      const rest = Object.keys(problems).filter((field) => !shown.has(field)).map((field) => problems[field]);
      const top = form.querySelector('[data-error-for="_form"]');
      if (top && rest.length) top.textContent = [top.textContent, ...rest].filter(Boolean).join("; ");
    };
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(check, 400);
    };
    form.addEventListener("input", later);
    form.addEventListener("change", later);
  }

  const search = document.getElementById("province-search");
  const list = document.getElementById("province-list");
  if (search && list) {
    // "ha noi" finds Hà Nội: accents and case aside.
    const plain = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase().trim();
    search.addEventListener("input", () => {
      const wanted = plain(search.value);
      for (const item of list.children) item.hidden = wanted !== "" && !plain(item.dataset.name).includes(wanted) && !item.querySelector("input").checked;
    });
    const count = document.getElementById("chosen-count");
    list.addEventListener("change", () => {
      count.textContent = count.dataset.template.replace("0", String(list.querySelectorAll("input:checked").length));
    });
  }
});
