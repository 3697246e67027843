import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createLogger } from "../../src/log.ts";
import { startSandbox, type Sandbox } from "../../src/sandbox/start-sandbox.ts";
import { describeInBrowser, launchChromium } from "../helpers/browser.ts";
import { createTestStore, type TestStore } from "../helpers/test-store.ts";

// The whole demo on a phone (390×844, touch): every project form opened,
// filled and saved with its 保存 on screen, and every panel reached (the
// channel drawer, App Home, the jobs panel, time travel and back, a post's
// thread). A screenshot of each step goes to test-output/screenshots/phone-*.

const SHOTS = resolve(import.meta.dirname, "../../test-output/screenshots");
const W = 390;
const H = 844;
const USER = "U0DEMO01";
const CH = "C0DEMO01";
let sandbox: Sandbox;
let store: TestStore;
let browser: Browser;
let phone: Page;
let mine = 0;

const shot = (name: string) => phone.screenshot({ path: join(SHOTS, `phone-${name}.png`) });
const messages = () => phone.getByTestId("messages").innerText();

/** On screen, whole, within the phone's width and height once scrolled to: a person can tap it. */
async function reachable(l: Locator) {
  await l.scrollIntoViewIfNeeded();
  const box = (await l.boundingBox())!;
  expect(box, "not rendered").not.toBeNull();
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(W + 0.5);
  expect(box.y + box.height).toBeLessThanOrEqual(H + 0.5);
}
async function tap(l: Locator) {
  await reachable(l);
  await l.tap();
}
async function send(text: string) {
  await phone.getByTestId("composer").fill(text);
  await tap(phone.getByTestId("composer-send"));
}
/** Opens a form by its command, lets `fill` fill it, shoots it and saves it with a tap on 保存. */
async function saveForm(command: string, name: string, fill: () => Promise<void>) {
  await send(command);
  const modal = phone.getByTestId("modal");
  await modal.waitFor({ timeout: 20_000 });
  await fill();
  await shot(`form-${name}`);
  await tap(phone.getByTestId("modal-submit"));
  await modal.waitFor({ state: "hidden", timeout: 20_000 });
}

