import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma 7 downloads a native schema engine for `migrate`; `generate` does not
// need it. Pointing the CLI at a stub keeps `prisma generate` working offline.
// Migrations are applied by our own runner (lib/db/migrate.ts).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(import.meta.dirname, "scripts", "no-schema-engine.sh");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: {
    // Prisma 7 does not read .env and throws on an unset variable; the URL is
    // only used by `prisma migrate`/`studio`, never by `generate`.
    url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/stride",
  },
});
