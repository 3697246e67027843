import path from "node:path";
import { defineConfig } from "prisma/config";
import { databaseTarget, driverAdapter } from "./src/store/database-target.ts";

// JS engines only: nothing is downloaded (see README, "Prisma without binaries").
const target = databaseTarget();
// The schema's `url = env("DATABASE_URL")` must resolve for the schema to parse.
process.env.DATABASE_URL = target.url;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(target.schemaDir, "schema.prisma"),
  migrations: { path: path.join(target.schemaDir, "migrations") },
  async adapter() {
    return driverAdapter(target, { allowExitOnIdle: true });
  },
});
