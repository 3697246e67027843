import { readFileSync } from "node:fs";
import { parse } from "yaml";

// The bot scopes manifest.yml asks for: what `dispatch doctor` expects the
// token to hold, and what the Slack stand-in grants by default.

const MANIFEST = new URL("../../manifest.yml", import.meta.url);

export function manifestBotScopes(path: URL | string = MANIFEST): string[] {
  const manifest = parse(readFileSync(path, "utf8")) as { oauth_config?: { scopes?: { bot?: string[] } } };
  return manifest.oauth_config?.scopes?.bot ?? [];
}
