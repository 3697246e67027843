import { defineConfig } from "vitest/config";
import base from "./vitest.config.ts";

/**
 * The base config's setup, timeouts and exclusions with only `include`: the
 * test files that cover one mutation area (stryker.area.mjs).
 */
export function areaConfig(include: string[]) {
  return defineConfig({ test: { ...base.test, include } });
}
