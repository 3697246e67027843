import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeBenchLedger } from "../../bench/import-ledger.ts";
import { FAULT_NOW, faultWorkspace, type BotProcess, type FaultWorkspace } from "../helpers/bot-process.ts";
import { usingPostgres } from "../helpers/test-store.ts";

// Issue #14, problem 5: while `dispatch import` loads a 5,000-row ledger,
// staff keep updating projects through the real bot process. Every update
// must be answered as saved and be in the store afterwards, and the import
// must go in whole. The import prepares outside its transaction and writes
// in one short one; the bot's writes wait for SQLite's lock meanwhile.

const DISPATCH = resolve(import.meta.dirname, "../../bin/dispatch.js");
const MIN_UPDATES = 20;

let ws: FaultWorkspace;
let bot: BotProcess;
let dir: string;
let demoProjects: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "fault-import-"));
  ws = await faultWorkspace("import");
  demoProjects = await ws.store.db.project.count();
  bot = await ws.startBot();
}, 300_000);

afterAll(async () => {
  await ws?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe(`an import of 5,000 rows while the bot takes updates (${usingPostgres ? "PostgreSQL" : "SQLite"})`, () => {
  it("applies every update and the whole import", { timeout: 600_000 }, async () => {
    const file = join(dir, "ledger-5000.xlsx");
    await writeBenchLedger(file, { projects: 4_000, funds: 1_000 });
    const importer = spawn(process.execPath, [DISPATCH, "import", file], { env: { ...process.env, DATABASE_URL: ws.store.url, DISPATCH_NOW: FAULT_NOW.toISOString() }, stdio: ["ignore", "pipe", "pipe"] });
    let importOut = "";
    importer.stdout!.on("data", (d) => (importOut += d));
    importer.stderr!.on("data", (d) => (importOut += d));
    const exited = new Promise<number | null>((ok) => importer.on("exit", (code) => ok(code)));
    let running = true;
    void exited.then(() => (running = false));

    // One update every 250 ms for as long as the import runs, and at least 20.
    const sent: Array<{ id: string; project: number; text: string }> = [];
    while (running || sent.length < MIN_UPDATES) {
      const k = sent.length + 1;
      const project = ((k - 1) % 90) + 1;
      const text = `导入期间第${k}条`;
      const answer = await ws.slash(bot, `更新 #${project} 下一步="${text}"`);
      expect(answer.status).toBe(200);
      sent.push({ id: answer.id, project, text });
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(await exited, importOut).toBe(0);
    expect(importOut).toContain("导入完成：新建项目 4000 个");

    for (const s of sent) expect(await ws.answer(s.id, 60_000), `${s.text}; the bot logged:\n${bot.failures()}`).toBe(`已更新 #${s.project}`);
    const rows = await ws.store.db.update.findMany({ where: { field: "nextStep", source: "SLASH" }, select: { newValue: true } });
    expect(new Set(rows.map((r) => r.newValue))).toEqual(new Set(sent.map((s) => s.text)));
    expect(await ws.store.db.project.count()).toBe(demoProjects + 4_000);
    expect(await ws.store.db.fundEntry.count()).toBeGreaterThanOrEqual(1_000);
    expect(bot.log()).not.toContain("database is locked");
  });
});
