// Which postmaster a data folder's postmaster.pid names: only a process running on that very folder (its -D
// argument), never one on a folder whose path merely starts with it. The start-up stops the one it names, so a
// match by prefix would stop another portal's PostgreSQL (/x/postgres2 for /x/postgres).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { runningPostmaster } from "~/server/embedded-postgres.ts";

const stubs: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const stub of stubs.splice(0)) stub.kill("SIGKILL");
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

// a process whose command line ends as a postmaster's does: `... <args>`
async function processWith(args: string[]) {
  const stub = spawn(
    process.execPath,
    ["-e", "console.log('ready'); setInterval(() => {}, 1000)", "--", ...args],
    {
      stdio: ["ignore", "pipe", "ignore"],
    },
  );
  stubs.push(stub);
  await new Promise((resolve) => stub.stdout.once("data", resolve));
  return stub.pid!;
}

it.each([
  {
    runsOn: "the folder itself, -D and the path apart",
    args: (dir: string) => ["-D", dir, "-p", "5432"],
    names: true,
  },
  { runsOn: "the folder itself, -D and the path together", args: (dir: string) => [`-D${dir}`], names: true },
  {
    runsOn: "the folder by a path with a trailing slash",
    args: (dir: string) => ["-D", `${dir}/`],
    names: true,
  },
  {
    runsOn: "a folder whose name starts with the folder's",
    args: (dir: string) => ["-D", `${dir}2`],
    names: false,
  },
  {
    runsOn: "a folder inside the folder",
    args: (dir: string) => ["-D", path.join(dir, "base")],
    names: false,
  },
  {
    runsOn: "no folder, the path elsewhere on its command line",
    args: (dir: string) => ["-p", dir],
    names: false,
  },
])("a pid file naming a process on $runsOn names a running postmaster: $names", async ({ args, names }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "svm-s48-postmaster-"));
  dirs.push(dir);
  const dataDir = path.join(dir, "postgres");
  fs.mkdirSync(dataDir);
  const pid = await processWith(args(dataDir));
  fs.writeFileSync(path.join(dataDir, "postmaster.pid"), `${pid}\n${dataDir}\n`);

  expect(runningPostmaster(dataDir)).toBe(names ? pid : undefined);
});

it("names none when the pid file's process is gone", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "svm-s48-postmaster-"));
  dirs.push(dir);
  const pid = await processWith(["-D", dir]);
  fs.writeFileSync(path.join(dir, "postmaster.pid"), `${pid}\n${dir}\n`);
  expect(runningPostmaster(dir)).toBe(pid);

  const stub = stubs.pop()!;
  await new Promise((resolve) => {
    stub.once("exit", resolve);
    stub.kill("SIGKILL");
  });
  expect(runningPostmaster(dir)).toBeUndefined();
});
