import crypto from "node:crypto";
import { z } from "zod";

// Every setting the portal reads, checked once at start. README "Configuration" lists the same.
// A number setting; left empty (`PORT=`, as some hosts write unset values) it means its default, not 0.
function numberSetting({
  min,
  max,
  fallback,
  whole = true,
}: {
  min: number;
  max: number;
  fallback: number;
  whole?: boolean;
}) {
  const number = whole ? z.coerce.number().int() : z.coerce.number();
  return z.preprocess((v) => (v === "" ? undefined : v), number.min(min).max(max).default(fallback));
}

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: numberSetting({ min: 1, max: 65535, fallback: 3000 }),
  HOST: z.string().default("0.0.0.0"),
  // the address users reach the portal at: links in emails and the Origin check use it
  APP_URL: z.string().url().optional(),
  DATABASE_URL: z.string().startsWith("postgres").optional(),
  DATABASE_POOL_SIZE: numberSetting({ min: 1, max: 100, fallback: 10 }),
  DATABASE_PREPARED_STATEMENTS: z.enum(["true", "false"]).default("true"),
  DATA_DIR: z.string().default(".data"),
  UPLOAD_DIR: z.string().optional(),
  // signs the one-off flash-message cookie; defaults to a value derived from DATABASE_URL, which every
  // instance of one installation shares
  COOKIE_SECRET: z.string().min(16).optional(),
  SESSION_COOKIE_SECURE: z.enum(["true", "false"]).optional(),
  RESEND_API_KEY: z.string().optional(),
  RESEND_BASE_URL: z.string().url().optional(),
  EMAIL_FROM: z.string().default("Social Value Marketplace <no-reply@socialvalue.localhost>"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SEED_DEMO_DATA: z.enum(["true", "false"]).default("true"),
  RUN_JOBS: z.enum(["true", "false"]).default("true"),
  // worker processes serving requests on this machine (Node uses one core each); PostgreSQL and the jobs are shared
  WEB_CONCURRENCY: numberSetting({ min: 1, max: 64, fallback: 1 }),
  TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  // seconds a public page rendered for anonymous visitors is served again from memory; 0 turns it off
  PAGE_CACHE_SECONDS: numberSetting({ min: 0, max: 300, fallback: 5, whole: false }),
  SVM_BUILD_DIR: z.string().optional(),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`Invalid environment: ${problems}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/**
 * The secret a cookie of ours is signed with: COOKIE_SECRET, or else one derived from DATABASE_URL, which every
 * instance of one installation shares. `purpose` keeps each cookie's secret its own.
 */
export function cookieSecret(purpose: string) {
  return (
    getEnv().COOKIE_SECRET ??
    crypto
      .createHash("sha256")
      .update(`${purpose}:${process.env.DATABASE_URL ?? ""}`)
      .digest("hex")
  );
}

// Tests change the environment between files.
export function resetEnvCache() {
  cached = undefined;
}

export function appUrl(): string {
  const env = getEnv();
  return (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
}

export function isProduction() {
  return getEnv().NODE_ENV === "production";
}
