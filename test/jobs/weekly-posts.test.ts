import { planDemo } from "../../src/demo/demo-plan.ts";
import ExcelJS from "exceljs";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDueJobs } from "../../src/jobs/run-jobs.ts";
import { jobHistory } from "../../src/store/job-runs.ts";
import { textOf } from "../helpers/slack-harness.ts";
import { SUMMARY, at, startJobsHarness, type JobsHarness } from "./jobs-harness.ts";

let h: JobsHarness;

beforeAll(async () => {
  h = await startJobsHarness();
});
afterAll(async () => {
  await h.close();
});

const summaryPosts = () => h.standin.callsTo("chat.postMessage").filter((c) => c.args.channel === SUMMARY && !c.args.thread_ts);

describe("a normal Monday", () => {
  it("posts nothing before 08:30", async () => {
    h.clock.now = at("2026-11-23T08:00:00");
    expect(await runDueJobs(h.deps(), ["weekly_summary"])).toEqual([]);
  });

  it("posts last week's summary once, with the rest in its thread and the charts and table attached", async () => {
    h.clock.now = at("2026-11-23T08:31:00");
    const outcomes = await runDueJobs(h.deps(), ["weekly_summary"]);
    expect(outcomes).toEqual([{ job: "weekly_summary", period: "2026-W47", status: "posted", late: false }]);
    const [main] = summaryPosts();
    expect(textOf(main.args.blocks)).toContain("招商引资工作周调度（2026年第47周，11月16日—22日）");
    expect(textOf(main.args.blocks)).not.toContain("补发");
    // The three files in one upload: one shared message in the thread.
    const uploads = h.standin.callsTo("files.completeUploadExternal");
    expect(uploads).toHaveLength(1);
    expect(uploads[0]).toMatchObject({ ok: true, args: { thread_ts: main.response?.ts } });
    expect(uploads[0].args.files).toHaveLength(3);
    expect(await runDueJobs(h.deps(), ["weekly_summary"])).toEqual([]);
    expect(summaryPosts()).toHaveLength(1);
  });

  it("attaches chart PNGs that decode to their size and an xlsx holding every signing", async () => {
    const files = h.standin.callsTo("files.completeUploadExternal").flatMap((c) => c.args.files as Array<{ id: string }>).map((f) => ({ bytes: h.standin.file(f.id)!.bytes! }));
    const pngs = files.filter((f) => f.bytes.subarray(1, 4).toString() === "PNG");
    expect(pngs).toHaveLength(2);
    for (const f of pngs) {
      const png = PNG.sync.read(f.bytes);
      // Drawn for Slack's preview (about 480 px wide): twice that, no taller than about square.
      expect(png.width).toBe(960);
      expect(png.height).toBeGreaterThanOrEqual(720);
      expect(png.height).toBeLessThanOrEqual(1008);
    }
    const xlsx = files.find((f) => f.bytes.subarray(0, 2).toString() === "PK")!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes as never);
    const signings = wb.getWorksheet("上周签约")!;
    // Every project the demo signed in the reported week (2026-W47), one row each.
    const signedInWeek = planDemo("2026-11-23").projects.filter((p) => p.path.some(([s, d]) => s === "SIGNED" && d >= "2026-11-16" && d <= "2026-11-22"));
    expect(signedInWeek.length).toBeGreaterThan(3);
    expect(signings.rowCount - 3).toBe(signedInWeek.length);
  });

  it("posts the stalled list and the group ranking, each once", async () => {
    h.clock.now = at("2026-11-23T08:45:00");
    const outcomes = await runDueJobs(h.deps(), ["stalled_list", "group_ranking"]);
    expect(outcomes.map((o) => `${o.job}:${o.status}`)).toEqual(["stalled_list:posted", "group_ranking:posted"]);
    expect(summaryPosts()).toHaveLength(3);
    expect(h.standin.calls.filter((c) => !c.ok)).toEqual([]);
  });

  it("records every post in the history", async () => {
    const rows = await jobHistory(h.store.db);
    expect(rows.map((r) => `${r.job}:${r.period}:${r.status}`).sort()).toEqual(["group_ranking:2026-W47:DONE", "stalled_list:2026-W47:DONE", "weekly_summary:2026-W47:DONE"]);
  });
});
