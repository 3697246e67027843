import { describe, expect, it } from "vitest";
import { emptyTally, type Tally } from "../../src/domain/counting.ts";
import { DEFAULT_RULES as rules } from "../../src/domain/rules.ts";
import type { Group, Target } from "../../src/domain/types.ts";
import { buildBulletin } from "../../src/reports/quarterly-bulletin.ts";
import { buildRanking } from "../../src/reports/ranking-report.ts";
import { resolvePeriod } from "../../src/reports/report-period.ts";

// The 季通报's paragraph and per-metric standings, from rankings built by the
// pure ranking builder: who is named 先进 and 后进, who is 予以通报 for being
// behind 序时进度 (beyond the tolerance only), and what is said without targets.

const period = resolvePeriod({ quarter: "2026-Q2" }, "2026-11-30"); // 06-30: 序时进度 49.6%
const groups: Group[] = ["甲组", "乙组", "丙组", "丁组", "戊组"].map((name, i): Group => ({ id: i + 1, name, leaderName: "", leaderSlackId: null, commissioners: "", focus: "", channelId: null, memberUserIds: [] }));
const target = (groupId: number): Target => ({ year: 2026, unitId: null, groupId, majorCount: 0, largeCount: 0, keyCount: 0, agreedWan: 100_000, arrivedWan: 100_000 });
const tally = (agreedWan: number, arrivedWan: number): Tally => ({ ...emptyTally(), agreedWan, arrivedWan });

function bulletin(tallies: Array<[number, number]>, targets: Target[] = groups.map((g) => target(g.id))) {
  const map = new Map(tallies.map(([a, b], i) => [i + 1, tally(a, b)]));
  const r = (by: "group" | "unit") => buildRanking({ by, period, rules, groups, units: [], targets, tallies: map, previousTallies: null });
  return buildBulletin(r("group"), r("unit"), 3);
}

describe("buildBulletin", () => {
  it("names the first three and the last two, each with its completion, and 通报s those behind 序时进度 with the points", () => {
    // agreed completion: 甲 80%, 乙 60%, 丙 50%, 丁 45%, 戊 30%; 序时进度 49.6% (tolerance 5): 丁 is 4.6 below (within), 戊 19.6 (behind).
    const b = bulletin([[80_000, 10_000], [60_000, 50_000], [50_000, 20_000], [45_000, 30_000], [30_000, 40_000]]);
    const s = b.sections[0]!;
    expect(s.metrics.map((m) => m.metric)).toEqual(["agreed", "arrived"]);
    const agreed = s.metrics[0]!;
    expect(agreed.advanced.map((x) => x.name)).toEqual(["甲组", "乙组", "丙组"]);
    expect(agreed.lagging.map((x) => x.name)).toEqual(["戊组", "丁组"]);
    expect(s.behind).toEqual([{ name: "戊组", points: -19.6 }]);
    expect(s.text).toBe(
      "截至6月30日，序时进度 49.6%。各专项招商工作组中，" +
        "综合得分位列前三的是乙组（55.7 分）、甲组（50.0 分）和丁组（38.6 分），排名靠后的是戊组（34.3 分）和丙组（37.1 分）；" +
        "协议资金完成率位列前三的是甲组（80.0%）、乙组（60.0%）和丙组（50.0%），排名靠后的是戊组（30.0%）和丁组（45.0%）；" +
        "到位资金完成率位列前三的是乙组（50.0%）、戊组（40.0%）和丁组（30.0%），排名靠后的是甲组（10.0%）和丙组（20.0%）。" +
        "戊组协议资金完成率低于序时进度 19.6 个百分点，予以通报。",
    );
    const row = (name: string) => s.rows.find((r) => r.name === name)!;
    expect(row("甲组")).toMatchObject({ metricRanks: { agreed: 1, arrived: 5, major: null }, advancedIn: ["agreed"], laggingIn: ["arrived"] });
  });

  it("ties are named together, said so; several behind are listed with 分别", () => {
    const b = bulletin([[60_000, 60_000], [50_000, 50_000], [50_000, 50_000], [50_000, 50_000], [10_000, 10_000]].map(([a, c]) => [a, c] as [number, number]));
    const s = b.sections[0]!;
    expect(s.text).toContain("协议资金完成率位列前三（含并列）的是甲组（60.0%）、乙组（50.0%）、丙组（50.0%）和丁组（50.0%），排名靠后的是戊组（10.0%）");
    const c = bulletin([[10_000, 0], [20_000, 0], [60_000, 0], [70_000, 0], [80_000, 0]]).sections[0]!;
    expect(c.text).toContain("甲组和乙组协议资金完成率分别低于序时进度 39.6、29.6 个百分点，予以通报。");
  });

  it("nobody behind beyond the tolerance: says so; no targets at all: says only that", () => {
    const onPace = bulletin([[50_000, 50_000], [45_000, 45_000], [60_000, 60_000], [70_000, 70_000], [80_000, 80_000]]).sections[0]!;
    expect(onPace.behind).toEqual([]);
    expect(onPace.text).toContain("各专项招商工作组协议资金完成率均基本符合或高于序时进度。");
    const none = bulletin([[50_000, 0]], []).sections[0]!;
    expect(none.metrics).toEqual([]);
    expect(none.text).toBe("截至6月30日，序时进度 49.6%。各专项招商工作组中，均未设年度目标。");
  });
});
