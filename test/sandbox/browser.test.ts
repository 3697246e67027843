import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { WebClient } from "@slack/web-api";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/log.ts";
import { startSandbox, type Sandbox } from "../../src/sandbox/start-sandbox.ts";
import { describeInBrowser, launchChromium } from "../helpers/browser.ts";
import { createTestStore, type TestStore } from "../helpers/test-store.ts";

// The sandbox as a person uses it, in real headless Chromium: type /project
// commands, fill and submit a form, react to a ping, run the weekly job by
// time travel, look at the card, a modal and App Home. Screenshots go to
// test-output/screenshots at desktop and phone widths.

const SHOTS = resolve(import.meta.dirname, "../../test-output/screenshots");
const USER = "U0DEMO01";
const CH = "C0DEMO01";
let sandbox: Sandbox;
let store: TestStore;
let browser: Browser;
let page: Page;
/** The project created through the form, updated by the tests after it. */
let created = 0;

async function send(text: string) {
  const composer = page.getByTestId("composer");
  await composer.fill(text);
  await composer.press("Enter");
}

const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });

describeInBrowser("the sandbox in a browser", () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    store = await createTestStore();
    await store.close();
    sandbox = await startSandbox({ port: 0, databaseUrl: store.url, logger: createLogger("silent"), now: new Date("2026-11-23T01:00:00Z") });
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

  it("creates a project through the form opened by /project 新建", async () => {
    await send("/project 新建");
    const modal = page.getByTestId("modal");
    await modal.waitFor();
    await page.getByTestId("input-name").fill("沙盒锂电池项目");
    await page.getByTestId("input-investor").fill("某某新能源科技有限公司");
    await page.getByTestId("input-origin").selectOption("OUTSIDE_CITY");
    await page.getByTestId("input-sector").selectOption("INDUSTRY");
    await page.getByTestId("input-agreed").fill("2.5亿");
    await page.getByTestId("modal-submit").click();
    await modal.waitFor({ state: "hidden" });
    // The form is saved after its ack, so the number is read from the confirmation, then checked in the store.
    await expect.poll(() => page.getByTestId("messages").innerText()).toMatch(/已新建项目 #\d+/);
    created = Number(/已新建项目 #(\d+)/.exec(await page.getByTestId("messages").innerText())![1]);
    expect((await sandbox.store.db.project.findUniqueOrThrow({ where: { id: created } })).name).toBe("沙盒锂电池项目");
  });

  it("updates the stage and records funds from the composer", async () => {
    await send(`/project 更新 #${created} 阶段=洽谈 进展="首次洽谈"`);
    await expect.poll(() => page.getByTestId("messages").innerText()).toMatch(/阶段：线索 → 洽谈/);
    await send(`/project 到位 #${created} +500万`);
    await expect.poll(() => page.getByTestId("messages").innerText()).toContain(`已登记 #${created} 沙盒锂电池项目 到位资金 +500万`);
  });

  it("shows a bad amount under its field and keeps the form open", async () => {
    await send(`/project 到位 #${created}`);
    await page.getByTestId("modal").waitFor();
    await page.getByTestId("input-amount").fill("2.5");
    await page.getByTestId("modal-submit").click();
    await expect.poll(() => page.getByTestId("error-amount").innerText()).toContain("2.5亿");
    await shot("modal-1280");
    await page.getByTestId("modal-close").click();
    await page.getByTestId("modal").waitFor({ state: "hidden" });
  });

  it("does not bring back a stale form: the newest one shows, and a reload closes them", async () => {
    const modalForm = async () => (await (await fetch(new URL(`/sandbox/api/modal?user=${USER}`, sandbox.url))).json()).view?.callback_id;
    try {
      // Two forms asked for without closing the first (e.g. from two tabs): the second is the one shown.
      const token = await page.evaluate(() => document.querySelector('meta[name="sandbox-token"]')!.getAttribute("content"));
      const post = (path: string, body: unknown) => fetch(new URL(path, sandbox.url), { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json", "x-sandbox-token": token! } });
      await post("/sandbox/api/command", { user: USER, channel: CH, text: `/project 到位 #${created}` });
      await expect.poll(modalForm, { timeout: 20_000 }).toBe("form_funds");
      await send(`/project 更新 #${created}`);
      await expect.poll(modalForm, { timeout: 20_000 }).toBe("form_update");
      await expect.poll(() => page.getByTestId("modal").innerText(), { timeout: 20_000 }).toContain("进展");
      await page.getByTestId("input-progress").fill("正在填写的内容");
      await page.waitForTimeout(1500); // a few refreshes of the modal
      expect(await page.getByTestId("input-progress").inputValue()).toBe("正在填写的内容");
    } finally {
      await page.reload();
    }
    await page.getByTestId(`channel-${CH}`).waitFor();
    await expect.poll(modalForm, { timeout: 20_000 }).toBeUndefined();
    expect(await page.getByTestId("modal").count()).toBe(0);
  });

  it("refuses an unknown /command as Slack does, instead of posting it", async () => {
    await send("/foo bar");
    await expect.poll(() => page.getByTestId("composer-error").innerText()).toContain("“/foo” 不是有效的命令");
    expect(await page.getByTestId("messages").innerText()).not.toContain("/foo bar");
  });

  it("keeps the jobs panel closed at first, and opens it on request", async () => {
    expect(await page.getByTestId("jobs-panel").isVisible()).toBe(false);
    await page.getByTestId("jobs-toggle").click();
    await page.getByTestId("jobs-panel").waitFor();
  });

  it("runs today's pings by time travel and acknowledges one with ✅", async () => {
    await page.getByTestId("travel-overdue_pings").fill("2026-11-23T09:01");
    await page.getByTestId("travel-run-overdue_pings").click();
    const ping = page.locator('[data-testid^="message-"]', { hasText: "逾期提醒" }).first();
    await ping.waitFor();
    await ping.hover();
    await ping.getByTestId("add-reaction").click();
    await page.getByTestId("add-reaction-white_check_mark").click();
    await expect.poll(() => ping.getByTestId("reaction-white_check_mark").innerText()).toContain("1");
    await expect.poll(async () => (await sandbox.store.db.overduePing.findFirst({ where: { channelId: CH } }))?.acknowledgedBy).toBe(USER);
  });

  it("runs the weekly job and shows the 调度 summary in the summary channel", async () => {
    await page.getByTestId("travel-weekly_summary").fill("2026-11-23T08:31");
    await page.getByTestId("travel-run-weekly_summary").click();
    await expect.poll(() => page.getByTestId("outcome-weekly_summary").getAttribute("data-status")).toBe("posted");
    await page.getByTestId("channel-C0SUMMARY").click();
    await expect.poll(() => page.getByTestId("messages").innerText()).toContain("招商引资工作周调度（2026年第47周");
    const summary = page.locator('[data-testid^="message-"]', { hasText: "招商引资工作周调度（2026年第47周" }).first();
    await summary.scrollIntoViewIfNeeded();
    await shot("weekly-summary-1280");
    await summary.getByTestId("thread-link").click();
    await expect.poll(() => page.getByTestId("thread-panel").locator("img").count()).toBeGreaterThanOrEqual(2);
    await shot("weekly-summary-thread-1280");
  });

  it("shows a project card and App Home", async () => {
    await page.getByTestId(`channel-${CH}`).click();
    await send("/project 查看 #1");
    const card = page.locator('[data-testid^="message-"]', { hasText: "集成电路封测基地项目" }).last();
    await card.waitFor();
    await card.scrollIntoViewIfNeeded();
    await shot("project-card-1280");
    await page.getByTestId("home").click();
    await expect.poll(() => page.getByTestId("home-pane").innerText()).toContain("我的项目");
    await shot("app-home-1280");
  });

  it("forgets private (仅你可见) answers on a reload, as Slack does", async () => {
    await page.getByTestId(`channel-${CH}`).click();
    await send("/project 帮助");
    await expect.poll(() => page.getByTestId("messages").innerText()).toContain("投资方=宁德时代");
    await page.reload();
    await page.getByTestId(`channel-${CH}`).waitFor();
    await expect.poll(() => page.getByTestId("messages").innerText()).toContain("逾期提醒");
    expect(await page.getByTestId("messages").innerText()).not.toContain("投资方=宁德时代");
  });

  it("shows a message Slack refused as an error, not silently", async () => {
    const buggy = new WebClient("xoxb-sandbox", { slackApiUrl: sandbox.standin.url, retryConfig: { retries: 0 } });
    await buggy.chat.postMessage({ channel: CH, text: "坏消息", blocks: [{ type: "header", text: { type: "mrkdwn", text: "标题不能用 mrkdwn" } }] as never }).catch(() => undefined);
    await page.getByTestId(`channel-${CH}`).click();
    await expect.poll(() => page.getByTestId("block-error").first().innerText()).toContain("invalid_blocks");
  });

  it("works at a phone's width", async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: "zh-CN", timezoneId: "Asia/Shanghai", isMobile: true, hasTouch: true });
    await phone.goto(`${sandbox.url}?user=${USER}#C0SUMMARY`);
    await expect.poll(() => phone.getByTestId("messages").innerText()).toContain("招商引资工作周调度（2026年第47周");
    await phone.screenshot({ path: join(SHOTS, "weekly-summary-390.png") });
    await phone.goto(`${sandbox.url}?user=${USER}#home`);
    await expect.poll(() => phone.getByTestId("home-pane").innerText()).toContain("我的项目");
    await phone.screenshot({ path: join(SHOTS, "app-home-390.png") });
    await phone.close();
  });

  it("saves the 新建 form on a phone: the whole form scrolls, 保存 is reachable", async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: "zh-CN", timezoneId: "Asia/Shanghai", isMobile: true, hasTouch: true });
    await phone.goto(`${sandbox.url}?user=${USER}#${CH}`);
    await phone.getByTestId("composer").waitFor();
    await phone.getByTestId("composer").fill("/project 新建");
    await phone.getByTestId("composer-send").tap();
    const modal = phone.getByTestId("modal");
    await modal.waitFor();
    await phone.getByTestId("input-name").fill("手机新建项目");
    await phone.getByTestId("input-investor").fill("某某手机科技有限公司");
    await phone.getByTestId("input-origin").selectOption("OUTSIDE_CITY");
    await phone.getByTestId("input-sector").selectOption("INDUSTRY");
    await phone.screenshot({ path: join(SHOTS, "new-project-form-390.png") });
    const submit = phone.getByTestId("modal-submit");
    await submit.scrollIntoViewIfNeeded();
    const box = (await submit.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(844);
    expect(box.y).toBeGreaterThanOrEqual(0);
    await submit.tap();
    await modal.waitFor({ state: "hidden" });
    await expect.poll(() => phone.getByTestId("messages").innerText()).toContain("已新建项目");
    await phone.close();
  });

  it("on a phone the 调度面板 button stays readable after a tap", async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: "zh-CN", timezoneId: "Asia/Shanghai", isMobile: true, hasTouch: true });
    await phone.goto(`${sandbox.url}?user=${USER}#${CH}`);
    const toggle = phone.getByTestId("jobs-toggle");
    await toggle.tap();
    await phone.getByTestId("jobs-close").tap();
    const colors = await toggle.evaluate((el) => {
      const cs = getComputedStyle(el);
      return { color: cs.color, background: cs.backgroundColor };
    });
    // White text needs a dark or transparent background, never a light one.
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const [r, g, b, a = 1] = rgb(colors.background);
    const lightBackground = a > 0.5 && (r + g + b) / 3 > 180;
    const [cr, cg, cb] = rgb(colors.color);
    const whiteText = (cr + cg + cb) / 3 > 200;
    expect({ ...colors, unreadable: whiteText && lightBackground }).toMatchObject({ unreadable: false });
    await phone.close();
  });

  it("after a restart on the same store, scheduled posts are due again and shown (workspace and store reset together)", async () => {
    await sandbox.close();
    sandbox = await startSandbox({ port: 0, databaseUrl: store.url, logger: createLogger("silent"), now: new Date("2026-11-23T01:00:00Z") });
    await page.goto(`${sandbox.url}?user=${USER}#C0SUMMARY`);
    await page.getByTestId("jobs-toggle").click();
    await page.getByTestId("travel-weekly_summary").fill("2026-11-23T08:31");
    await page.getByTestId("travel-run-weekly_summary").click();
    await expect.poll(() => page.getByTestId("outcome-weekly_summary").getAttribute("data-status"), { timeout: 60_000 }).toBe("posted");
    await expect.poll(() => page.getByTestId("messages").innerText()).toContain("招商引资工作周调度（2026年第47周");
    expect(await page.getByTestId("jobs-panel").innerText()).toContain("沙盒重启后");
  }, 90_000);
});
