import { defineConfig, devices } from "@playwright/test";

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
    baseURL: "http://localhost:3100",
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
      url: "http://localhost:3100/api/services",
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
      env: {
        PORT: "3100",
        STRIDE_DATA_DIR: ".data/e2e",
        STRIDE_PG_PORT: "54331",
        STRIDE_RESET_DB: "1",
        RATE_LIMIT_BOOKINGS_MAX: "1000",
      },
    },
    {
      // A second clinic whose staff sessions end after 8 idle seconds, so the
      // idle sign-out is seen in seconds rather than 15 minutes.
      command: "npx tsx scripts/serve.ts",
      url: "http://localhost:3101/api/services",
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
      env: {
        PORT: "3101",
        STRIDE_DATA_DIR: ".data/e2e-idle",
        STRIDE_PG_PORT: "54334",
        STRIDE_RESET_DB: "1",
        STAFF_IDLE_SECONDS: "8",
      },
    },
  ],
});
