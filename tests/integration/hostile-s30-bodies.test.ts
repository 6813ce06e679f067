// Hostile bodies posted through Remix's own request handler, as a browser without JavaScript would: every action of
// the permissions table, as a role that may use it, gets its valid form (or, where the table has none, its page's
// fields with plausible values) bent one way at a time: a field sent twice with different values, a field 100,000
// characters long, a field sent as a file, NUL bytes, lone surrogates and bytes that are not UTF-8 (as raw bytes: a
// form turns a lone surrogate into U+FFFD), the form as JSON, plain text or a multipart body without a boundary, an
// unknown, missing or repeated intent, ids of records that do not exist or are someone else's, numbers written
// "1e309", "-0", "0x10", " 12 ", and dates "2026-02-30", "99999-01-01". The answer is never a 500, never shows a
// stack trace or a database error, and never redirects off the portal. hostile-input.test.ts throws random values at
// whole forms and hostile-valid-forms.test.ts known-bad values at one field; this file sends the shapes neither does.
// To stay near two minutes, every field meets the repetition, the long value and the file, and the whole form the
// NUL byte, the raw bytes and the other kinds of body; only id fields meet the foreign ids, and only number- and
// date-looking fields the odd numbers and dates.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { ROUTE_PERMISSIONS } from "../authorization/permissions-table.ts";
import { createMatrixWorld, type MatrixWorld } from "../authorization/world.ts";
import { formFieldsOf } from "../helpers/form-fields.ts";
import { BEFORE_ATTACK, cookieOf, LEAK, refreshVersions, type Actor } from "../helpers/hostile-values.ts";
import { forgetAllAttempts } from "../helpers/rate-limits.ts";
import { postPage, postRawPage } from "../helpers/render-page.ts";
import { fillPath, routeManifest } from "../helpers/route-manifest.ts";

const BASE = "http://localhost:3000";
type Form = Record<string, string | string[]>;
// what is sent: a field may also be a file where the page has a text box
type Sent = Record<string, string | File | (string | File)[]>;

// Forms the table lets no role send (the records are someone else's): sent as the records' owners.
const OWNER_OF: Record<string, Actor> = {
  "routes/pledges.$id": "otherVcseOwner",
  "routes/pledges.$id withdraw": "otherSupplierOwner",
  "routes/pledges.$id reportDelivery": "otherSupplierOwner",
  "routes/pledges.$id_.withdraw": "otherSupplierOwner",
  "routes/pledges.$id_.call-off": "otherVcseOwner",
  "routes/requests.$id.edit": "otherVcseOwner",
  "routes/requests.$id.manage": "otherVcseOwner",
  "routes/returns.$id._index": "otherSupplierOwner",
  "routes/saved-searches": "otherSupplierOwner",
};
// one question page with free text and one with choices checked against each other
const PAGES: Record<string, Record<string, string>[]> = {
  "routes/survey.$cycleId.questions.$topic": [{ topic: "meet-the-buyer" }, { topic: "business-size" }],
};

const manifest = routeManifest();
const targets = manifest.flatMap((route) => {
  const rule = ROUTE_PERMISSIONS[route.id];
  return Object.entries(rule?.actions ?? {}).flatMap(([intent, roles]) => {
    const actor =
      roles[0] ??
      OWNER_OF[`${route.id} ${intent}`] ??
      (rule.forms?.[intent] ? OWNER_OF[route.id] : undefined);
    return actor
      ? (PAGES[route.id] ?? [{}]).map((page) => ({
          route,
          intent,
          actor,
          page,
          name: `${route.id} ${Object.values(page).join(" ")} intent '${intent}' as ${actor}`,
        }))
      : [];
  });
});

// A plausible value for a field the table has no form for.
function plausible(field: string) {
  if (/email/i.test(field)) return "someone@example.test";
  if (/password/i.test(field)) return "Correct horse battery 42";
  if (/quantity|count|size/i.test(field)) return "12";
  return "Some text";
}

const NUMBER = /^-?\d+(\.\d+)?$/;
const DATE = /^\d{4}-\d\d-\d\d$/;
const ODD_NUMBERS = ["1e309", "-0", "0x10", " 12 "];
const ODD_DATES = ["2026-02-30", "99999-01-01"];
const isIdField = (field: string) => /(^id$|Id$|\.id$|Id\]?$)/.test(field);

// Another value of the same kind, for the second copy of a repeated field.
function another(value: string) {
  if (NUMBER.test(value)) return String(Number(value) + 1);
  if (DATE.test(value)) return `${Number(value.slice(0, 4)) + 1}${value.slice(4)}`;
  return value === "" ? "Other" : `${value}2`;
}

// Ids that exist but belong to someone else or are of another kind, and one that does not exist at all.
const foreignIds = (w: MatrixWorld) => [
  "cl0000000000000000000000",
  w.councilC.id,
  w.otherSupplier.id,
  w.draftRequest.id,
];

type Attack = {
  label: string;
  intent?: string | string[];
  fields: Sent;
  raw?: { body: string; type: string };
};
type AttackOn = (base: Form) => Attack;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

