#!/usr/bin/env node
// `npm start`: the bot (src/main.ts), run from the TypeScript sources via tsx.
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
