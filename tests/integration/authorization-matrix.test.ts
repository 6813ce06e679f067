// Authorization matrix: every route × every role × GET and each action intent, against someone else's records.
import { describe, expect, it } from "vitest";
import { callAction, callLoader } from "../helpers/routes.ts";
import { pageSourcesOf } from "../helpers/form-fields.ts";
import { fillPath, importRoute, routeManifest } from "../helpers/route-manifest.ts";
import { snapshot } from "../helpers/hostile-values.ts";
import { ROUTE_PERMISSIONS } from "../authorization/permissions-table.ts";
import { createMatrixWorld, ROLES, type MatrixWorld, type Role } from "../authorization/world.ts";

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

// The intents a route's page (and the components it renders) can send: a button or hidden field named intent, or
// a form component given one (<ReasonForm intent="decline">). A value built from a record (`upload:${id}`) is its
// prefix and a star, as is the table's example of it ("upload:c1").
const intentPattern = (value: string) => value.replace(/:.*$/, ":*");
function intentsRenderedBy(file: string) {
  const intents = new Set<string>();
  for (const source of pageSourcesOf(file)) {
    // "accept" or {`upload:${line.commitmentId}`}
    const value = /(?:"([^"]+)"|\{\s*`([^`]+)`\s*\})/.source;
    for (const pattern of [
      new RegExp(`\\bname="intent"[^>]*?\\bvalue=${value}`, "g"),
      new RegExp(`\\bvalue=${value}[^>]*?\\bname="intent"`, "g"),
      new RegExp(`\\bintent=${value}`, "g"),
    ]) {
      for (const match of source.matchAll(pattern)) intents.add(intentPattern(match[1] ?? match[2]));
    }
  }
  return [...intents].sort();
}

describe("the action intents", () => {
  // an intent the table does not name is never sent, so nothing would show who may send it
  it("of every page with an action are all declared in the table", async () => {
    const undeclared: string[] = [];
    for (const route of manifest) {
      if (!(await importRoute(route)).action) continue;
      const declaredIntents = Object.keys(ROUTE_PERMISSIONS[route.id]?.actions ?? {}).map(intentPattern);
      for (const intent of intentsRenderedBy(route.file))
        if (!declaredIntents.includes(intent)) undeclared.push(`${route.id} ${intent}`);
    }
    expect(undeclared).toEqual([]);
  });

  it("are read from buttons, hidden fields and form components", () => {
    const file = (id: string) => manifest.find((r) => r.id === id)!.file;
    // withdrawing is asked on a page of its own (pledges.$id_.withdraw), which posts no intent
    expect(intentsRenderedBy(file("routes/pledges.$id"))).toEqual(
      expect.arrayContaining(["accept", "confirm", "decline", "dispute", "reportDelivery"]),
    );
    expect(intentsRenderedBy(file("routes/returns.$id._index"))).toEqual(
      expect.arrayContaining(["remove-evidence:*", "save", "submit", "upload:*"]),
    );
    expect(intentsRenderedBy(file("routes/requests.new"))).toEqual(["draft", "submit"]);
  });
});

// Getting past authorization is not all: a page the table lets a role open must not carry records that are none of
// its business (PRODUCT.md: nobody sees another organisation's private data; VCSEs never see contract data;
// officers of one council see only their council's contracts, returns and survey). These roles oversee nothing
// in council A; the records are the world's private ones, owned by the other VCSE, the other supplier or council A.
const OUTSIDERS: readonly Role[] = [
  "anonymous",
  "vcseOwner",
  "vcseMember",
  "supplierOwner",
  "supplierMember",
  "pendingOwner",
  "pendingSupplier",
  "officerB",
  "outsideOfficer",
];
const privateRecords = (w: MatrixWorld): Record<string, string> => ({
  "the other supplier's contract": w.contract.id,
  "its contract reference": w.contract.reference,
  "its commitment": w.commitment.id,
  "its quarterly return": w.kpiReturn.id,
  "its evidence file": w.evidence.id,
  "its survey response": w.surveyResponse.id,
  "its saved search": w.savedSearch.id,
  "its pledge": w.pledge.id,
  "the other VCSE's draft request": w.draftRequest.id,
  "its request awaiting moderation": w.submittedRequest.id,
  "its invitation": w.invitation.id,
  "the address it invited": "invitee@example.test",
  "council A's invitation": w.councilInvitation.id,
  "the address council A invited": "new-officer@example.test",
  "an email in the outbox": w.outboxEmail.id,
});

// Each test acts as every role in turn, on a fresh world after each allowed action: seconds each, so a busy
// machine (CI beside other jobs) gets far more than the suite's 30 s default.
describe.each(manifest.filter((r) => discover || r.id in ROUTE_PERMISSIONS))(
  "$id",
  { timeout: 180_000 },
  (route) => {
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
        if (outcomeOf(response) !== "allowed") continue;
        allowed.push(role);
        if (OUTSIDERS.includes(role) && !discover) {
          const body = await response.text();
          const seen = Object.entries(privateRecords(world)).filter(
            ([what, value]) => !rule.shows?.includes(what) && body.includes(value),
          );
          expect(
            seen.map(([what]) => what),
            `${role} opened ${route.id} and saw`,
          ).toEqual([]);
        }
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
        const before = await snapshot();
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
        } else {
          // refused, whether by authorization or (with a plausible form) by a rule of the domain: nothing was done
          expect(await snapshot(), `${role} was refused (${response.status}) but something changed`).toEqual(
            before,
          );
        }
      }
      check(`${route.id} POST ${intent}`, allowed, roles, statuses);
    });
  },
);
