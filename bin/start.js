#!/usr/bin/env node
// `npm start`: the bot (src/main.ts), compiled when up to date, else from the
// TypeScript sources via tsx (see entry.js).
import { runEntry } from "./entry.js";

await runEntry("main");
