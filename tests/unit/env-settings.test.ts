// Number settings: left empty (as some hosts write unset values) they take their defaults, not 0, which would
// have turned the page cache off or refused to start; out of range they stop the start with the setting named.
import { afterEach, describe, expect, it } from "vitest";
import { getEnv, resetEnvCache } from "~/env.server.ts";

const NAMES = ["PORT", "DATABASE_POOL_SIZE", "WEB_CONCURRENCY", "PAGE_CACHE_SECONDS"] as const;
const saved = Object.fromEntries(NAMES.map((name) => [name, process.env[name]]));

afterEach(() => {
  for (const name of NAMES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  resetEnvCache();
});

function withSettings(values: Partial<Record<(typeof NAMES)[number], string>>) {
  Object.assign(process.env, values);
  resetEnvCache();
  return getEnv();
}

describe("number settings", () => {
  it("take their defaults when left empty", () => {
    expect(
      withSettings({ PORT: "", DATABASE_POOL_SIZE: "", WEB_CONCURRENCY: "", PAGE_CACHE_SECONDS: "" }),
    ).toMatchObject({
      PORT: 3000,
      DATABASE_POOL_SIZE: 10,
      WEB_CONCURRENCY: 1,
      PAGE_CACHE_SECONDS: 5,
    });
  });

  it("read what is given, fractions only where they make sense", () => {
    expect(withSettings({ WEB_CONCURRENCY: "2", PAGE_CACHE_SECONDS: "0.5" })).toMatchObject({
      WEB_CONCURRENCY: 2,
      PAGE_CACHE_SECONDS: 0.5,
    });
    expect(() => withSettings({ WEB_CONCURRENCY: "1.5" })).toThrow(/WEB_CONCURRENCY/);
    expect(() => withSettings({ PORT: "70000" })).toThrow(/PORT/);
  });
});
