#!/usr/bin/env node
// `dispatch`: the compiled CLI when it is up to date, else the TypeScript
// sources through tsx (see entry.js): `npm install` then `npx dispatch ...`.
import { runEntry } from "./entry.js";

await runEntry("cli/main");
