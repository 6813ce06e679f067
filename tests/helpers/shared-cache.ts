// Tests run with the dashboard cache turned off (app/domain/reporting/dashboard-cache.server.ts), so each
// figure is worked out afresh. A test about the cache itself imports its routes through this: a fresh copy of
// the modules, loaded as in production, where figures are shared for a minute.
import { vi } from "vitest";

export async function importWithSharedCache<T>(load: () => Promise<T>): Promise<T> {
  vi.stubEnv("NODE_ENV", "production");
  vi.resetModules();
  try {
    return await load();
  } finally {
    vi.unstubAllEnvs();
  }
}

// The public impact page and its two downloads, sharing one copy of the figures.
export const importImpactRoutes = () =>
  importWithSharedCache(async () => ({
    pageLoader: (await import("~/routes/impact._index.tsx")).loader,
    jsonLoader: (await import("~/routes/impact.data[.]json.ts")).loader,
    csvLoader: (await import("~/routes/impact.data[.]csv.ts")).loader,
  }));
export type ImpactRoutes = Awaited<ReturnType<typeof importImpactRoutes>>;
