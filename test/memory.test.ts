import { getHeapStatistics } from "node:v8";
import { describe, expect, it } from "vitest";
import { collectGarbage } from "../src/memory.ts";

// The weekly post collects the ranking's garbage before the summary's reads (report-jobs.ts).

describe("collectGarbage", () => {
  it("frees what is no longer referenced, at once", () => {
    let rows: Array<{ id: number; name: string }> | undefined = Array.from({ length: 300_000 }, (_, id) => ({ id, name: `项目 ${id}` }));
    const held = getHeapStatistics().used_heap_size;
    expect(rows.length).toBe(300_000);
    rows = undefined;
    collectGarbage();
    expect(getHeapStatistics().used_heap_size).toBeLessThan(held - 10 * 1024 * 1024);
  });
});
