// Writes one schema.prisma per provider from prisma/models.prisma (the single
// source of truth), since Prisma cannot pick its provider from the environment.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";

const models = readFileSync(new URL("../prisma/models.prisma", import.meta.url), "utf8");
for (const provider of ["sqlite", "postgresql"]) {
  const dir = provider === "sqlite" ? "sqlite" : "postgres";
  const header = `// GENERATED from prisma/models.prisma by scripts/write-schemas.mjs: edit that file instead.
generator client {
  provider   = "prisma-client"
  engineType = "client"
  output     = "../../src/store/generated/${dir}"
}

datasource db {
  provider = "${provider}"
  url      = env("DATABASE_URL")
}
`;
  mkdirSync(new URL(`../prisma/${dir}/`, import.meta.url), { recursive: true });
  writeFileSync(new URL(`../prisma/${dir}/schema.prisma`, import.meta.url), header + "\n" + models);
}
