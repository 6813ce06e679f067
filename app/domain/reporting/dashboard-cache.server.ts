// Dashboard figures are aggregates over every request and pledge of a council: worth computing once a
// minute per instance, not once per page view. Concurrent viewers share one computation, and a stale
// value (up to two lifetimes old) is served while a fresh one is computed, so under steady use no viewer waits
// for the aggregate after the first.
type Entry = { value?: unknown; computedAt: number; pending?: Promise<unknown> };

const entries = new Map<string, Entry>();
const MAX_ENTRIES = 500;

const STALE_LIMIT = 2;

export const DASHBOARD_CACHE_MS = process.env.NODE_ENV === "test" ? 0 : 60_000;

export function cached<T>(key: string, compute: () => Promise<T>, ttlMs = DASHBOARD_CACHE_MS): Promise<T> {
  if (ttlMs <= 0) return compute();
  const now = Date.now();
  const entry = entries.get(key);
  const refresh = () => {
    const pending = compute().then(
      (value) => {
        entries.set(key, { value, computedAt: Date.now() });
        return value;
      },
      (error) => {
        const current = entries.get(key);
        if (current?.pending === pending) entries.set(key, { ...current, pending: undefined });
        throw error;
      },
    );
    if (entries.size >= MAX_ENTRIES && !entries.has(key)) entries.delete(entries.keys().next().value!);
    entries.set(key, { ...(entry ?? { computedAt: 0 }), pending });
    return pending;
  };
  if (!entry || (!("value" in entry) && !entry.pending)) return refresh();
  if (!("value" in entry)) return entry.pending as Promise<T>;
  // Stale figures are served while fresh ones are worked out, but never two lifetimes old: the copy is kept until
  // someone next asks, and on a quiet page that can be days (the morning's first viewer got last night's figures).
  // Under steady use the refresh started after one lifetime lands long before two.
  if (now - entry.computedAt >= STALE_LIMIT * ttlMs) return (entry.pending ?? refresh()) as Promise<T>;
  if (now - entry.computedAt >= ttlMs && !entry.pending) refresh().catch(() => undefined);
  return Promise.resolve(entry.value as T);
}

export function clearDashboardCache() {
  entries.clear();
}
