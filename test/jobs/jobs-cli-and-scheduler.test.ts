import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadJobsConfig } from "../../src/jobs/job-config.ts";
import { startScheduler } from "../../src/jobs/scheduler.ts";
import { jobHistory } from "../../src/store/job-runs.ts";
import { SUMMARY, TOKEN, at, startJobsHarness, type JobsHarness } from "./jobs-harness.ts";

// The operator's `dispatch jobs` and the scheduler's start-up run.

const BIN = resolve(import.meta.dirname, "../../bin/dispatch.js");
const exec = promisify(execFile);
let h: JobsHarness;

async function dispatch(...args: string[]) {
  try {
    const { stdout, stderr } = await exec(process.execPath, [BIN, ...args], {
      env: { ...process.env, DATABASE_URL: h.store.url, DISPATCH_NOW: "2026-11-23T09:00:00+08:00", SLACK_BOT_TOKEN: TOKEN, SLACK_API_URL: h.standin.url },
      maxBuffer: 1 << 26,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

beforeAll(async () => {
  h = await startJobsHarness();
});
afterAll(async () => {
  await h.close();
});

describe("dispatch jobs", () => {
  it("lists the jobs with their time, channel and what is due today", async () => {
    const r = await dispatch("jobs", "list");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`汇总频道：${SUMMARY}`);
    expect(r.stdout).toMatch(/weekly_summary\s+周调度汇总　时间 08:30.*已到期：2026-W47/);
    expect(r.stdout).toMatch(/overdue_pings .*各工作组频道/);
  });

  it("--dry-run prints the Block Kit without posting", async () => {
    const r = await dispatch("jobs", "run", "weekly_summary", "--dry-run");
    const plan = JSON.parse(r.stdout);
    expect(plan).toMatchObject({ job: "weekly_summary", period: "2026-W47" });
    expect(plan.posts[0].messages[0][0].text.text).toContain("招商引资工作周调度（2026年第47周，11月16日—22日）");
    expect(plan.posts[0].files.map((f: { filename: string }) => f.filename)).toEqual(["周调度-2026-W47.xlsx", "阶段分布-2026-W47.png", "工作组排名-2026-W47.png"]);
    expect(h.standin.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("run posts now, once; history shows it", async () => {
    const first = await dispatch("jobs", "run", "stalled_list", "--period", "2026-W47");
    expect(first.stdout).toContain("stalled_list 2026-W47：已推送");
    const again = await dispatch("jobs", "run", "stalled_list", "--period", "2026-W47");
    expect(again.stdout).toContain("已推送过");
    const history = await dispatch("jobs", "history");
    expect(history.stdout).toMatch(/stalled_list\s+2026-W47\s+已完成/);
  }, 60_000);

  it.each([
    [["jobs", "run", "monthly"], "没有名为“monthly”的定时推送"],
    [["jobs", "run", "quarterly_bulletin", "--period", "2026-W47"], "请写成 2026-Q3"],
  ])("refuses %j", async (args, hint) => {
    const r = await dispatch(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(hint);
  });
});

describe("the scheduler", () => {
  it("posts what is due as soon as it starts, then stops cleanly", async () => {
    h.clock.now = at("2026-11-23T09:10:00");
    const scheduler = startScheduler(h.deps(), await loadJobsConfig(h.store.db), "Asia/Shanghai");
    await new Promise((r) => setImmediate(r));
    await scheduler.idle();
    await scheduler.stop();
    const done = (await jobHistory(h.store.db)).filter((r) => r.status === "DONE").map((r) => `${r.job}:${r.period}`).sort();
    // The Q3 bulletin was due on 10-08, before this installation's first run: not posted.
    expect(done).toEqual(["group_ranking:2026-W47", "leader_digest:2026-W47", "overdue_pings:2026-11-23", "stalled_list:2026-W47", "weekly_summary:2026-W47"]);
  });
});
