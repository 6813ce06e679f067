// Ctrl-C on `npm start` with the embedded PostgreSQL: the terminal sends SIGINT to the whole foreground process
// group, so the portal must stop in order (HTTP server, job runner, database pools, then PostgreSQL) with no
// error logged on the way, as the README promises.
import { afterEach, expect, it } from "vitest";
import { startApp, type AppProcess } from "./harness.ts";

let app: AppProcess | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

it("stops cleanly on Ctrl-C, logging no error, when it runs its own PostgreSQL", async () => {
  app = await startApp({ runJobs: true, logLevel: "info" });
  // what the terminal does on Ctrl-C: SIGINT to every process of the group (the portal; its PostgreSQL runs in a group of its own)
  process.kill(-app.pid, "SIGINT");
  const code = await app.exitCode;
  const output = app.output();

  const errorLines = output
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as { level: number; msg?: string })
    .filter((entry) => entry.level >= 40);
  expect(errorLines, output).toEqual([]);
  expect(output).toContain("stopped cleanly");
  expect(code).toBe(0);
});
