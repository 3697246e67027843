import Database from "better-sqlite3";
import { openStore } from "../src/store/client.ts";
import { STAGES } from "../src/domain/types.ts";
import { STAGE_DATE_COLUMNS } from "../src/store/project-row.ts";
import { addDays } from "../src/domain/periods.ts";

// Fills a fresh SQLite file with a synthetic district of the requested size,
// written straight through better-sqlite3 (Prisma would take minutes for
// millions of rows). The schema comes from the real migrations.

export interface Size {
  projects: number;
  updates: number;
  funds: number;
}

/** Small deterministic PRNG so every run measures the same data. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function generate(file: string, size: Size, today: string): Promise<void> {
  const store = await openStore(`file:${file}`);
  await store.close();
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  const rand = rng(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const iso = (date: string) => `${date}T02:00:00.000+00:00`;
  const now = iso(today);

  db.transaction(() => {
    const groups = 12;
    const units = 22;
    for (let g = 1; g <= groups; g++) db.prepare(`INSERT INTO "Group" (id, name) VALUES (?, ?)`).run(g, `工作组${g}`);
    for (let u = 1; u <= units; u++) {
      db.prepare(`INSERT INTO "Unit" (id, name, kind) VALUES (?, ?, ?)`).run(u, `单位${u}`, u <= 6 ? "PARK" : "DEPARTMENT");
      db.prepare(`INSERT INTO "Target" (year, unitId, majorCount, largeCount, keyCount, agreedWan, arrivedWan) VALUES (?, ?, 3, 4, 8, ?, ?)`).run(
        Number(today.slice(0, 4)), u, 1_000_000, 300_000,
      );
    }
    for (let g = 1; g <= groups; g++)
      db.prepare(`INSERT INTO "Target" (year, groupId, majorCount, largeCount, keyCount, agreedWan, arrivedWan) VALUES (?, ?, 2, 3, 6, ?, ?)`).run(
        Number(today.slice(0, 4)), g, 800_000, 200_000,
      );

    const cols = Object.values(STAGE_DATE_COLUMNS);
    const insertProject = db.prepare(
      `INSERT INTO "Project" (id, name, investor, groupId, leadUnitId, origin, sector, agreedWan, outputWan, stage, ${cols.map((c) => `"${c}"`).join(", ")}, nextStep, nextStepDue, createdAt, updatedAt)
       VALUES (${Array(10 + cols.length + 4).fill("?").join(", ")})`,
    );
    const insertCo = db.prepare(`INSERT INTO "ProjectCoUnit" (projectId, unitId) VALUES (?, ?)`);
    const insertUpdate = db.prepare(`INSERT INTO "Update" (projectId, batch, at, author, source, field, oldValue, newValue) VALUES (?, ?, ?, 'bench', 'CLI', ?, ?, ?)`);
    const insertFund = db.prepare(`INSERT INTO "FundEntry" (projectId, date, amountWan, note, author, createdAt) VALUES (?, ?, ?, '', 'bench', ?)`);
    const updatesPerProject = Math.max(1, Math.round(size.updates / size.projects));

    for (let id = 1; id <= size.projects; id++) {
      const reached = Math.floor(rand() * STAGES.length);
      const dropped = rand() < 0.05;
      const start = 730 - Math.floor(rand() * 200);
      const dates: (string | null)[] = cols.map(() => null);
      let ago = start;
      for (let s = 0; s <= reached; s++) {
        dates[s] = addDays(today, -ago);
        ago = Math.max(1, ago - Math.floor(rand() * 120));
      }
      if (dropped) dates[cols.length - 1] = addDays(today, -Math.floor(rand() * ago));
      const stage = dropped ? "DROPPED" : STAGES[reached];
      const agreed = pick([600, 3_000, 20_000, 120_000, 250_000]);
      insertProject.run(
        id, `项目${id}`, `投资方${id}`, 1 + (id % 12), 1 + (id % 22), pick(["OUTSIDE_CITY", "OUTSIDE_CITY", "IN_CITY_OUTSIDE_DISTRICT", "IN_DISTRICT"]),
        pick(["INDUSTRY", "SERVICE"]), agreed, agreed * 2, stage, ...dates, "推进下一步", addDays(today, Math.floor(rand() * 90) - 45), now, now,
      );
      if (id % 4 === 0) insertCo.run(id, 1 + ((id + 7) % 22));
      insertUpdate.run(id, `b${id}`, iso(dates[0]!), "CREATED", null, `项目${id}`);
      for (let u = 1; u < updatesPerProject; u++) {
        const when = addDays(today, -Math.floor(rand() * start));
        insertUpdate.run(id, `b${id}-${u}`, iso(when), "nextStep", `旧${u}`, `新${u}`);
      }
    }
    for (let f = 0; f < size.funds; f++) {
      insertFund.run(1 + Math.floor(rand() * size.projects), addDays(today, -Math.floor(rand() * 600)), 1 + Math.floor(rand() * 5_000), now);
    }
  })();
  db.close();
}
