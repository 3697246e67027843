import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { Ajv } from "ajv";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";

// manifest.yml must validate against Slack's published manifest schema, and
// declare exactly what the code uses: its command, its events, and a scope
// for every Web API method the bot calls.

const ROOT = resolve(import.meta.dirname, "../..");
const manifest = parse(readFileSync(join(ROOT, "manifest.yml"), "utf8"));
// Slack's published manifest schema (MIT, slackapi/manifest-schema), kept in the repo so the test runs anywhere.
const schema = JSON.parse(readFileSync(join(ROOT, "test/fixtures/slack/manifest.schema.1.0.0.json"), "utf8"));

function sources(dir: string): string {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => readFileSync(join(e.parentPath, e.name), "utf8"))
    .join("\n");
}
const code = sources(join(ROOT, "src/slack")) + sources(join(ROOT, "src/jobs"));

/** Scope each Web API method the bot may call needs. */
const SCOPE_OF: Record<string, string | null> = {
  "chat.postMessage": "chat:write",
  "chat.postEphemeral": "chat:write",
  "chat.update": "chat:write",
  "views.open": null,
  "views.publish": null,
  "views.update": null,
  "reactions.add": "reactions:write",
  "filesUploadV2": "files:write",
  "conversations.history": "channels:history",
  "users.info": "users:read",
};

/** Scopes the events the bot listens to need; reading history in private group channels needs groups:history too. */
const EVENT_SCOPES: Record<string, string[]> = { app_home_opened: [], reaction_added: ["reactions:read"] };
const EXTRA_SCOPES = ["groups:history"];

describe("manifest.yml", () => {
  it("validates against Slack's manifest schema", () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const valid = ajv.validate(schema, manifest);
    expect(ajv.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("declares the /project command, interactivity and the events the code listens to", () => {
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual(["/project"]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    const listened = [...code.matchAll(/app\.event\("([a-z_]+)"/g)].map((m) => m[1]).sort();
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(listened);
  });

  it("asks for exactly the scopes of the methods the bot calls", () => {
    const called = [...new Set([...code.matchAll(/client\.([a-zA-Z0-9]+(?:\.[A-Za-z0-9]+)?)\(/g)].map((m) => m[1]))];
    for (const m of called) expect(Object.keys(SCOPE_OF), `scope of ${m} unknown`).toContain(m);
    const events = manifest.settings.event_subscriptions.bot_events as string[];
    const needed = new Set([
      "commands",
      ...called.map((m) => SCOPE_OF[m]).filter((s): s is string => s !== null),
      ...events.flatMap((e) => EVENT_SCOPES[e] ?? []),
      ...EXTRA_SCOPES,
    ]);
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
  });
});
