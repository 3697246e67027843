import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { TIME_TRAVEL } from "../../src/domain/glossary.ts";
import { createLogger } from "../../src/log.ts";
import { buildReport } from "../../src/services/report-service.ts";
import { startSandbox, type Sandbox } from "../../src/sandbox/start-sandbox.ts";
import { describeInBrowser, launchChromium } from "../helpers/browser.ts";
import { createTestStore, type TestStore } from "../helpers/test-store.ts";

// Time travel runs on a scratch copy: a person travels to a later day, edits
// a project there, returns to today, and the card, App Home and the store
// agree again, with no record dated after today left behind.

const SHOTS = resolve(import.meta.dirname, "../../test-output/screenshots");
const USER = "U0DEMO01";
const CH = "C0DEMO01";
const TODAY = new Date("2026-11-23T01:00:00Z");
let sandbox: Sandbox;
let store: TestStore;
let browser: Browser;
let page: Page;

async function send(text: string) {
  await page.getByTestId("composer").fill(text);
  await page.getByTestId("composer").press("Enter");
}
async function openJobs() {
  if (!(await page.getByTestId("jobs-panel").isVisible())) await page.getByTestId("jobs-toggle").click();
  await page.getByTestId("jobs-panel").waitFor();
}
const messages = () => page.getByTestId("messages").innerText();

/** The light and next step App Home shows for a project, or null when it is not listed. */
async function homeLine(id: number): Promise<string | null> {
  await page.getByTestId("home").click();
  await expect.poll(() => page.getByTestId("home-pane").innerText(), { timeout: 20_000 }).toContain("我的项目");
  const text = await page.getByTestId("home-pane").innerText();
  return text.split("\n").find((l) => l.includes(`#${id} `)) ?? null;
}

describeInBrowser("time travel in the sandbox", () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    store = await createTestStore();
    await store.close();
    sandbox = await startSandbox({ port: 0, databaseUrl: store.url, logger: createLogger("silent"), now: TODAY });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
    await page.goto(`${sandbox.url}?user=${USER}#${CH}`);
    await page.getByTestId(`channel-${CH}`).waitFor();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
    await store?.destroy();
  });

  it("says on the page what time travel does to the data", async () => {
    await openJobs();
    await expect.poll(() => page.getByTestId("travel-rule").innerText()).toBe(TIME_TRAVEL.rule);
    expect(await page.getByTestId("travel-banner").isVisible()).toBe(false);
  });

  it("undoes a later day's changes on the way back: card, App Home and store agree, nothing is future-dated", async () => {
    const db = sandbox.store.db;
    // A project of this user, so App Home lists it.
    const mine = await db.project.findFirstOrThrow({ where: { responsibles: { some: { slackUserId: USER } }, stage: { notIn: ["DROPPED", "AT_CAPACITY"] } }, orderBy: { id: "asc" } });
    const id = mine.id;
    const homeBefore = await homeLine(id);
    expect(homeBefore).not.toBeNull();
    const rowsBefore = { updates: await db.update.count(), funds: await db.fundEntry.count() };
    // What `dispatch report stalled` says today, before the trip.
    const stalled = () => buildReport(db, { kind: "stalled", now: TODAY });
    const stalledBefore = JSON.stringify(await stalled());
    await page.getByTestId(`channel-${CH}`).click();

    await page.getByTestId("travel-overdue_pings").fill("2026-12-10T09:01");
    await page.getByTestId("travel-run-overdue_pings").click();
    await expect.poll(() => page.getByTestId("travel-banner").isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await page.getByTestId("travel-banner").innerText()).toContain("2026年12月10日");
    await send(`/project 更新 #${id} 进展="旅行中的进展" 下一步="旅行中的下一步" 截止=2026-12-30`);
    await expect.poll(() => db.update.count({ where: { projectId: id, newValue: { contains: "旅行中的进展" } } }), { timeout: 20_000 }).toBeGreaterThan(0);
    await send(`/project 到位 #${id} +300万`);
    await expect.poll(messages, { timeout: 20_000 }).toContain("到位资金 +300万");
    expect(await db.update.count({ where: { at: { gt: new Date("2026-12-01T00:00:00Z") } } })).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, "time-travel-away-1280.png") });

    await page.getByTestId("travel-return").click();
    await expect.poll(() => page.getByTestId("travel-banner").isVisible(), { timeout: 30_000 }).toBe(false);
    await expect.poll(() => page.getByTestId("clock").innerText()).toContain("2026-11-23");

    // The store: nothing dated after today, the project as it was.
    const endOfToday = new Date("2026-11-23T16:00:00Z");
    expect(await db.update.count({ where: { at: { gt: endOfToday } } })).toBe(0);
    expect(await db.jobRun.count({ where: { claimedAt: { gt: endOfToday } } })).toBe(0);
    expect({ updates: await db.update.count(), funds: await db.fundEntry.count() }).toEqual(rowsBefore);
    const after = await db.project.findUniqueOrThrow({ where: { id } });
    expect({ nextStep: after.nextStep, version: after.version }).toEqual({ nextStep: mine.nextStep, version: mine.version });
    expect(JSON.stringify(await stalled())).toBe(stalledBefore);
    // The channel: what was posted during the trip is gone with it.
    expect(await messages()).not.toContain("旅行中的进展");

    // The card and App Home agree with each other and with before the trip.
    await send(`/project 查看 #${id}`);
    const card = page.locator('[data-testid^="message-"]', { hasText: `#${id} ${mine.name}` }).last();
    await card.waitFor({ timeout: 20_000 });
    const cardText = await card.innerText();
    expect(cardText).not.toContain("旅行中");
    const cardLight = /[🔴🟡🟢]/u.exec(cardText)?.[0];
    await page.screenshot({ path: join(SHOTS, "time-travel-back-1280.png") });
    const homeAfter = await homeLine(id);
    expect(homeAfter).toBe(homeBefore);
    expect(homeAfter).toContain(cardLight!);
    expect(await page.getByTestId("home-pane").innerText()).not.toContain("旅行中的下一步");
  }, 120_000);

  it("rolls back a trip the sandbox did not return from when it starts again", async () => {
    const db = sandbox.store.db;
    const before = await db.update.count();
    await page.getByTestId(`channel-${CH}`).click();
    await openJobs();
    await page.getByTestId("travel-overdue_pings").fill("2026-12-11T09:01");
    await page.getByTestId("travel-run-overdue_pings").click();
    await expect.poll(() => page.getByTestId("travel-banner").isVisible(), { timeout: 30_000 }).toBe(true);
    await send(`/project 更新 #1 进展="中途停机前的进展"`);
    await expect.poll(() => db.update.count(), { timeout: 20_000 }).toBe(before + 1);
    await sandbox.close();
    sandbox = await startSandbox({ port: 0, databaseUrl: store.url, logger: createLogger("silent"), now: TODAY });
    expect(await sandbox.store.db.update.count()).toBe(before);
    expect(await sandbox.store.db.update.count({ where: { at: { gt: new Date("2026-11-23T16:00:00Z") } } })).toBe(0);
  }, 120_000);
});
