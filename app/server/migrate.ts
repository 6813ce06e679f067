import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

// Applies committed migrations with the Prisma CLI (wasm schema engine, see prisma.config.ts). A CLI that a signal
// ended is run again, twice at most: a stop signal sent to the terminal's group can reach it in the moment between
// its fork and its leaving the group (the signal waits, blocked, and kills it as it starts, before it has done
// anything), which is how a Ctrl-C just as the migrations begin cut them off although they run out of the group.
// Running it again is safe either way: migrate deploy applies only what is still pending, and refuses, saying why,
// if a migration was cut off halfway.
export async function migrateDeploy(databaseUrl: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    const ended = await runMigrateDeploy(databaseUrl);
    if (ended.code === 0) return;
    if (ended.signal === null || attempt === 3)
      throw new Error(`prisma migrate deploy failed (${ended.code ?? ended.signal}):\n${ended.output}`);
  }
}

function runMigrateDeploy(
  databaseUrl: string,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(root, "node_modules/prisma/build/index.js"), "migrate", "deploy"],
      {
        cwd: root,
        env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: "1" },
        stdio: ["ignore", "pipe", "pipe"],
        // out of the terminal's process group: a Ctrl-C during `npm start` reaches only the portal, which lets
        // the migrations finish before it stops (start.ts); one cut off halfway is left marked as failed, and
        // the next start refuses to apply any more until it is resolved by hand
        detached: true,
      },
    );
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve({ code, signal, output }));
  });
}
