import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signSlackRequest, signedHeaders } from "../../src/slack-standin/signing.ts";

// Slack's published request-signing vector (see /work/shared/slack/README.md).
const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
const TIMESTAMP = 1531420618;
const BODY =
  "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
const SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

describe("signSlackRequest", () => {
  it("reproduces Slack's published test vector", () => {
    expect(signSlackRequest(SECRET, TIMESTAMP, BODY)).toBe(SIGNATURE);
  });

  it("changes when any input changes", () => {
    expect(signSlackRequest(SECRET, TIMESTAMP + 1, BODY)).not.toBe(SIGNATURE);
    expect(signSlackRequest(`${SECRET}x`, TIMESTAMP, BODY)).not.toBe(SIGNATURE);
    expect(signSlackRequest(SECRET, TIMESTAMP, `${BODY}&x=1`)).not.toBe(SIGNATURE);
  });

  it("signs UTF-8 bodies byte for byte", () => {
    const body = "text=%E6%8B%9B%E5%95%86&raw=招商调度";
    const expected = createHmac("sha256", "s").update(Buffer.from(`v0:1:${body}`, "utf8")).digest("hex");
    expect(signSlackRequest("s", 1, body)).toBe(`v0=${expected}`);
  });
});

describe("signedHeaders", () => {
  it("uses the current time in seconds and the vector's signature", () => {
    const h = signedHeaders(SECRET, BODY, TIMESTAMP * 1000 + 999);
    expect(h).toEqual({
      "x-slack-signature": SIGNATURE,
      "x-slack-request-timestamp": String(TIMESTAMP),
      "content-type": "application/x-www-form-urlencoded",
    });
  });

  it("marks JSON bodies (Events API) as application/json", () => {
    expect(signedHeaders(SECRET, '{"type":"event_callback"}', 0)["content-type"]).toBe("application/json");
  });

  it("defaults to Date.now()", () => {
    const before = Math.floor(Date.now() / 1000);
    const ts = Number(signedHeaders(SECRET, BODY)["x-slack-request-timestamp"]);
    expect(ts).toBeGreaterThanOrEqual(before);
    expect(ts).toBeLessThanOrEqual(before + 1);
  });
});
