// Prints the closing "N passed, N failed" line from the Vitest and Playwright JSON reports.
import fs from "node:fs";

const exitStatus = Number(process.argv[2] ?? 1);
let passed = 0;
let failed = 0;
let found = 0;

function read(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

for (const file of ["tests/.results/vitest.json", "tests/.results/vitest-resilience.json"]) {
  const vitest = read(file);
  if (!vitest) continue;
  if (file.endsWith("vitest.json")) found++;
  passed += vitest.numPassedTests ?? 0;
  failed += (vitest.numFailedTests ?? 0) + (vitest.numRuntimeErrorTestSuites ?? 0);
}

const playwright = read("tests/.results/playwright.json");
if (playwright) {
  found++;
  passed += (playwright.stats?.expected ?? 0) + (playwright.stats?.flaky ?? 0);
  failed += playwright.stats?.unexpected ?? 0;
}

// Typecheck or lint failing (or a suite that never reported) is a failure too.
if (exitStatus !== 0 && failed === 0) failed = 1;
if (found < 2 && exitStatus === 0) failed += 1;

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || exitStatus !== 0 ? 1 : 0);
