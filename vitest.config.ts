import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  "server-only": path.resolve(import.meta.dirname, "test/server-only.ts"),
};

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: ["lib/**/*.db.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["lib/**/*.db.test.ts", "app/**/*.db.test.ts"],
          environment: "node",
          globalSetup: ["test/integration-setup.ts"],
          setupFiles: ["test/integration-env.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Test files share one database; each owns its rows, but the
          // concurrency tests are kinder to 2 cores when files run in turn.
          fileParallelism: false,
        },
      },
    ],
  },
});
