import { describe, expect, it } from "vitest";
import { emptyTally, type Tally } from "../../src/domain/counting.ts";
import { compositeScore, rankChange, rankWithTies } from "../../src/domain/ranking.ts";
import { DEFAULT_RULES as rules } from "../../src/domain/rules.ts";
import type { Target } from "../../src/domain/types.ts";

const target = (over: Partial<Target> = {}): Target => ({
  year: 2026,
  unitId: 10,
  groupId: null,
  majorCount: 0,
  largeCount: 0,
  keyCount: 0,
  agreedWan: 0,
  arrivedWan: 0,
  ...over,
});
const tally = (over: Partial<Tally> = {}): Tally => ({ ...emptyTally(), ...over });

describe("compositeScore", () => {
  it("weighted mean over every metric", () => {
    const r = compositeScore(
      tally({ agreedWan: 50_000, arrivedWan: 10_000, majorCount: 1, largeCount: 0, keyCount: 4 }),
      target({ agreedWan: 100_000, arrivedWan: 40_000, majorCount: 1, largeCount: 2, keyCount: 4 }),
      rules,
    );
    expect(r.parts).toEqual({ agreed: 0.5, arrived: 0.25, major: 1, large: 0, key: 1 });
    expect(r.score).toBeCloseTo(0.4 * 0.5 + 0.3 * 0.25 + 0.1 * 1 + 0.1 * 0 + 0.1 * 1, 12);
  });

  it("renormalises weights over metrics that have a target", () => {
    const r = compositeScore(tally({ agreedWan: 60_000, arrivedWan: 30_000 }), target({ agreedWan: 100_000, arrivedWan: 100_000 }), rules);
    expect(r.parts).toEqual({ agreed: 0.6, arrived: 0.3, major: null, large: null, key: null });
    expect(r.score).toBeCloseTo((0.4 * 0.6 + 0.3 * 0.3) / 0.7, 12);
  });

  it("does not cap over-achievement", () => {
    expect(compositeScore(tally({ keyCount: 3 }), target({ keyCount: 1 }), rules).score).toBeCloseTo(3, 12);
  });

  it.each<[string, Target | undefined]>([
    ["no target row", undefined],
    ["all targets zero", target()],
  ])("null score: %s", (_name, t) => {
    expect(compositeScore(tally({ agreedWan: 100 }), t, rules).score).toBeNull();
  });

  it("null when the only targeted metrics have weight 0", () => {
    const zero = { ...rules, rankingWeights: { ...rules.rankingWeights, agreed: 0 } };
    expect(compositeScore(tally(), target({ agreedWan: 100 }), zero).score).toBeNull();
  });
});

describe("rankWithTies", () => {
  const rank = (scores: Array<number | null>) =>
    rankWithTies(scores.map((s, i) => ({ name: String.fromCharCode(65 + i), s })), (x) => x.s).map((r) => `${r.item.name}${r.rank ?? "-"}`);

  it.each<[Array<number | null>, string[]]>([
    [[], []],
    [[0.5], ["A1"]],
    [[0.2, 0.9, 0.5], ["B1", "C2", "A3"]],
    [[0.9, 0.9, 0.5], ["A1", "B1", "C3"]],
    [[0.5, 0.9, 0.9, 0.5, 0.1], ["B1", "C1", "A3", "D3", "E5"]],
    [[null, 0.3, null, 0.3], ["B1", "D1", "A-", "C-"]],
    [[null, null], ["A-", "B-"]],
    [[0, -1], ["A1", "B2"]],
  ])("%j → %j", (scores, expected) => {
    expect(rank(scores)).toEqual(expected);
  });

  it("treats float noise as a tie, keeping input order whichever is a hair higher", () => {
    expect(rank([0.1 + 0.2, 0.3])).toEqual(["A1", "B1"]);
    expect(rank([0.3, 0.1 + 0.2])).toEqual(["A1", "B1"]);
  });

  it("scores up to 1e-9 apart are the same score; further apart they are not", () => {
    expect(rank([0, 1e-9])).toEqual(["A1", "B1"]);
    expect(rank([0, 2e-9])).toEqual(["B1", "A2"]);
  });
});

describe("rankChange", () => {
  it.each<[number | null, number | null, number | null, string]>([
    [1, 3, 2, "↑2"],
    [4, 3, -1, "↓1"],
    [2, 2, 0, "—"],
    [1, null, null, "新"],
    [null, 2, null, "—"],
    [null, null, null, "—"],
  ])("now %s, before %s", (current, previous, delta, label) => {
    expect(rankChange(current, previous)).toEqual({ delta, label });
  });
});
