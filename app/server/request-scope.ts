// A memo that lives for one page request, shared by every loader of that request. Remix hands each loader its
// own Request object, so without this the root and the page loader would each look up the session.
// The Express server and the Remix build are separate bundles: the store is kept on globalThis so both see it.
import { AsyncLocalStorage } from "node:async_hooks";

type Scope = Map<string, unknown>;

const KEY = Symbol.for("social-value-marketplace.request-scope");
const slot = globalThis as unknown as Record<symbol, AsyncLocalStorage<Scope> | undefined>;
const storage = (slot[KEY] ??= new AsyncLocalStorage<Scope>());

/** Runs `next` inside a fresh scope (the server does this for each GET and HEAD request). */
export function runInRequestScope<T>(next: () => T): T {
  return storage.run(new Map(), next);
}

/** The value computed once per scope for `key`; outside a scope (tests, jobs, form posts) computed every time. */
export function requestMemo<T>(key: string, compute: () => T): T {
  const scope = storage.getStore();
  if (!scope) return compute();
  if (!scope.has(key)) scope.set(key, compute());
  return scope.get(key) as T;
}
