import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "../../src/demo/load-demo.ts";
import type { RankingReport } from "../../src/reports/ranking-report.ts";
import { buildReport } from "../../src/services/report-service.ts";
import { rankingMessages } from "../../src/slack/blocks/report-blocks.ts";
import { validateBlocks } from "../../src/slack-standin/index.ts";
import { loadRules } from "../../src/store/settings.ts";
import { createTestStore, type TestStore } from "../helpers/test-store.ts";

// The ranking post on the demo district reads as a table: one section per
// group or unit, its figures as fields (label over value), so no figure is
// split from its unit by Slack's wrapping, and every message passes the
// stand-in's Block Kit checks.

const NOW = new Date("2026-11-30T01:00:00Z");
let store: TestStore;
const reports: RankingReport[] = [];

beforeAll(async () => {
  store = await createTestStore();
  await loadDemo(store.db, "2026-11-30");
  const rules = await loadRules(store.db);
  reports.push(
    (await buildReport(store.db, { kind: "ranking", by: "group", now: NOW }, rules)) as RankingReport,
    (await buildReport(store.db, { kind: "ranking", by: "unit", quarter: "2026-Q3", now: NOW }, rules)) as RankingReport,
  );
}, 120_000);
afterAll(async () => {
  await store?.destroy();
});

type Section = { type: string; text?: { text: string }; fields?: { text: string }[] };
/** A number (with its decimals and thousands commas) followed, after any space or line break, by a unit. */
const SPLIT_UNIT = /\d[\s\u00a0]+(亿元|万元|%|分)/;

describe.each(["group", "unit"] as const)("the %s ranking post", (by) => {
  const report = () => reports.find((r) => r.by === by)!;

  it("passes Block Kit's limits in every message", () => {
    for (const blocks of rankingMessages(report())) {
      expect(blocks.length).toBeLessThanOrEqual(50);
      expect(validateBlocks(blocks, "message")).toEqual([]);
    }
  });

  it("gives each entry a section with its rank and name and four figure fields, each figure beside its unit", () => {
    const sections = rankingMessages(report())
      .flat()
      .filter((b): b is Section => (b as Section).type === "section" && !!(b as Section).fields);
    expect(sections).toHaveLength(report().entries.length);
    const e = report().entries[0]!;
    expect(sections[0]!.text!.text).toBe(`*${e.rank ?? "—"}. ${e.name}*${e.behindPace ? "　⚠️" : ""}`);
    for (const s of sections) {
      expect(s.fields!.map((f) => f.text.split("\n")[0])).toEqual(["*综合得分*", "*较上次*", "*协议资金*", "*到位资金*"]);
      for (const f of s.fields!) {
        expect(f.text).not.toMatch(SPLIT_UNIT);
        // Each line of a value is short enough for half of a phone's width (about 10 characters): nothing left to wrap.
        for (const line of f.text.split("\n").slice(1)) expect(Array.from(line).length).toBeLessThanOrEqual(10);
      }
      expect(s.fields![2]!.text).toMatch(/\n[\d,.]+(亿元|万元)\n完成 ([\d.]+%|—)$/);
    }
  });
});
