#!/usr/bin/env node
// `dispatch` runs the TypeScript sources directly through tsx, so a fresh
// clone needs no build step: `npm install` then `npx dispatch ...`.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