describeInBrowser("the whole demo on a phone (390×844)", () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    store = await createTestStore();
    await store.close();
    sandbox = await startSandbox({ port: 0, databaseUrl: store.url, logger: createLogger("silent"), now: new Date("2026-11-23T01:00:00Z") });
    mine = (await sandbox.store.db.project.findFirstOrThrow({ where: { responsibles: { some: { slackUserId: USER } }, stage: "SIGNED" }, orderBy: { id: "asc" } })).id;
    browser = await launchChromium();
    phone = await browser.newPage({ viewport: { width: W, height: H }, locale: "zh-CN", timezoneId: "Asia/Shanghai", isMobile: true, hasTouch: true });
    await phone.goto(`${sandbox.url}?user=${USER}#${CH}`);
    await phone.getByTestId("composer").waitFor();
    await shot("channel");
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
    await store?.destroy();
  });

  it("fits the page to the phone's width: nothing scrolls sideways", async () => {
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(W);
  });

  it("opens the channel drawer and App Home from it", async () => {
    await tap(phone.getByTestId("menu-toggle"));
    await reachable(phone.getByTestId("home"));
    await shot("drawer");
    await tap(phone.getByTestId("home"));
    await expect.poll(() => phone.getByTestId("home-pane").innerText(), { timeout: 20_000 }).toContain("我的项目");
    await shot("app-home");
    await tap(phone.getByTestId("menu-toggle"));
    await tap(phone.getByTestId(`channel-${CH}`));
    await phone.getByTestId("composer").waitFor();
  });

  it("saves the 新建 form", async () => {
    await saveForm("/project 新建", "new", async () => {
      await phone.getByTestId("input-name").fill("手机巡检新建项目");
      await phone.getByTestId("input-investor").fill("某某巡检科技有限公司");
      await phone.getByTestId("input-origin").selectOption("OUTSIDE_CITY");
      await phone.getByTestId("input-sector").selectOption("INDUSTRY");
      await phone.getByTestId("input-agreed").fill("1.2亿");
    });
    await expect.poll(messages, { timeout: 20_000 }).toMatch(/已新建项目 #\d+/);
  });

  it("saves the 更新 form, a large stage jump confirmed with the tick box after the question under it", async () => {
    await send(`/project 更新 #${mine}`);
    const modal = phone.getByTestId("modal");
    await modal.waitFor({ timeout: 20_000 });
    await phone.getByTestId("input-stage").selectOption("AT_CAPACITY");
    await phone.getByTestId("input-progress").fill("手机上更新的进展");
    await tap(phone.getByTestId("modal-submit"));
    const question = phone.getByTestId("error-confirmJump");
    await expect.poll(() => question.innerText(), { timeout: 20_000 }).toContain("将跳过注册、开工、投产");
    await reachable(question);
    await shot("form-update-jump-question");
    await phone.getByTestId("input-confirmJump").locator("input[type=checkbox]").check();
    await tap(phone.getByTestId("modal-submit"));
    await modal.waitFor({ state: "hidden", timeout: 20_000 });
    await expect.poll(messages, { timeout: 20_000 }).toContain("注册、开工、投产记为跳过");
    expect((await sandbox.store.db.project.findUniqueOrThrow({ where: { id: mine } })).stage).toBe("AT_CAPACITY");
  });

  it("saves the 到位 form", async () => {
    await saveForm(`/project 到位 #${mine}`, "funds", async () => {
      await phone.getByTestId("input-amount").fill("800万");
    });
    await expect.poll(messages, { timeout: 20_000 }).toContain("到位资金 +800万");
  });

  it("saves the 督办 form", async () => {
    await saveForm(`/project 督办 #${mine}`, "supervise", async () => {
      await phone.getByTestId("input-issue").fill("手机巡检：用地指标未落实");
      const owner = phone.getByTestId("input-owner");
      if ((await owner.evaluate((e) => e.tagName)) === "SELECT") await owner.selectOption(USER);
      await phone.getByTestId("input-deadline").fill("2026-12-31");
    });
    await expect.poll(messages, { timeout: 20_000 }).toMatch(/已挂牌督办|已提交督办建议/);
  });

  it("shows a project card and its buttons on screen", async () => {
    const before = await phone.locator('[data-testid^="message-"]').count();
    await send(`/project 查看 #${mine}`);
    // The card this command asked for: a new message, with the card's own buttons (not an earlier answer naming the project).
    await expect.poll(() => phone.locator('[data-testid^="message-"]').count(), { timeout: 20_000 }).toBeGreaterThan(before);
    const card = phone.locator('[data-testid^="message-"]', { hasText: `#${mine}` }).filter({ hasText: "查看历史" }).last();
    await card.waitFor({ timeout: 20_000 });
    await shot("card");
    const buttons = card.locator("button");
    for (let i = 0; i < (await buttons.count()); i++) await reachable(buttons.nth(i));
  });

  it("shows the ranking as a table: each group's figures as label-over-value fields", async () => {
    await send("/project 排名");
    const post = phone.locator('[data-testid^="message-"]', { hasText: "目标任务完成情况排名" }).last();
    await post.waitFor({ timeout: 30_000 });
    await post.scrollIntoViewIfNeeded();
    await shot("ranking");
    const text = await post.innerText();
    expect(text).toContain("综合得分");
    expect(text).not.toMatch(/\d\s+(亿元|万元|%)/);
  });

  it("reaches the jobs panel, travels in time and comes back", async () => {
    await tap(phone.getByTestId("jobs-toggle"));
    await phone.getByTestId("jobs-panel").waitFor();
    await reachable(phone.getByTestId("jobs-close"));
    await shot("jobs-panel");
    await phone.getByTestId("travel-overdue_pings").fill("2026-11-24T09:01");
    await tap(phone.getByTestId("travel-run-overdue_pings"));
    await expect.poll(() => phone.getByTestId("outcome-overdue_pings").getAttribute("data-status"), { timeout: 60_000 }).toBeTruthy();
    await shot("time-travel-outcome");
    await tap(phone.getByTestId("jobs-close"));
    await expect.poll(() => phone.getByTestId("travel-banner").isVisible(), { timeout: 20_000 }).toBe(true);
    await reachable(phone.getByTestId("travel-return"));
    await shot("time-travel-banner");
    await tap(phone.getByTestId("travel-return"));
    await expect.poll(() => phone.getByTestId("travel-banner").isVisible(), { timeout: 30_000 }).toBe(false);
    await shot("time-travel-back");
  }, 120_000);

  it("reaches a post's thread and its charts", async () => {
    await tap(phone.getByTestId("jobs-toggle"));
    await phone.getByTestId("travel-weekly_summary").fill("2026-11-23T08:31");
    await tap(phone.getByTestId("travel-run-weekly_summary"));
    await expect.poll(() => phone.getByTestId("outcome-weekly_summary").getAttribute("data-status"), { timeout: 90_000 }).toBe("posted");
    await tap(phone.getByTestId("jobs-close"));
    await tap(phone.getByTestId("menu-toggle"));
    await tap(phone.getByTestId("channel-C0SUMMARY"));
    const summary = phone.locator('[data-testid^="message-"]', { hasText: "招商引资工作周调度" }).first();
    await summary.waitFor({ timeout: 20_000 });
    await shot("weekly-summary");
    await tap(summary.getByTestId("thread-link"));
    await expect.poll(() => phone.getByTestId("thread-panel").locator("img").count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    await reachable(phone.getByTestId("thread-close"));
    await shot("thread");
    await tap(phone.getByTestId("thread-close"));
  }, 150_000);
});
