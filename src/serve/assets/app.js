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
