import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { faultWorkspace, type BotProcess, type FaultWorkspace } from "../helpers/bot-process.ts";
import { usingPostgres } from "../helpers/test-store.ts";

// Issue #14, problems 5 and 10: two bot processes on one store (on SQLite,
// one file) take 20 progress updates at once, all on the same project. None
// is lost and none is refused as "刚被他人修改": they touch no common field,
// so each is applied on top of the other.

const UPDATES = 20;
const PROJECT = 3;

let ws: FaultWorkspace;
const bots: BotProcess[] = [];

beforeAll(async () => {
  ws = await faultWorkspace("two");
  bots.push(...(await Promise.all([ws.startBot(), ws.startBot()])));
}, 300_000);

afterAll(async () => ws?.close());

describe(`two bot processes on one ${usingPostgres ? "PostgreSQL database" : "SQLite file"}`, () => {
  it(`apply ${UPDATES} of ${UPDATES} concurrent updates to one project`, { timeout: 600_000 }, async () => {
    const texts = Array.from({ length: UPDATES }, (_, i) => `两进程第${i + 1}条`);
    const sent = await Promise.all(texts.map((t, i) => ws.slash(bots[i % 2], `更新 #${PROJECT} 进展="${t}"`)));
    expect(sent.map((s) => s.status)).toEqual(texts.map(() => 200));
    for (const s of sent) expect(await ws.answer(s.id), bots.map((b) => b.failures()).join("\n")).toBe(`已更新 #${PROJECT}`);
    const rows = await ws.store.db.update.findMany({ where: { projectId: PROJECT, field: "PROGRESS", source: "SLASH" }, select: { newValue: true } });
    expect(rows.map((r) => r.newValue).sort()).toEqual([...texts].sort());
  });
});
