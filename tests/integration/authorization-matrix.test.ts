// Authorization matrix: every route × every role × GET and each action intent, against someone else's records.
import { describe, expect, it } from "vitest";
import { callAction, callLoader } from "../helpers/routes.ts";
import { fillPath, importRoute, routeManifest } from "../helpers/route-manifest.ts";
import { ROUTE_PERMISSIONS } from "../authorization/permissions-table.ts";
import { createMatrixWorld, ROLES, type Role } from "../authorization/world.ts";

type Outcome = "allowed" | "denied";

// With a plausible form (one that passes validation) only a done deed counts: a 400 or 409 is the app refusing a
// well-formed request, e.g. a decision made by someone who may not make it. Near-empty forms cannot tell.
function outcomeOf(response: Response, plausibleForm = false): Outcome {
  if ([401, 403, 404, 405].includes(response.status)) return "denied";
  if (plausibleForm && response.status >= 400 && response.status < 500) return "denied";
  const location = response.headers.get("location") ?? "";
  // requireViewer sends the anonymous to sign in and back; other redirects (e.g. after signing out) are answers
  if (response.status >= 300 && response.status < 400 && location.startsWith("/sign-in?redirectTo="))
    return "denied";
  if (response.status >= 500) throw new Error(`answered ${response.status}`);
  return "allowed";
}

const manifest = routeManifest();

// MATRIX_DISCOVER=1 prints what each role actually got instead of asserting: for reviewing a new route's entry.
const discover = process.env.MATRIX_DISCOVER === "1";
function check(
  label: string,
  actual: Role[],
  declared: readonly Role[] | undefined,
  statuses: Partial<Record<Role, number>>,
) {
  if (discover) {
    console.log(`MATRIX ${label} => ${JSON.stringify(actual)} ${JSON.stringify(statuses)}`);
    return;
  }
  expect(actual).toEqual([...(declared ?? [])].sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b)));
}

describe("the permissions table", () => {
  it("lists every route of the app, and only those", () => {
    const routeIds = manifest.map((r) => r.id);
    const missing = routeIds.filter((id) => !(id in ROUTE_PERMISSIONS));
    const stale = Object.keys(ROUTE_PERMISSIONS).filter((id) => !routeIds.includes(id));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  it("declares plausible forms only for declared intents", () => {
    const orphans = Object.entries(ROUTE_PERMISSIONS).flatMap(([id, rule]) =>
      Object.keys(rule.forms ?? {})
        .filter((intent) => !(intent in (rule.actions ?? {})))
        .map((intent) => `${id} ${intent}`),
    );
    expect(orphans).toEqual([]);
  });
});

describe.each(manifest.filter((r) => discover || r.id in ROUTE_PERMISSIONS))("$id", (route) => {
  const rule = ROUTE_PERMISSIONS[route.id] ?? {};

  it("GET: exactly the declared roles get through", async () => {
    const module = await importRoute(route);
    if (!module.loader) {
      expect(rule.get, "table declares GET for a route without a loader").toBeUndefined();
      return;
    }
    if (!discover) expect(rule.get, "the table must declare who may GET this route").toBeDefined();
    const world = await createMatrixWorld();
    const params = rule.params?.(world) ?? {};
    const allowed: Role[] = [];
    const statuses: Partial<Record<Role, number>> = {};
    for (const role of ROLES) {
      const response = await callLoader(module.loader, {
        path: fillPath(route.path, params),
        cookie: world.cookies[role],
        params,
      });
      statuses[role] = response.status;
      if (outcomeOf(response) === "allowed") allowed.push(role);
    }
    check(`${route.id} GET`, allowed, rule.get, statuses);
  });

  const declared: [string, readonly Role[] | undefined][] = Object.entries(rule.actions ?? {});
  const intents = declared.length ? declared : [["(none)", undefined] as [string, undefined]];
  it.each(intents)("POST intent %s: exactly the declared roles get through", async (intent, roles) => {
    const module = await importRoute(route);
    if (!module.action) {
      expect(rule.actions, "table declares actions for a route without an action").toBeUndefined();
      return;
    }
    if (!discover) expect(roles, "the table must declare each action intent of this route").toBeDefined();
    const plausibleForm = rule.forms?.[intent];
    const allowed: Role[] = [];
    const statuses: Partial<Record<Role, number>> = {};
    let world = await createMatrixWorld();
    for (const role of ROLES) {
      const params = rule.params?.(world) ?? {};
      const response = await callAction(module.action, {
        path: fillPath(route.path, params),
        cookie: world.cookies[role],
        params,
        form: { ...(intent ? { intent } : {}), ...plausibleForm?.(world) },
      });
      statuses[role] = response.status;
      if (outcomeOf(response, Boolean(plausibleForm)) === "allowed") {
        allowed.push(role);
        // an allowed action may have changed the records it acted on: the next role gets a fresh world
        world = await createMatrixWorld();
      }
    }
    check(`${route.id} POST ${intent}`, allowed, roles, statuses);
  });
});
