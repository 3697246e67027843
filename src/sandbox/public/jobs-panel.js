// The jobs panel: the sandbox clock, each scheduled job with "run now" and time travel, and the last run's outcomes.
import { api } from "./api.js";
import { $, h, toast } from "./dom.js";
import { scheduleRefresh } from "./live.js";
import { syncBackdrop } from "./sidebar.js";
import { state } from "./state.js";
import { closeThread } from "./thread.js";
import { fmtFull, fromLocalInput, toLocalInput } from "./time.js";

const STATUS_LABEL = { posted: "已发送 posted", skipped: "跳过 skipped", held: "暂缓 held", failed: "失败 failed", done: "已完成 done" };

export function renderJobs() {
  const list = $("job-list");
  const sig = JSON.stringify(state.jobs);
  if (list.dataset.sig !== sig) {
    list.dataset.sig = sig;
    list.replaceChildren(...state.jobs.map(renderJob));
    if (!state.jobs.length) list.append(h("li", { class: "muted" }, "没有任务"));
  }
  syncTravelInputs();
}

function renderJob(j) {
  const tid = `travel-${j.job}`;
  const inp = h("input", { type: "datetime-local", id: tid, "data-testid": tid, class: "travel-input" });
  inp.addEventListener("input", () => (inp.dataset.dirty = "1"));
  const form = h(
    "form",
    { class: "travel" },
    h("label", { for: tid }, "在此时间运行（时间旅行）"),
    h("div", { class: "travel-row" }, inp, h("button", { type: "submit", class: "btn", "data-testid": `travel-run-${j.job}` }, "运行")),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const at = fromLocalInput(inp.value);
    if (!at) return toast("请选择时间");
    runJobs({ job: j.job, at });
  });
  return h(
    "li",
    { class: `job${j.enabled === false ? " disabled" : ""}`, "data-testid": `job-${j.job}` },
    h(
      "div",
      { class: "job-head" },
      h("div", {}, h("div", { class: "job-label" }, j.label || j.job), h("div", { class: "job-meta" }, h("code", {}, j.job), j.time ? ` · ${j.time}` : "", j.enabled === false ? " · 已停用" : "")),
      h("button", { type: "button", class: "btn primary small", "data-testid": `run-${j.job}`, onclick: () => runJobs({ job: j.job }) }, "立即运行"),
    ),
    form,
  );
}

/** Travel inputs show the sandbox clock until someone edits them. */
function syncTravelInputs() {
  const nowMs = Date.parse(state.now);
  if (Number.isFinite(nowMs))
    for (const inp of document.querySelectorAll(".travel-input")) if ((!inp.value || !inp.dataset.dirty) && document.activeElement !== inp) inp.value = toLocalInput(nowMs);
}

/** The time travel rule always, and while away a banner over the messages with the way back. */
function renderTravel() {
  const t = state.travel;
  if (!t) return;
  $("travel-rule").textContent = t.rule;
  $("travel-banner").hidden = !t.away;
  $("travel-banner-text").textContent = t.banner || "";
  $("travel-return").textContent = t.returnHome;
}

async function returnHome() {
  const button = $("travel-return");
  button.disabled = true;
  try {
    const r = await api("/travel/return", {});
    if (r.now) state.now = r.now;
    state.outcomes = null;
    $("job-outcomes").replaceChildren(h("p", { class: "muted" }, r.message || ""));
    toast(r.message || "");
  } catch (e) {
    toast(`回到今天失败：${e.message}`);
  } finally {
    button.disabled = false;
    scheduleRefresh(0);
  }
}

export function renderClock() {
  renderTravel();
  const text = fmtFull(Date.parse(state.now)) || "—";
  $("clock").textContent = text;
  $("sidebar-clock").textContent = text;
  syncTravelInputs();
}

const setButtonsDisabled = (disabled) => document.querySelectorAll("#jobs-panel button").forEach((b) => (b.disabled = disabled));

let jobsBusy = false;
async function runJobs(body) {
  if (jobsBusy) return;
  jobsBusy = true;
  const out = $("job-outcomes");
  out.replaceChildren(h("p", { class: "muted" }, "运行中…"));
  setButtonsDisabled(true);
  try {
    const r = await api("/jobs/run", body);
    if (r.now) state.now = r.now;
    state.outcomes = { request: body, ...r };
    renderOutcomes();
    renderClock();
  } catch (e) {
    out.replaceChildren(h("p", { class: "err-text" }, `运行失败：${e.message}`));
  } finally {
    jobsBusy = false;
    setButtonsDisabled(false);
    scheduleRefresh();
  }
}

function renderOutcomes() {
  const o = state.outcomes;
  if (!o) return;
  const label = (job) => state.jobs.find((j) => j.job === job)?.label || job;
  $("job-outcomes").replaceChildren(
    h("p", { class: "muted" }, `${o.request?.job ? `运行 ${label(o.request.job)}` : "运行所有到期任务"} · 沙盒时间 ${fmtFull(Date.parse(o.now)) || (o.now ?? "")}`),
    o.outcomes?.length
      ? h(
          "ul",
          { class: "outcome-list" },
          o.outcomes.map((x) =>
            h(
              "li",
              { class: `outcome st-${x.status}`, "data-testid": `outcome-${x.job}`, "data-status": x.status },
              h("div", { class: "oc-head" }, h("span", { class: "oc-job" }, label(x.job)), h("span", { class: `status status-${x.status}` }, STATUS_LABEL[x.status] || x.status), x.late ? h("span", { class: "late", "data-testid": "late" }, "补发") : null),
              h("div", { class: "oc-meta" }, h("code", {}, x.job), x.period ? ` · 周期 ${x.period}` : ""),
              x.detail ? h("div", { class: "oc-detail" }, typeof x.detail === "string" ? x.detail : JSON.stringify(x.detail)) : null,
            ),
          ),
        )
      : h("p", { class: "muted" }, "没有到期的任务 / Nothing due."),
  );
}

export function setJobsOpen(open) {
  if (open && state.thread) closeThread();
  $("app").classList.toggle("jobs-open", open);
  $("jobs-toggle").setAttribute("aria-expanded", String(open));
  syncBackdrop();
}

export function wireJobsPanel() {
  $("run-due-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const v = $("run-due-at").value;
    const body = {};
    if (v) {
      const at = fromLocalInput(v);
      if (!at) return toast("时间格式不对");
      body.at = at;
    }
    runJobs(body);
  });
  // An open thread takes the jobs panel's place, so then the toggle brings the jobs back instead of closing them.
  $("jobs-toggle").addEventListener("click", () => {
    const app = $("app");
    setJobsOpen(!app.classList.contains("jobs-open") || app.classList.contains("thread-open"));
  });
  $("jobs-close").addEventListener("click", () => setJobsOpen(false));
  $("travel-return").addEventListener("click", returnHome);
}
