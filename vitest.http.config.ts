import { defineConfig } from "vitest/config";
import base from "./vitest.config.ts";

// The HTTP front's own test, for `npm run test:mutation:http` (stryker.http.config.mjs).
export default defineConfig({ test: { ...base.test, include: ["test/slack/http-front.test.ts"] } });
