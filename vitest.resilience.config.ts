import tsconfigPaths from "vite-tsconfig-paths";
import { defineConfig } from "vitest/config";

// Outages, crashes and several instances: the built portal run as real processes against a throwaway
// PostgreSQL. One file at a time: each starts its own database server and portal processes.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["tests/resilience/**/*.test.ts"],
    globalSetup: ["tests/resilience/global-setup.ts"],
    pool: "forks",
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 240_000,
    hookTimeout: 240_000,
    env: { NODE_ENV: "test", LOG_LEVEL: "silent" },
    reporters: process.env.CI
      ? ["default", ["json", { outputFile: "tests/.results/vitest-resilience.json" }]]
      : ["default"],
  },
});
