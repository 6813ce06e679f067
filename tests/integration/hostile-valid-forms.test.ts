// Hostile values in ONE field of a form that otherwise passes validation. Random forms (hostile-input.test.ts)
// are nearly always refused by validation before anything else runs; these reach the writes, the state changes
// and the pages that show what was stored. Each valid form of the permissions table is sent with one of its fields
// replaced, or with one more field its page renders: as the first role the table allows, or, where it allows none
// (the records are someone else's: pledges, a draft request, a return), as the records' owner; and so are the
// survey's question pages, which the table cannot reach (its supplier has not consented). Never a 500; a refusal
// writes nothing; an accepted value is shown, without a 500, on the page the answer redirects to and on the form's
// own page; and once the attacks are over, every page the actor (and council A's admin) may open still renders.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { ROUTE_PERMISSIONS } from "../authorization/permissions-table.ts";
import { createMatrixWorld, type MatrixWorld, type Role } from "../authorization/world.ts";
import { formFieldsOf } from "../helpers/form-fields.ts";
import { forgetAllAttempts } from "../helpers/rate-limits.ts";
import {
  BEFORE_ATTACK,
  cookieOf,
  EXTREME_BUT_VALID,
  hostileValue,
  KNOWN_BAD,
  refreshVersions,
  snapshot,
  type Actor,
} from "../helpers/hostile-values.ts";
import { renderPage } from "../helpers/render-page.ts";
import { fillPath, importRoute, routeManifest, type ManifestRoute } from "../helpers/route-manifest.ts";
import { callAction } from "../helpers/routes.ts";

type Form = Record<string, string | string[]>;
// a form sent before (or after) the attacks: the table's valid form for the intent unless given
type Step = { routeId: string; intent: string; actor: Actor; fields?: Form };
// a form sent before the attack, or a change made directly, to bring a record to the state the form needs
type Before = Step | ((world: MatrixWorld) => Promise<unknown>);
type Target = {
  route: ManifestRoute;
  intent: string;
  actor: Actor;
  form: (world: MatrixWorld) => Form;
  before?: Before[];
  // forms sent once the attacks are over, before every page is opened (a survey is sent, then closed)
  after?: Step[];
  // URL parameters besides the table's (which survey topic)
  page?: Record<string, string>;
  // pages, besides the form's own and the one the answer redirects to, that show what the form stored
  shownOn?: (world: MatrixWorld) => string[];
};

const manifest = routeManifest();
const routeById = (id: string) => manifest.find((r) => r.id === id)!;
const tableForm = (routeId: string, intent: string) => ROUTE_PERMISSIONS[routeId].forms![intent];

// The table's forms no role of it may send, with who owns the records and what must have happened first.
const PLEDGE_ACCEPTED: Step = { routeId: "routes/pledges.$id", intent: "accept", actor: "otherVcseOwner" };
const PLEDGE_DELIVERED: Step = {
  routeId: "routes/pledges.$id",
  intent: "reportDelivery",
  actor: "otherSupplierOwner",
};
const RETURN_QUERIED: Step = { routeId: "routes/returns.$id.review", intent: "query", actor: "officerA" };
// the table names the draft request, which is extended only once published
const DRAFT_OPEN = (world: MatrixWorld) =>
  db.request.update({ where: { id: world.draftRequest.id }, data: { status: "OPEN" } });
// only a fulfilled request can be chosen as a case study
const DRAFT_FULFILLED = (world: MatrixWorld) =>
  db.request.update({ where: { id: world.draftRequest.id }, data: { status: "FULFILLED" } });
