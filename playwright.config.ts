import crypto from "node:crypto";
import { defineConfig, devices } from "@playwright/test";

// One id per run, inherited by the workers: its own build folder, data folder and ports, so parallel runs
// on one machine never share a server.
process.env.E2E_RUN_ID ??= crypto.randomUUID().slice(0, 8);
process.env.E2E_PORT ??= String(3100 + crypto.randomInt(0, 800));
process.env.FAKE_RESEND_PORT ??= String(Number(process.env.E2E_PORT) + 1000);
const runDir = `.e2e/${process.env.E2E_RUN_ID}`;
const baseURL = `http://localhost:${process.env.E2E_PORT}`;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // the longest journeys run axe a dozen times; on a busy 2-core machine that alone can pass a minute
  timeout: 120_000,
  expect: { timeout: 10_000 },
  outputDir: `${runDir}/test-results`,
  reporter: process.env.CI
    ? [["list"], ["json", { outputFile: "tests/.results/playwright.json" }]]
    : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: [
    {
      // node itself, not npx or the tsx command: a process in between may keep a stop signal from the server, and a
      // SIGKILL on teardown would reach it and not the server, leaving the server running (the command `npm start` runs)
      command: "node --import tsx tests/e2e/fake-resend-server.ts",
      url: `http://127.0.0.1:${process.env.FAKE_RESEND_PORT}/emails`,
      reuseExistingServer: false,
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
    {
      command: "node --import tsx app/server/start.ts",
      url: `${baseURL}/healthz`,
      timeout: 240_000,
      reuseExistingServer: false,
      // warnings and errors only (LOG_LEVEL below): an unhandled error behind a failing page shows in the run's log
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
      env: {
        NODE_ENV: "production",
        PORT: process.env.E2E_PORT,
        APP_URL: baseURL,
        SVM_BUILD_DIR: `${runDir}/build`,
        DATA_DIR: `${runDir}/data`,
        UPLOAD_DIR: `${runDir}/uploads`,
        RESEND_API_KEY: "re_test_fake",
        RESEND_BASE_URL: `http://127.0.0.1:${process.env.FAKE_RESEND_PORT}`,
        LOG_LEVEL: "warn",
        CHECKPOINT_DISABLE: "1",
      },
    },
  ],
});
