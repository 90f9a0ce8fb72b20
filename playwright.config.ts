import { defineConfig, devices } from "@playwright/test";

// E2E_SLOT gives a run its own ports and data folders, so that several runs
// (with their own NEXT_DIST_DIR builds) can share one checkout.
const slot = Number(process.env.E2E_SLOT ?? 0);
const appPort = 3100 + slot * 10;
const idlePort = appPort + 1;
const secondInstancePort = appPort + 2;
const firstRunPort = appPort + 3;
const pgPort = 55000 + slot * 10;

// The app must be built first: `npm run test:e2e` runs `next build`, then this.
export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  // One worker: several specs take "the first offered time", and two at once would race for it.
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? "line" : "list",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    // localhost, not 127.0.0.1: cookies are set for the name the app is served under.
    baseURL: `http://localhost:${appPort}`,
    trace: "on-first-retry",
    timezoneId: "Asia/Kathmandu",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: "/usr/bin/chromium",
          args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        },
      },
    },
  ],
  webServer: [
    {
      command: "npx tsx scripts/serve.ts",
      url: `http://localhost:${appPort}/api/services`,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
      env: {
        PORT: String(appPort),
        STRIDE_DATA_DIR: `.data/e2e-${slot}`,
        STRIDE_PG_PORT: String(pgPort),
        STRIDE_RESET_DB: "1",
        STRIDE_NO_BUILD: "1",
        // Online payment off: these clinics book at once; the payment specs start their own app with the local Stripe.
        STRIDE_FAKE_STRIPE: "0",
        // Drain within Playwright's 10 s shutdown grace, or PostgreSQL is left to the next run.
        SHUTDOWN_DRAIN_SECONDS: "5",
        RATE_LIMIT_BOOKINGS_MAX: "1000",
      },
    },
    {
      // A second clinic whose staff sessions end after 8 idle seconds, so the
      // idle sign-out is seen in seconds rather than 15 minutes.
      command: "npx tsx scripts/serve.ts",
      url: `http://localhost:${idlePort}/api/services`,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
      env: {
        PORT: String(idlePort),
        STRIDE_DATA_DIR: `.data/e2e-idle-${slot}`,
        STRIDE_PG_PORT: String(pgPort + 1),
        STRIDE_RESET_DB: "1",
        STRIDE_NO_BUILD: "1",
        // Online payment off: these clinics book at once; the payment specs start their own app with the local Stripe.
        STRIDE_FAKE_STRIPE: "0",
        SHUTDOWN_DRAIN_SECONDS: "5",
        STAFF_IDLE_SECONDS: "8",
        // Served as if behind one https proxy, so HSTS can be seen to follow X-Forwarded-Proto.
        TRUST_PROXY_HOPS: "1",
      },
    },
    {
      // A second instance of the first clinic: same data folder, so it shares
      // that run's PostgreSQL (and session secret) rather than starting its own.
      // Web servers start in order, so the first has reset and migrated by now.
      command: "npx tsx scripts/serve.ts",
      url: `http://localhost:${secondInstancePort}/api/ready`,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
      env: {
        PORT: String(secondInstancePort),
        STRIDE_DATA_DIR: `.data/e2e-${slot}`,
        STRIDE_PG_PORT: String(pgPort),
        STRIDE_NO_BUILD: "1",
        // Online payment off: these clinics book at once; the payment specs start their own app with the local Stripe.
        STRIDE_FAKE_STRIPE: "0",
        SHUTDOWN_DRAIN_SECONDS: "5",
        RATE_LIMIT_BOOKINGS_MAX: "1000",
      },
    },
    {
      // A new installation: no demo data and no administrator, as on a
      // practice's own database (e2e/first-run.spec.ts).
      command: "npx tsx scripts/serve.ts",
      url: `http://localhost:${firstRunPort}/api/services`,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
      env: {
        PORT: String(firstRunPort),
        STRIDE_DATA_DIR: `.data/e2e-first-run-${slot}`,
        STRIDE_PG_PORT: String(pgPort + 2),
        STRIDE_RESET_DB: "1",
        STRIDE_NO_BUILD: "1",
        // Online payment off: these clinics book at once; the payment specs start their own app with the local Stripe.
        STRIDE_FAKE_STRIPE: "0",
        STRIDE_SEED: "none",
        SHUTDOWN_DRAIN_SECONDS: "5",
      },
    },
  ],
});