const OWNED: Record<string, { actor: Actor; before?: Before[] }> = {
  "routes/pledges.$id accept": { actor: "otherVcseOwner" },
  "routes/pledges.$id decline": { actor: "otherVcseOwner" },
  "routes/pledges.$id withdraw": { actor: "otherSupplierOwner" },
  "routes/pledges.$id reportDelivery": { actor: "otherSupplierOwner", before: [PLEDGE_ACCEPTED] },
  "routes/pledges.$id confirm": { actor: "otherVcseOwner", before: [PLEDGE_ACCEPTED, PLEDGE_DELIVERED] },
  "routes/pledges.$id dispute": { actor: "otherVcseOwner", before: [PLEDGE_ACCEPTED, PLEDGE_DELIVERED] },
  // the pages that ask before a pledge is ended (session 57): withdrawn by its supplier, called off once accepted
  "routes/pledges.$id_.withdraw ": { actor: "otherSupplierOwner" },
  "routes/pledges.$id_.call-off ": { actor: "otherVcseOwner", before: [PLEDGE_ACCEPTED] },
  "routes/requests.$id.edit ": { actor: "otherVcseOwner" },
  "routes/requests.$id.edit draft": { actor: "otherVcseOwner" },
  "routes/requests.$id.edit submit": { actor: "otherVcseOwner" },
  "routes/requests.$id.manage submit": { actor: "otherVcseOwner" },
  "routes/requests.$id.manage extend": { actor: "otherVcseOwner", before: [DRAFT_OPEN] },
  "routes/requests.$id.manage showcase": { actor: "otherVcseOwner", before: [DRAFT_FULFILLED] },
  "routes/requests.$id.manage withdraw": { actor: "otherVcseOwner" },
  "routes/returns.$id._index save": { actor: "otherSupplierOwner", before: [RETURN_QUERIED] },
  "routes/returns.$id._index submit": { actor: "otherSupplierOwner", before: [RETURN_QUERIED] },
  "routes/saved-searches digest": { actor: "otherSupplierOwner" },
  "routes/saved-searches delete": { actor: "otherSupplierOwner" },
  // the world's survey invitation was sent to the other supplier
  "routes/survey.invitation.$token ": { actor: "otherSupplierOwner" },
};

const tableTargets: Target[] = manifest.flatMap((route) => {
  const rule = ROUTE_PERMISSIONS[route.id];
  return Object.entries(rule?.forms ?? {}).flatMap(([intent, form]) => {
    const actor = rule.actions?.[intent]?.[0] ?? OWNED[`${route.id} ${intent}`]?.actor;
    const before = OWNED[`${route.id} ${intent}`]?.before;
    return actor ? [{ route, intent, actor, form, before }] : [];
  });
});

// The survey pages with free text or answers checked against each other; the rest are single radio questions.
const SURVEY_FORMS: Record<string, Form> = {
  "business-size": { staffHeadcountBand: "10_49", turnoverBand: "UP_TO_2M", balanceSheetBand: "UP_TO_2M" },
  "ethnic-background": { ethnicBackground: "ASIAN_INDIAN" },
  barriers: { barriers: ["TOO_MUCH_PAPERWORK", "SHORT_TIMESCALES"], barriersOther: "Insurance levels" },
  "council-could-do": { councilCouldDo: "Publish the contracts coming up a year ahead." },
  "meet-the-buyer": {
    meetTheBuyerInterest: "YES",
    contactConsent: "YES",
    contactName: "Sam Patel",
    contactEmail: "sam@example.test",
  },
};
const surveyTargets: Target[] = Object.entries(SURVEY_FORMS).map(([topic, form]) => ({
  route: routeById("routes/survey.$cycleId.questions.$topic"),
  intent: "continue",
  actor: "supplierOwner",
  form: () => form,
  page: { topic },
  shownOn: (world) => [`/survey/${world.surveyCycle.id}/check-answers`],
  // sent and the survey closed, the answers reach the council's report and downloads
  after: [
    { routeId: "routes/survey.$cycleId.check-answers", intent: "", actor: "supplierOwner", fields: {} },
    { routeId: "routes/council.survey.$cycleId._index", intent: "close", actor: "councilAdmin" },
  ],
}));

const targets = [...tableTargets, ...surveyTargets].map((target) => ({
  ...target,
  name: [
    target.route.id,
    ...Object.entries(target.page ?? {}).map(([name, value]) => `${name}=${value}`),
    `intent '${target.intent}' as ${target.actor}`,
  ].join(" "),
}));

async function send(
  world: MatrixWorld,
  route: ManifestRoute,
  options: { intent: string; cookie?: string; fields: Form; page?: Record<string, string> },
) {
  const body = new FormData();
  if (options.intent) body.append("intent", options.intent);
  for (const [name, value] of Object.entries(options.fields))
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  const params = { ...ROUTE_PERMISSIONS[route.id].params?.(world), ...options.page };
  const { action } = await importRoute(route);
  // sent far faster than anyone would: each form starts with no attempts counted, so a rate limit (registering
  // organisations, 10 an hour) does not refuse the valid forms this file needs accepted
  await forgetAllAttempts();
  return callAction(action!, { path: fillPath(route.path, params), cookie: options.cookie, params, body });
}

// A world in which the target's form is accepted as it stands.
async function prepare(target: Target) {
  const world = await createMatrixWorld();
  await BEFORE_ATTACK[target.route.id]?.(world);
  for (const step of target.before ?? []) {
    if (typeof step === "function") {
      await step(world);
      continue;
    }
    await sendStep(world, step);
  }
  return { world, cookie: await cookieOf(world, target.actor) };
}