// The attacks on a form, each made from the form as it stands when it is sent (an accepted save changes the
// version the next must name).
function attacksOn(fieldNames: string[], sample: Form, intent: string, world: MatrixWorld): AttackOn[] {
  const attacks: AttackOn[] = [];
  const every = (label: string, value: (v: string) => string | File | (string | File)[]) => (base: Form) => ({
    label,
    intent,
    fields: Object.fromEntries(fieldNames.map((n) => [n, value(first(base[n]))])),
  });
  const one =
    (label: string, field: string, value: (v: string) => string | File | (string | File)[]) =>
    (base: Form) => ({
      label,
      intent,
      fields: { ...base, [field]: value(first(base[field])) },
    });
  // FormData turns a lone surrogate into U+FFFD before it is sent; raw bytes reach the parser as they are
  const raw = (label: string, bad: string) => (base: Form) => ({
    label,
    fields: {},
    raw: {
      type: "application/x-www-form-urlencoded",
      body: [
        ...(intent ? [`intent=${encodeURIComponent(intent)}`] : []),
        ...fieldNames.map((n) => `${encodeURIComponent(n)}=${encodeURIComponent(first(base[n]))}${bad}`),
      ].join("&"),
    },
  });
  // the form's words in a body of another kind than a form
  const typed = (label: string, type: string, body: (base: Form) => string) => (base: Form) => ({
    label,
    fields: {},
    raw: { type, body: body(base) },
  });
  attacks.push(every("every field twice, with different values", (v) => [v, another(v)]));
  attacks.push(
    every("every field sent as a file", (v) => new File([v], "field.txt", { type: "text/plain" })),
  );
  attacks.push(typed("the form as JSON", "application/json", (base) => JSON.stringify({ intent, ...base })));
  attacks.push(
    typed("the form as plain text", "text/plain", (base) =>
      new URLSearchParams({ intent, ...base }).toString(),
    ),
  );
  attacks.push(typed("a multipart body without a boundary", "multipart/form-data", () => `intent=${intent}`));
  attacks.push(
    typed(
      "a form said to be UTF-16",
      "application/x-www-form-urlencoded; charset=utf-16",
      () => `intent=${intent}`,
    ),
  );
  attacks.push(every("every field with a NUL byte", (v) => `${v.slice(0, 1)}\u0000${v.slice(1)}`));
  attacks.push(raw("every field ending in a lone surrogate (CESU bytes)", "%ED%A0%80"));
  attacks.push(raw("every field ending in a byte that is not UTF-8", "%FF%00"));
  attacks.push(raw("every field ending in a broken escape", "%E0%A4%"));
  for (const field of fieldNames) {
    const value = first(sample[field]);
    attacks.push(one(`${field} twice`, field, (v) => [v, another(v)]));
    attacks.push(one(`${field} 100,000 characters long`, field, () => "x".repeat(100_000)));
    // a lone surrogate in a form reaches the server as U+FFFD (the raw bytes above send it as it is)
    attacks.push(
      one(`${field} sent as a file`, field, (v) => new File([v], "field.txt", { type: "text/plain" })),
    );
    if (isIdField(field))
      for (const id of foreignIds(world)) attacks.push(one(`${field}=${id}`, field, () => id));
    if (NUMBER.test(value) || /quantity|value|gbp/i.test(field))
      for (const n of ODD_NUMBERS) attacks.push(one(`${field}=${JSON.stringify(n)}`, field, () => n));
    if (DATE.test(value)) for (const d of ODD_DATES) attacks.push(one(`${field}=${d}`, field, () => d));
  }
  attacks.push((base) => ({ label: "an unknown intent", intent: "frobnicate", fields: base }));
  if (intent) attacks.push((base) => ({ label: "no intent", fields: base }));
  attacks.push((base) => ({
    label: "the intent twice, unknown second",
    intent: [intent, "frobnicate"],
    fields: base,
  }));
  attacks.push((base) => ({
    label: "the intent twice, unknown first",
    intent: ["frobnicate", intent],
    fields: base,
  }));
  return attacks;
}

async function post(path: string, cookie: string | undefined, attack: Attack) {
  if (attack.raw) return postRawPage(path, attack.raw.body, attack.raw.type, cookie);
  const form = new FormData();
  for (const i of [attack.intent ?? []].flat()) form.append("intent", i);
  for (const [name, value] of Object.entries(attack.fields))
    for (const v of [value].flat()) if (name !== "intent") form.append(name, v);
  return postPage(path, form, cookie);
}

describe.each(targets.map((t) => [t.name, t] as const))("%s", (_name, target) => {
  it("answers every hostile body without a 500 or a leaked error", async () => {
    const { route, intent, actor, page } = target;
    const world = await createMatrixWorld();
    await BEFORE_ATTACK[route.id]?.(world);
    const cookie = await cookieOf(world, actor);
    const params = { ...ROUTE_PERMISSIONS[route.id].params?.(world), ...page };
    const path = fillPath(route.path, params);
    const tableForm = ROUTE_PERMISSIONS[route.id].forms?.[intent];
    const formFields = Object.fromEntries(formFieldsOf(route.file, params).map((f) => [f, plausible(f)]));
    const baseForm = (): Form => (tableForm ? tableForm(world) : formFields);
    for (const attackOn of attacksOn(Object.keys(baseForm()), baseForm(), intent, world)) {
      const attack = attackOn(baseForm());
      await forgetAllAttempts();
      const response = await post(path, cookie, attack);
      const body = await response.text();
      expect(response.status, `${attack.label}: ${body.slice(0, 300)}`).toBeLessThan(500);
      expect(body, attack.label).not.toMatch(LEAK);
      expect(new URL(response.headers.get("location") ?? "/", BASE).origin, attack.label).toBe(BASE);
      if (response.status < 400) await refreshVersions(world);
    }
  }, 60_000);
});

describe("hostile bodies harness", () => {
  it("attacks every action of the permissions table that some role may use", () => {
    expect(targets.length).toBeGreaterThan(80);
    expect(targets.map((t) => t.name)).toEqual(
      expect.arrayContaining(["routes/pledges.$id  intent 'withdraw' as otherSupplierOwner"]),
    );
  });
});

afterAll(() => closeRateLimits());
