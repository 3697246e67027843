import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeBackup } from "../../src/store/backup.ts";
import { openStore } from "../../src/store/client.ts";
import { listMigrations } from "../../src/store/migrate.ts";
import { StoreSchemaError } from "../../src/store/schema-version.ts";
import { createTestStore, type TestStore } from "../helpers/test-store.ts";

// A store this code cannot safely use is refused on opening, with a message
// naming what is wrong and what to do, and is left exactly as it was.

let store: TestStore;
beforeEach(async () => {
  store = await createTestStore();
});
afterEach(async () => {
  await store.destroy();
});

const latest = () => listMigrations(store.target).at(-1)!.name;

describe("opening a store", () => {
  it("refuses a store from a newer schema, naming both versions, and changes nothing", async () => {
    const future = "29991231000000_from_a_newer_version";
    await store.db.$executeRaw`INSERT INTO "_dispatch_migrations" ("name", "checksum", "applied_at") VALUES (${future}, ${"x"}, ${"2999-12-31"})`;
    await store.db.$executeRawUnsafe(`CREATE TABLE "FutureThing" ("id" INTEGER PRIMARY KEY)`);
    const error = await openStore(store.url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreSchemaError);
    const message = (error as Error).message;
    expect(message).toContain(`数据库的结构版本 ${future} 比本程序的版本 ${latest()} 新`);
    expect(message).toContain("请升级程序");
    const names = await store.db.$queryRawUnsafe<{ name: string }[]>(`SELECT "name" FROM "_dispatch_migrations" ORDER BY "name"`);
    expect(names.map((r) => r.name)).toEqual([...listMigrations(store.target).map((m) => m.name), future].sort());
  });

  it("explains a half-made store (tables but no migrations table) instead of failing inside Prisma", async () => {
    await store.db.$executeRawUnsafe(`DROP TABLE "_dispatch_migrations"`);
    const error = await openStore(store.url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreSchemaError);
    const message = (error as Error).message;
    expect(message).toContain("却没有迁移记录表 _dispatch_migrations");
    expect(message).toMatch(/数据库里已有表（AppliedRequest、.*等 \d+ 张表）/);
    expect(message).toContain("dispatch restore");
    expect(message).not.toMatch(/prisma:|P\d{4}|already exists/);
    // Nothing was created or migrated.
    const again = await openStore(store.url).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(StoreSchemaError);
    // A backup of it is refused the same way, not dumped half-understood.
    const backup = await writeBackup(store.target, join(tmpdir(), `half-made-${process.pid}.jsonl`)).catch((e: unknown) => e);
    expect(backup).toBeInstanceOf(StoreSchemaError);
    expect((backup as Error).message).toContain("却没有迁移记录表 _dispatch_migrations");
  });

  it("opens an up-to-date store and an empty one alike", async () => {
    const reopened = await openStore(store.url);
    expect(await reopened.db.project.count()).toBe(0);
    await reopened.close();
  });
});
