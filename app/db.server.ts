import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client.ts";

export { Prisma } from "~/generated/prisma/client.ts";

// One client per process, created on first use so tests can point DATABASE_URL first.
const globalForPrisma = globalThis as unknown as { __svmPrisma?: PrismaClient; __svmPrismaUrl?: string };

function createClient(url: string) {
  const adapter = new PrismaPg({
    connectionString: url,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    // without these, a connection lost in a network partition hangs forever and the pool never recovers
    connectionTimeoutMillis: 5_000,
    keepAlive: true,
    idleTimeoutMillis: 30_000,
    query_timeout: 60_000,
  });
  return new PrismaClient({ adapter });
}

export function getDb(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  if (!globalForPrisma.__svmPrisma || globalForPrisma.__svmPrismaUrl !== url) {
    globalForPrisma.__svmPrisma = createClient(url);
    globalForPrisma.__svmPrismaUrl = url;
  }
  return globalForPrisma.__svmPrisma;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getDb();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export async function disconnectDb() {
  await globalForPrisma.__svmPrisma?.$disconnect();
  globalForPrisma.__svmPrisma = undefined;
  globalForPrisma.__svmPrismaUrl = undefined;
}
