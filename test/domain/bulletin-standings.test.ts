import { describe, expect, it } from "vitest";
import { metricStandings } from "../../src/domain/bulletin-standings.ts";

// 季通报: 先进 are the first `named` places, 后进 the last ones; ties are
// named together; a subject without a target is on neither end.

type Item = { name: string; v: number | null };
const items = (values: Array<number | null>): Item[] => values.map((v, i) => ({ name: String.fromCharCode(65 + i), v }));
const names = (xs: Array<{ item: Item }>) => xs.map((x) => x.item.name).join("");

describe("metricStandings", () => {
  it.each([
    ["twelve distinct values: three first, three last (lowest first)", [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.35, 0.3, 0.25, 0.2, 0.1, 0.05], 3, "ABC", "LKJ"],
    ["a tie across the third place names all who tie into it", [0.9, 0.8, 0.7, 0.7, 0.5, 0.4, 0.3], 3, "ABCD", "GFE"],
    ["a tie at the top counts as places taken", [0.9, 0.9, 0.9, 0.9, 0.5, 0.4, 0.3, 0.2], 3, "ABCD", "HGF"],
    ["a tie across the third-from-last place names all who tie into it", [0.9, 0.8, 0.7, 0.6, 0.5, 0.3, 0.3, 0.1], 3, "ABC", "HGF"],
    ["a tie reaching up to the last 先进 leaves them 先进, not 后进", [0.9, 0.8, 0.7, 0.7, 0.7], 3, "ABCDE", ""],
    ["no more subjects than named: all 先进, none 后进", [0.5, 0.4, 0.3], 3, "ABC", ""],
    ["one more than named: the last one is 后进", [0.5, 0.4, 0.3, 0.2], 3, "ABC", "D"],
    ["five subjects: three first, the last two", [0.5, 0.4, 0.3, 0.2, 0.1], 3, "ABC", "ED"],
    ["no target is on neither end", [null, 0.4, 0.3, null, 0.2, 0.1, 0.05], 2, "BC", "GF"],
    ["all without a target: nobody named", [null, null], 3, "", ""],
    ["everyone equal: all share the first place", [0.5, 0.5, 0.5, 0.5, 0.5], 3, "ABCDE", ""],
    ["named one", [0.2, 0.5, 0.1], 1, "B", "C"],
  ] as const)("%s", (_, values, named, advanced, lagging) => {
    const s = metricStandings(items([...values]), (x) => x.v, named);
    expect(names(s.advanced)).toBe(advanced);
    expect(names(s.lagging)).toBe(lagging);
  });

  it("ranks highest first with shared places and carries the value", () => {
    const s = metricStandings(items([0.3, 0.5, 0.5, null]), (x) => x.v, 3);
    expect(s.ranked.map((x) => [x.item.name, x.rank, x.value])).toEqual([
      ["B", 1, 0.5],
      ["C", 1, 0.5],
      ["A", 3, 0.3],
    ]);
  });
});
