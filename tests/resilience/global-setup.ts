// Builds the portal once for the resilience tests, into its own folder under .e2e/ (never `build/`),
// and hands that folder to every test file.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    resilienceBuildDir: string;
  }
}

export default function setup(project: TestProject) {
  const runDir = path.resolve(`.e2e/resilience-${crypto.randomUUID().slice(0, 8)}`);
  const buildDir = path.join(runDir, "build");
  // esbuild occasionally crashes when the machine is busy: try again before giving up
  let failure = "";
  for (let attempt = 0; attempt < 3; attempt++) {
    const result = spawnSync("npx", ["remix", "build"], {
      env: { ...process.env, NODE_ENV: "production", SVM_BUILD_DIR: buildDir },
      encoding: "utf8",
    });
    if (result.status === 0) {
      failure = "";
      break;
    }
    failure = `${result.stdout}\n${result.stderr}`.slice(-5000);
  }
  if (failure) {
    fs.rmSync(runDir, { recursive: true, force: true });
    throw new Error(`remix build failed:\n${failure}`);
  }
  // start.ts rebuilds when any source is newer than the build; in a tree that is being edited that would
  // rebuild on every start. This build is the one under test, so mark it as newer than any source.
  const future = new Date(Date.now() + 24 * 60 * 60 * 1000);
  fs.utimesSync(path.join(buildDir, "index.js"), future, future);
  project.provide("resilienceBuildDir", buildDir);
  return () => fs.rmSync(runDir, { recursive: true, force: true });
}