async function sendStep(world: MatrixWorld, step: Step) {
  const answer = await send(world, routeById(step.routeId), {
    intent: step.intent,
    cookie: await cookieOf(world, step.actor),
    fields: step.fields ?? tableForm(step.routeId, step.intent)(world),
  });
  expect(answer.status, `${step.routeId} ${step.intent} as ${step.actor}`).toBeLessThan(400);
}

// New worlds for a target, made a few at a time: in parallel each takes about a third of the time, and a form that
// can be sent once only (a decision) needs a new world after each accepted attack. None is made during an attack.
function worldsFor(target: Target) {
  let spare: Awaited<ReturnType<typeof prepare>>[] = [];
  let batch = 1;
  // `wanted`: how many more worlds may be asked for, this one included
  return async (wanted: number) => {
    if (!spare.length) {
      spare = await Promise.all(Array.from({ length: Math.min(batch, wanted) }, () => prepare(target)));
      batch = Math.min(batch * 2, 8);
    }
    return spare.shift()!;
  };
}

// Whether a refusal is for the attacked field's value: the reply's errors name it. A refusal for the whole form or
// another field may instead be for what an earlier accepted attack changed (a decision taken, a name in use).
async function refusedForField(response: Response, field: string) {
  const reply = (await response
    .clone()
    .json()
    .catch(() => null)) as { error?: Record<string, unknown> } | null;
  const base = (name: string) => name.replace(/[.[].*$/, "");
  return Object.keys(reply?.error ?? {}).some((name) => name && base(name) === base(field));
}

// The browser's cookies after an answer: a flash message set with a redirect is shown on the next page.
function cookiesAfter(cookie: string | undefined, response: Response) {
  const set = response.headers.getSetCookie().map((header) => header.split(";")[0]);
  return [cookie, ...set].filter(Boolean).join("; ");
}

// Every page the actor may open renders, in the world the attacks left: what they stored shows up in lists,
// dashboards, reports, exports and the audit log too, not only on the form's page. The records' owners, whom the
// table has no role for, open the pages of their kind of organisation and their own records' pages (which the table
// gives nobody); what a VCSE or a supplier stored is also opened by council A's admin, who oversees it.
async function expectEveryPageShows(world: MatrixWorld, actor: Actor, cookie: string | undefined) {
  const role: Role =
    actor === "otherVcseOwner" ? "vcseOwner" : actor === "otherSupplierOwner" ? "supplierOwner" : actor;
  const viewers: [Role, string | undefined, (get: readonly Role[]) => boolean][] = [
    [role, cookie, (get) => get.includes(role) || (role !== actor && get.length === 0)],
  ];
  if (!ROUTE_PERMISSIONS["routes/council.dashboard"].get!.includes(role))
    viewers.push(["councilAdmin", world.cookies.councilAdmin, (get) => get.includes("councilAdmin")]);
  for (const [viewer, viewerCookie, mayOpen] of viewers) {
    for (const route of manifest) {
      const rule = ROUTE_PERMISSIONS[route.id];
      if (!rule.get || !mayOpen(rule.get)) continue;
      const path = fillPath(route.path, rule.params?.(world) ?? {});
      const label = `GET ${path} as ${viewer === role ? actor : viewer}, after the attacks`;
      const page = await renderPage(path, viewerCookie);
      expect(page.status, label).toBeLessThan(500);
      // a download is streamed: what fails half way through fails here
      await expect(page.text(), label).resolves.toBeTypeOf("string");
    }
  }
}

// A few of the known-bad values for the n-th field, different for each field, so a form meets the whole list.
const knownBadFor = (n: number, count: number) =>
  Array.from({ length: count }, (_, k) => KNOWN_BAD[(n * count + k) % KNOWN_BAD.length]);

type Attack = { field: string; values: string[] };
const GENERATED_RUNS = 6;
// A form that can be sent once only (a decision) needs a new world for each of its accepted values to be stored
// and shown; this many, for the values tried first (the extreme ones), keeps the file to a couple of minutes.
const NEW_WORLDS_PER_TARGET = 6;

describe.each(targets.map((target) => [target.name, target] as const))("%s", (_name, target) => {
  it("answers one hostile field of a valid form without a 500 or a partial write, and shows what it took", async () => {
    const { route, intent, form, page, shownOn } = target;
    const module = await importRoute(route);
    const newWorld = worldsFor(target);
    let { world, cookie } = await newWorld(1);
    const submit = (fields: Form) => send(world, route, { intent, cookie, fields, page });

    // the form as it stands is accepted: else every attack below would be refused for something else
    const asItStands = await submit(form(world));
    expect(asItStands.status, await asItStands.clone().text()).toBeLessThan(400);
    await refreshVersions(world);
    // whether an accepted form has changed the world since it was made, and how many more worlds may be made
    let changed = true;
    let newWorlds = NEW_WORLDS_PER_TARGET;

    const paramsOf = (w: MatrixWorld) => ({ ...ROUTE_PERMISSIONS[route.id].params?.(w), ...page });
    const ownFields = Object.keys(form(world));
    const extraFields = formFieldsOf(route.file, paramsOf(world)).filter((f) => !ownFields.includes(f));
    const fields = [...ownFields, ...extraFields];
    const examples = [
      ...ownFields.flatMap((field, n) =>
        [...EXTREME_BUT_VALID, ...knownBadFor(n, 3)].map((value) => ({ field, values: [value] })),
      ),
      // a field the form does not send is most likely ignored: one value each, extreme or known-bad in turn
      ...extraFields.map((field, n) => ({
        field,
        values: [
          n % 2
            ? KNOWN_BAD[n % KNOWN_BAD.length]
            : EXTREME_BUT_VALID[Math.floor(n / 2) % EXTREME_BUT_VALID.length],
        ],
      })),
    ].map((attack): [Attack] => [attack]);

    const attempt = async ({ field, values }: Attack) => {
      const label = `${field}=${JSON.stringify(values).slice(0, 100)}`;
      const before = await snapshot();
      const response = await submit({ ...form(world), [field]: values });
      expect(response.status, label).toBeLessThan(500);
      if (response.status >= 400) {
        expect(await snapshot(), `${label} was refused (${response.status})`).toEqual(before);
        return { accepted: false, forField: await refusedForField(response, field) };
      }
      const location = response.headers.get("location");
      const pages = new Set([
        ...(location ? [location] : []),
        ...(module.loader ? [fillPath(route.path, paramsOf(world))] : []),
        ...(shownOn?.(world) ?? []),
      ]);
      for (const shown of pages) {
        const rendered = await renderPage(shown, cookiesAfter(cookie, response));
        expect(rendered.status, `${label} was accepted, then GET ${shown}`).toBeLessThan(500);
        await expect(rendered.text(), `${label} was accepted, then GET ${shown}`).resolves.toBeTypeOf(
          "string",
        );
      }
      return { accepted: true, forField: false };
    };

    await fc.assert(
      fc.asyncProperty(
        fc.record({
          field: fc.constantFrom(...(fields.length ? fields : ["value"])),
          values: fc.array(hostileValue, { minLength: 1, maxLength: 2 }),
        }),
        async (attack) => {
          let outcome = await attempt(attack);
          // refused for something other than the value of one of the form's own fields, in a world an accepted form
          // changed: again, in a new one (a field the form does not send is read, if at all, before any refusal)
          if (
            !outcome.accepted &&
            !outcome.forField &&
            changed &&
            ownFields.includes(attack.field) &&
            newWorlds
          ) {
            ({ world, cookie } = await newWorld(newWorlds));
            changed = false;
            newWorlds--;
            outcome = await attempt(attack);
          }
          if (outcome.accepted) {
            changed = true;
            await refreshVersions(world);
          }
        },
      ),
      // fast-check counts the examples in numRuns: every example (each field × the extreme values and a few
      // known-bad ones), then generated ones
      { numRuns: examples.length + GENERATED_RUNS, endOnFailure: true, examples },
    );
    for (const step of target.after ?? []) await sendStep(world, step);
    await expectEveryPageShows(world, target.actor, cookie);
  }, 180_000);
});

describe("hostile valid forms harness", () => {
  it("attacks every valid form of the permissions table, and the survey's question pages", () => {
    const withForms = Object.entries(ROUTE_PERMISSIONS).flatMap(([id, rule]) =>
      Object.keys(rule.forms ?? {}).map((intent) => `${id} ${intent}`),
    );
    expect(targets.map((t) => `${t.route.id} ${t.intent}`)).toEqual(expect.arrayContaining(withForms));
    expect(targets.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        "routes/requests.$id.edit intent '' as otherVcseOwner",
        "routes/survey.$cycleId.questions.$topic topic=meet-the-buyer intent 'continue' as supplierOwner",
      ]),
    );
  });

  it("tells a refusal of the attacked value from one of the whole form", async () => {
    const reply = (error: Record<string, string[]>) =>
      new Response(JSON.stringify({ error }), { status: 400 });
    expect(await refusedForField(reply({ "plan[0].quantity": ["Too many"] }), "plan[1].quarter")).toBe(true);
    expect(await refusedForField(reply({ title: ["Too long"] }), "title")).toBe(true);
    expect(await refusedForField(reply({ "": ["Already decided"] }), "title")).toBe(false);
    expect(await refusedForField(new Response("Not Found", { status: 404 }), "title")).toBe(false);
  });
});
