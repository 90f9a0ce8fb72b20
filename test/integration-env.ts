// Runs in each integration test file before its imports use the database.
import { afterAll, inject } from "vitest";
import { disconnectPrisma } from "../lib/db/client";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.PUBLIC_BASE_URL ??= "http://localhost:3000";
// The key patient links in messages derive from.
process.env.AUTH_SECRET ??= "integration-tests-secret-0123456789abcdef";

afterAll(async () => {
  await disconnectPrisma();
});
