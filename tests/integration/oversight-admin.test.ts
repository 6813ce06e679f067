// Guidance pages, council settings and the audit log viewer: who may use them and what they do.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { writeAudit } from "~/domain/audit/audit.server.ts";
import { loader as auditLoader } from "~/routes/council.audit.tsx";
import { action as pledgeDetailAction } from "~/routes/pledges.$id.tsx";
import { action as pledgeAction, loader as pledgeLoader } from "~/routes/requests.$id.pledge.tsx";
import { action as returnAction } from "~/routes/returns.$id._index/route.tsx";
import { action as signInAction } from "~/routes/sign-in.tsx";
import { action as editAction, loader as editLoader } from "~/routes/council.guidance.$id.tsx";
import { action as deleteAction } from "~/routes/council.guidance.$id_.delete.tsx";
import { loader as councilGuidanceLoader } from "~/routes/council.guidance._index.tsx";
import { loader as pageLoader } from "~/routes/guidance.$councilId.$slug.tsx";
import { loader as guidanceLoader } from "~/routes/guidance._index.tsx";
import { action as settingsAction, loader as settingsLoader } from "~/routes/council.settings.tsx";
import * as surveyCheckAnswers from "~/routes/survey.$cycleId.check-answers.tsx";
import * as surveyExplainer from "~/routes/survey.$cycleId._index.tsx";
import * as surveyQuestion from "~/routes/survey.$cycleId.questions.$topic.tsx";
import * as surveyWithdraw from "~/routes/survey.$cycleId.withdraw.tsx";
import {
  createCommitment,
  createContract,
  createGuidancePage,
  createMeasure,
  createMember,
  createPledge,
  createRequest,
  createReturn,
  createSurveyCycle,
  createWorld,
  sessionCookieFor,
  TEST_PASSWORD,
} from "../helpers/factories.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
const cookies: Record<string, string> = {};
afterAll(() => closeRateLimits());

beforeAll(async () => {
  world = await createWorld();
  for (const [key, user] of Object.entries(world.users)) cookies[key] = await sessionCookieFor(user.id);
});

// A migration that corrects audit log entries, run statement by statement on the given entries only: run as it
// is, it would also change the entries the other tests in this file wrote (each test file has its own database,
// tests/helpers/setup-db.ts), so what it shows would depend on the order they run in. Each
// statement must be an UPDATE of the log ending in its condition; the condition is kept as written, in brackets
// (so an OR in it cannot reach other entries), with the entries' ids added. A migration of another shape fails.
// Runs a migration's updates of the audit log on the given entries only. updatesOnly: skip the migration's other
// statements (a column it adds is there already).
async function migrateEntries(
  migration: string,
  entries: { id: string }[],
  statementCount: number,
  { updatesOnly = false } = {},
) {
  const statements = fs
    .readFileSync(migration, "utf8")
    .split(";")
    .map((statement) => statement.replace(/--.*$/gm, "").trim())
    .filter((statement) => statement && (!updatesOnly || statement.startsWith("UPDATE ")));
  expect(statements).toHaveLength(statementCount);
  for (const statement of statements) {
    const [, update, alias, condition] =
      statement.match(/^(UPDATE "AuditLog"(?: (\w+))?\n[^;]+?)\nWHERE ([^;]+)$/) ?? [];
    expect(condition, statement).toBeDefined();
    await db.$executeRawUnsafe(
      `${update}\nWHERE (${condition})\n  AND ${alias ?? '"AuditLog"'}.id = ANY($1::text[])`,
      entries.map((entry) => entry.id),
    );
  }
}

const validPage = {
  intent: "save",
  title: "What good looks like",
  slug: "what-good-looks-like",
  audience: "SUPPLIER",
  bodyMarkdown:
    "## Be specific\n\nSay <script>alert(1)</script> what you will do. [Bad](javascript:alert(1))",
  published: "on",
};

describe("guidance pages", () => {
  it("lets a council admin write a page that the public reads, sanitised", async () => {
    const response = await callAction(editAction, {
      path: "/council/guidance/new",
      params: { id: "new" },
      cookie: cookies.councilAdmin,
      form: validPage,
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/council/guidance");
    const page = await db.guidancePage.findFirstOrThrow({ where: { councilId: world.councilA.id } });
    expect(page.updatedById).toBe(world.users.councilAdmin.id);

    const read = await callLoader(pageLoader, {
      path: `/guidance/${world.councilA.id}/what-good-looks-like`,
      params: { councilId: world.councilA.id, slug: "what-good-looks-like" },
    });
    const html = (await read.json()).page.html as string;
    expect(html).toContain("<h2>Be specific</h2>");
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;script&gt;");
    expect(html).not.toMatch(/javascript:/i);
    expect(html).toContain("Bad");

    const list = await callLoader(guidanceLoader, { path: "/guidance" });
    expect(JSON.stringify(await list.json())).toContain("What good looks like");

    const audit = await db.auditLog.findFirst({ where: { action: "guidance.create", entityId: page.id } });
    expect(audit?.organisationId).toBe(world.councilA.id);
  });

  it("keeps the input and explains the problem when the form is wrong", async () => {
    const response = await callAction(editAction, {
      path: "/council/guidance/new",
      params: { id: "new" },
      cookie: cookies.councilAdmin,
      form: { ...validPage, title: "", slug: "Not A Slug!" },
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.title).toEqual(["Enter a title"]);
    expect(body.error.slug[0]).toMatch(/letters, numbers and hyphens/);
    expect(body.initialValue.bodyMarkdown).toContain("Say <script>alert(1)</script> what you will do.");
  });

  it("refuses a second page with the same web address name", async () => {
    // (the same page sent again is answered as saved: oversight-review-guidance-twice.test.ts)
    const response = await callAction(editAction, {
      path: "/council/guidance/new",
      params: { id: "new" },
      cookie: cookies.councilAdmin,
      form: { ...validPage, title: "Another page" },
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.slug).toEqual(["Another page already uses this web address name"]);
  });

  it("gives two admins saving the same web address name at once the same field error, not a failure", async () => {
    const secondAdmin = await sessionCookieFor((await createMember(world.councilA.id, "ADMIN")).id);
    const settle = async (answers: Response[]) => {
      expect(answers.map((a) => a.status).sort()).toEqual([302, 400]);
      const refused = answers.find((a) => a.status === 400)!;
      expect((await refused.json()).error.slug).toEqual(["Another page already uses this web address name"]);
    };
    for (let round = 0; round < 4; round++) {
      const form = { ...validPage, slug: `race-new-${round}` };
      await settle(
        await Promise.all(
          [cookies.councilAdmin, secondAdmin].map((cookie) =>
            callAction(editAction, { path: "/council/guidance/new", params: { id: "new" }, cookie, form }),
          ),
        ),
      );
      expect(await db.guidancePage.count({ where: { slug: form.slug } })).toBe(1);
      // two pages renamed to one web address name at once
      const pages = await Promise.all(
        ["a", "b"].map((x) =>
          createGuidancePage({ councilId: world.councilA.id, slug: `race-${x}-${round}` }),
        ),
      );
      const slug = `race-renamed-${round}`;
      await settle(
        await Promise.all(
          pages.map((page, i) =>
            callAction(editAction, {
              path: `/council/guidance/${page.id}`,
              params: { id: page.id },
              cookie: i === 0 ? cookies.councilAdmin : secondAdmin,
              form: { ...validPage, slug },
            }),
          ),
        ),
      );
      expect(await db.guidancePage.count({ where: { slug } })).toBe(1);
    }
  });

  it("hides drafts from the public", async () => {
    await createGuidancePage({ councilId: world.councilA.id, slug: "secret-draft", title: "Secret draft" });
    await db.guidancePage.updateMany({ where: { slug: "secret-draft" }, data: { published: false } });
    const read = await callLoader(pageLoader, {
      path: `/guidance/${world.councilA.id}/secret-draft`,
      params: { councilId: world.councilA.id, slug: "secret-draft" },
    });
    expect(read.status).toBe(404);
    const list = await callLoader(guidanceLoader, { path: "/guidance" });
    expect(JSON.stringify(await list.json())).not.toContain("Secret draft");
  });

  it("answers 404 to suppliers, VCSEs and another council's admin, 403 to their own council's officers", async () => {
    const page = await createGuidancePage({ councilId: world.councilB.id, slug: "b-page" });
    for (const who of ["officerA", "officerB", "supplierOwner", "vcseOwner"]) {
      const list = await callLoader(councilGuidanceLoader, {
        path: "/council/guidance",
        cookie: cookies[who],
      });
      // each officer is told their own council's list needs its administrator role
      expect(list.status, who).toBe(who.startsWith("officer") ? 403 : 404);
    }
    // council A's admin cannot open, change or delete council B's page
    const open = await callLoader(editLoader, {
      path: `/council/guidance/${page.id}`,
      params: { id: page.id },
      cookie: cookies.councilAdmin,
    });
    expect(open.status).toBe(404);
    const change = await callAction(deleteAction, {
      path: `/council/guidance/${page.id}/delete`,
      params: { id: page.id },
      cookie: cookies.councilAdmin,
      form: { version: page.updatedAt.toISOString() },
    });
    expect(change.status).toBe(404);
    expect(await db.guidancePage.count({ where: { id: page.id } })).toBe(1);
  });

  it("sends a signed-out visitor to sign in", async () => {
    const response = await callLoader(councilGuidanceLoader, { path: "/council/guidance" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^\/sign-in/);
  });
});

describe("council settings", () => {
  const valid = {
    councilName: "Northshire County Council",
    returnDueDays: "45",
    reminderDaysBefore: "10",
    overdueReminderDays: "3",
    brandColour: "#005A30",
    proxyValueSource: "Our own proxy values, Cabinet March 2026",
  };

  it("saves the settings and writes an audit entry", async () => {
    const response = await callAction(settingsAction, {
      path: "/council/settings",
      cookie: cookies.councilAdmin,
      form: valid,
    });
    expect(response.status).toBe(302);
    const settings = await db.councilSettings.findUniqueOrThrow({
      where: { organisationId: world.councilA.id },
    });
    expect(settings).toMatchObject({
      returnDueDays: 45,
      reminderDaysBefore: 10,
      overdueReminderDays: 3,
      brandColour: "#005a30",
      proxyValueSource: valid.proxyValueSource,
    });
    const council = await db.organisation.findUniqueOrThrow({ where: { id: world.councilA.id } });
    expect(council.name).toBe("Northshire County Council");
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "council.settings_update" } });
    expect(entry.details).toMatchObject({ returnDueDays: { to: 45 } });
  });

  it("rejects a light brand colour and bad numbers, keeping what was typed", async () => {
    const response = await callAction(settingsAction, {
      path: "/council/settings",
      cookie: cookies.councilAdmin,
      form: { ...valid, brandColour: "#ffdd00", returnDueDays: "0", reminderDaysBefore: "ten" },
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.brandColour[0]).toMatch(/too light/);
    expect(body.error.returnDueDays[0]).toMatch(/2 days or more/);
    expect(body.error.reminderDaysBefore).toBeDefined();
    expect(body.initialValue.brandColour).toBe("#ffdd00");
    const settings = await db.councilSettings.findUniqueOrThrow({
      where: { organisationId: world.councilA.id },
    });
    expect(settings.brandColour).toBe("#005a30");
  });

  it("is only for council admins: the council's other officers are told so (403), anyone else gets 404", async () => {
    for (const who of ["officerA", "supplierOwner", "vcseOwner"]) {
      const refused = who === "officerA" ? 403 : 404;
      expect(
        (await callLoader(settingsLoader, { path: "/council/settings", cookie: cookies[who] })).status,
      ).toBe(refused);
      const post = await callAction(settingsAction, {
        path: "/council/settings",
        cookie: cookies[who],
        form: valid,
      });
      expect(post.status, who).toBe(refused);
    }
  });
});

describe("audit log viewer", () => {
  // what the people of each organisation did, through the real pages: all of it is filed with council A
  const done: Record<string, string> = {};
  beforeAll(async () => {
    const { councilA, councilB, supplier, vcse, category, users } = world;
    await writeAudit({
      actorUserId: users.officerA.id,
      organisationId: councilA.id,
      actorOrganisationId: councilA.id,
      action: "organisation.verify",
      entityType: "Organisation",
      entityId: supplier.id,
    });
    const need = await createRequest({
      councilId: councilA.id,
      organisationId: vcse.id,
      categoryId: category.id,
      quantity: 10,
    });
    const form = await jsonOf<{ submissionKey: string }>(
      await callLoader(pledgeLoader, {
        path: `/requests/${need.id}/pledge`,
        params: { id: need.id },
        cookie: cookies.supplierOwner,
      }),
    );
    const pledged = await callAction(pledgeAction, {
      path: `/requests/${need.id}/pledge`,
      params: { id: need.id },
      cookie: cookies.supplierOwner,
      form: {
        submissionKey: form.submissionKey,
        quantity: "4",
        expectedDeliveryDate: new Date(Date.now() + 10 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10),
      },
    });
    expect(pledged.status).toBe(302);
    done.pledge = pledged.headers.get("location")!.split("/")[2];
    const accepted = await callAction(pledgeDetailAction, {
      path: `/pledges/${done.pledge}`,
      params: { id: done.pledge },
      cookie: cookies.vcseOwner,
      form: { intent: "accept" },
    });
    expect(accepted.status).toBe(302);

    const hours = await createMeasure({ councilId: councilA.id, unit: "HOURS" });
    const contract = await createContract({ councilId: councilA.id, supplierOrganisationId: supplier.id });
    const commitment = await createCommitment({ contractId: contract.id, measureId: hours.id });
    done.return = (await createReturn({ contractId: contract.id, financialYear: 2026, quarter: 1 })).id;
    const submitted = await callAction(returnAction, {
      path: `/returns/${done.return}`,
      params: { id: done.return },
      cookie: cookies.supplierMember,
      form: {
        intent: "submit",
        "lines[0].commitmentId": commitment.id,
        "lines[0].quantity": "12",
        "lines[0].note": "",
        "lines[0].evidenceUrl": "",
        declaration: "on",
      },
    });
    expect(submitted.status).toBe(302);

    await writeAudit({
      actorUserId: users.officerB.id,
      organisationId: councilB.id,
      actorOrganisationId: councilB.id,
      action: "contract.create",
      entityType: "Contract",
      entityId: "other-council-contract",
    });
    const old = await writeAudit({
      actorUserId: users.officerA.id,
      organisationId: councilA.id,
      actorOrganisationId: councilA.id,
      action: "request.approve",
      entityType: "Request",
      entityId: "old-request",
    });
    await db.auditLog.update({
      where: { id: old.id },
      data: { createdAt: new Date("2025-01-15T12:00:00Z") },
    });
  });

  const listed = async (query: string, who = "councilAdmin") => {
    const response = await callLoader(auditLoader, { path: `/council/audit${query}`, cookie: cookies[who] });
    expect(response.status).toBe(200);
    const body = await response.json();
    return body.entries as { entityId: string; action: string }[];
  };
  const entriesFor = async (query: string, who = "councilAdmin") =>
    (await listed(query, who)).map((e) => e.entityId);
  const actionsFor = async (query: string) => (await listed(query)).map((e) => e.action);

  it("shows the council's own entries and its organisations', never another council's", async () => {
    const ids = await entriesFor("");
    expect(ids).toEqual(expect.arrayContaining([world.supplier.id, done.pledge, done.return, "old-request"]));
    expect(ids).not.toContain("other-council-contract");
  });

  it("filters by user, organisation, record type, action and date", async () => {
    expect(await entriesFor(`?user=${encodeURIComponent(world.users.supplierOwner.email)}`)).toEqual([
      done.pledge,
    ]);
    expect(await entriesFor("?entityType=Request")).toEqual(["old-request"]);
    expect(await entriesFor("?action=organisation.verify")).toEqual([world.supplier.id]);
    expect(await entriesFor("?from=2025-01-01&to=2025-01-15")).toEqual(["old-request"]);
    expect(await entriesFor("?to=2025-01-14")).toEqual([]);
    // another council's organisation cannot be used to peek at its log: it is not a choice the list offers, so
    // it is refused next to its box and the council's own entries are shown
    const peek = await callLoader(auditLoader, {
      path: `/council/audit?organisationId=${world.councilB.id}`,
      cookie: cookies.councilAdmin,
    });
    const peeked = (await peek.json()) as {
      entries: { entityId: string }[];
      errors: Record<string, string[]>;
    };
    expect(peeked.errors.organisationId).toEqual(["Select an organisation from the list"]);
    expect(peeked.entries.map((e) => e.entityId)).not.toContain("other-council-contract");
  });

  it("finds what an organisation's people did, though pledges and returns are filed with the council", async () => {
    // the supplier's pledge and its return, by two of its members
    expect(await actionsFor(`?organisationId=${world.supplier.id}`)).toEqual([
      "return.submit",
      "pledge.create",
    ]);
    // the group accepted the pledge: that is the group's doing, not the supplier's
    expect(await actionsFor(`?organisationId=${world.vcse.id}`)).toEqual(["pledge.accept"]);
    expect(await entriesFor(`?organisationId=${world.otherSupplier.id}`)).toEqual([]);
    // the council's own staff, not everything filed with the council
    const council = await actionsFor(`?organisationId=${world.councilA.id}`);
    expect(council).toEqual(expect.arrayContaining(["organisation.verify", "request.approve"]));
    expect(council.filter((action) => /^(pledge|return)\./.test(action))).toEqual([]);
  });

  it("reads the date filters as days in London, where the times are shown", async () => {
    for (const [entityId, at] of [
      ["summer-00:30", "2025-07-14T23:30:00Z"], // 00:30 on 15 July in London
      ["summer-23:30", "2025-07-15T22:30:00Z"], // 23:30 on 15 July
      ["summer-next-00:10", "2025-07-15T23:10:00Z"], // 00:10 on 16 July
      ["clocks-go-forward-eve", "2025-03-29T23:30:00Z"], // 23:30 on 29 March, still GMT
      ["winter-00:10", "2025-12-01T00:10:00Z"], // 00:10 on 1 December, GMT
    ]) {
      const entry = await writeAudit({
        actorUserId: world.users.officerA.id,
        organisationId: world.councilA.id,
        actorOrganisationId: world.councilA.id,
        action: "contract.update",
        entityType: "Contract",
        entityId,
      });
      await db.auditLog.update({ where: { id: entry.id }, data: { createdAt: new Date(at) } });
    }
    const on = (from: string, to = from) => entriesFor(`?entityType=Contract&from=${from}&to=${to}`);
    expect(await on("2025-07-15")).toEqual(["summer-23:30", "summer-00:30"]);
    expect(await on("2025-07-14")).toEqual([]);
    expect(await on("2025-07-16")).toEqual(["summer-next-00:10"]);
    expect(await on("2025-03-29")).toEqual(["clocks-go-forward-eve"]);
    expect(await on("2025-03-30")).toEqual([]);
    expect(await on("2025-12-01")).toEqual(["winter-00:10"]);
    expect(await on("2025-11-30")).toEqual([]);
  });

  it("explains an impossible date instead of failing", async () => {
    const response = await callLoader(auditLoader, {
      path: "/council/audit?from=2025-13-45",
      cookie: cookies.councilAdmin,
    });
    expect(response.status).toBe(200);
    expect((await response.json()).errors.from).toBeDefined();

    // 30 February is refused, not rolled into March, and the other filters still apply
    const feb = await callLoader(auditLoader, {
      path: "/council/audit?entityType=Request&from=2025-02-30",
      cookie: cookies.councilAdmin,
    });
    const body = await feb.json();
    expect(body.errors).toEqual({ from: ["Enter the start date as a real date, for example 27/03/2027"] });
    expect(body.entries.map((e: { entityId: string }) => e.entityId)).toEqual(["old-request"]);

    const backwards = await callLoader(auditLoader, {
      path: "/council/audit?from=2025-02-01&to=2025-01-01",
      cookie: cookies.councilAdmin,
    });
    expect((await backwards.json()).errors.to).toEqual([
      "The end date must be the same as or after the start date",
    ]);
  });

  it("shows the council's staff's sign-ins and failed sign-ins, and nobody else's", async () => {
    const signIn = (email: string, password: string) =>
      callAction(signInAction, {
        path: "/sign-in",
        form: { email, password },
        headers: { "x-svm-client-ip": "198.51.100.7" },
      });
    expect((await signIn(world.users.officerA.email, "not the right password")).status).toBe(400);
    expect((await signIn(world.users.officerA.email, TEST_PASSWORD)).status).toBe(302);
    expect((await signIn(world.users.officerB.email, TEST_PASSWORD)).status).toBe(302);
    expect((await signIn(world.users.supplierOwner.email, TEST_PASSWORD)).status).toBe(302);
    const entries = async (cookie: string) =>
      (
        await jsonOf<{ entries: { action: string; actor: { email: string } | null; entityId: string }[] }>(
          await callLoader(auditLoader, { path: "/council/audit?entityType=User", cookie }),
        )
      ).entries.map((e) => `${e.action} ${e.actor?.email ?? `at ${e.entityId}`}`);
    const seenByA = await entries(cookies.councilAdmin);
    expect(seenByA).toEqual(
      expect.arrayContaining([
        `auth.sign_in ${world.users.officerA.email}`,
        // typed by someone not signed in: no actor, the account as the record
        `auth.sign_in_failed at ${world.users.officerA.id}`,
      ]),
    );
    expect(seenByA.join()).not.toContain(world.users.officerB.email);
    expect(seenByA.join()).not.toContain(world.users.supplierOwner.email);
    const adminB = await sessionCookieFor((await createMember(world.councilB.id, "ADMIN")).id);
    const seenByB = await entries(adminB);
    expect(seenByB).toContain(`auth.sign_in ${world.users.officerB.email}`);
    expect(seenByB.join()).not.toContain(world.users.officerA.email);
    expect(seenByB.join()).not.toContain(world.users.officerA.id);
  });

  it("is only for council admins: the council's other officers are told so (403), anyone else gets 404", async () => {
    for (const who of ["officerA", "supplierOwner", "vcseOwner"]) {
      const response = await callLoader(auditLoader, { path: "/council/audit", cookie: cookies[who] });
      expect(response.status, who).toBe(who === "officerA" ? 403 : 404);
    }
  });

  it("keeps what someone did with the organisation they did it for, after they move to another", async () => {
    const mover = await createMember(world.supplier.id, "MEMBER");
    const need = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      quantity: 10,
    });
    const cookie = await sessionCookieFor(mover.id);
    const form = await jsonOf<{ submissionKey: string }>(
      await callLoader(pledgeLoader, {
        path: `/requests/${need.id}/pledge`,
        params: { id: need.id },
        cookie,
      }),
    );
    const pledged = await callAction(pledgeAction, {
      path: `/requests/${need.id}/pledge`,
      params: { id: need.id },
      cookie,
      form: {
        submissionKey: form.submissionKey,
        quantity: "2",
        expectedDeliveryDate: new Date(Date.now() + 10 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10),
      },
    });
    expect(pledged.status).toBe(302);
    const pledgeId = pledged.headers.get("location")!.split("/")[2];
    // they leave the supplier and join another one
    await db.membership.deleteMany({ where: { userId: mover.id } });
    await db.membership.create({
      data: { userId: mover.id, organisationId: world.otherSupplier.id, role: "MEMBER" },
    });
    expect(await entriesFor(`?organisationId=${world.supplier.id}`)).toContain(pledgeId);
    expect(await entriesFor(`?organisationId=${world.otherSupplier.id}`)).not.toContain(pledgeId);
    const [entry] = (await listed(
      `?action=pledge.create&user=${encodeURIComponent(mover.email)}`,
    )) as unknown as {
      actorOrganisation: { name: string } | null;
    }[];
    expect(entry.actorOrganisation?.name).toBe(world.supplier.name);
  });

  it("places entries written before it recorded whom the actor acted for", async () => {
    const { councilA, supplier, vcse, users } = world;
    const need = await createRequest({
      councilId: councilA.id,
      organisationId: vcse.id,
      categoryId: world.category.id,
      quantity: 10,
    });
    const pledge = await createPledge({
      requestId: need.id,
      supplierOrganisationId: supplier.id,
      quantity: 1,
    });
    const legacy = (action: string, entityType: string, entityId: string, actor = users.supplierOwner.id) =>
      writeAudit({
        actorUserId: actor,
        organisationId: councilA.id,
        actorOrganisationId: null,
        action,
        entityType,
        entityId,
      });
    const written = {
      pledged: await legacy("pledge.create", "Pledge", pledge.id),
      accepted: await legacy("pledge.accept", "Pledge", pledge.id, users.vcseOwner.id),
      edited: await legacy("request.edit", "Request", need.id, users.vcseOwner.id),
      approved: await legacy("request.approve", "Request", need.id, users.officerA.id),
      signedIn: await writeAudit({
        actorUserId: users.officerA.id,
        actorOrganisationId: null,
        action: "auth.sign_in",
        entityType: "User",
        entityId: users.officerA.id,
      }),
    };
    await migrateEntries(
      "prisma/migrations/20261202090100_audit_actor_organisation_backfill/migration.sql",
      Object.values(written),
      6,
    );
    const actedFor = async (entry: { id: string }) =>
      (await db.auditLog.findUniqueOrThrow({ where: { id: entry.id } })).actorOrganisationId;
    expect(await actedFor(written.pledged)).toBe(supplier.id);
    expect(await actedFor(written.accepted)).toBe(vcse.id);
    expect(await actedFor(written.edited)).toBe(vcse.id);
    expect(await actedFor(written.approved)).toBe(councilA.id);
    // an account event is the person's own, done for no organisation: the council's staff's are the council's
    expect(await actedFor(written.signedIn)).toBeNull();
    expect(await entriesFor(`?organisationId=${councilA.id}&entityType=User`)).toContain(users.officerA.id);
  });
});

describe("survey entries in the audit log", () => {
  const surveyEntries = async (cookie: string) => {
    const response = await callLoader(auditLoader, {
      path: "/council/audit?entityType=SurveyResponse",
      cookie,
    });
    const body = await response.json();
    return {
      actions: (body.entries as { action: string }[]).map((e) => e.action).sort(),
      offered: body.options.actions as string[],
    };
  };

  it("are shown to the council running the survey, never to the council the business is registered with", async () => {
    // survey entries are shown only to an admin with the survey role (decision 007)
    const adminB = await sessionCookieFor(
      (await createMember(world.councilB.id, "ADMIN", { surveyAccess: true })).id,
    );
    const cycleId = (await createSurveyCycle({ councilId: world.councilB.id, year: 2026 })).id;
    // the business, registered with council A, answers council B's survey, sends it, then withdraws
    const step = async (route: { action: Parameters<typeof callAction>[0] }, path: string, form = {}) => {
      const response = await callAction(route.action, {
        path: `/survey/${cycleId}${path}`,
        params: { cycleId, topic: "age" },
        cookie: cookies.supplierOwner,
        form,
      });
      expect(response.status, path).toBe(302);
    };
    await step(surveyExplainer, "", { consent: "yes" });
    await step(surveyQuestion, "/questions/age", { age: "35_49" });
    const page = await callLoader(surveyQuestion.loader, {
      path: `/survey/${cycleId}/questions/age`,
      params: { cycleId, topic: "age" },
      cookie: cookies.supplierOwner,
    });
    expect(page.status).toBe(200);
    await step(surveyCheckAnswers, "/check-answers");
    await step(surveyWithdraw, "/withdraw");

    const expected = [
      "survey.answers.read_own",
      "survey.consent",
      "survey.response.submit",
      "survey.response.withdraw",
    ];
    const b = await surveyEntries(adminB);
    expect([...new Set(b.actions)]).toEqual(expected);
    expect(b.offered).toEqual(expect.arrayContaining(expected));
    // council A is not offered the record type (a hand-made filter for it is not applied) and sees no survey entry
    const a = await surveyEntries(cookies.councilAdmin);
    expect(a.actions.filter((action) => action.startsWith("survey."))).toEqual([]);
    expect(a.offered.filter((action) => action.startsWith("survey."))).toEqual([]);
  });

  it("shows an entry written before to no council, until the migration files it with the cycle's council", async () => {
    const adminB = await sessionCookieFor(
      (await createMember(world.councilB.id, "ADMIN", { surveyAccess: true })).id,
    );
    const cycle = await createSurveyCycle({ councilId: world.councilB.id, year: 2027 });
    const response = await db.surveyResponse.create({
      data: { cycleId: cycle.id, organisationId: world.otherSupplier.id, consentGivenAt: new Date() },
    });
    const misfiled = {
      actorUserId: world.users.otherSupplierOwner.id,
      organisationId: world.otherSupplier.id,
      // written before the log recorded whom the actor acted for
      actorOrganisationId: null,
      action: "survey.consent",
      entityType: "SurveyResponse",
    };
    const kept = await writeAudit({ ...misfiled, entityId: response.id });
    // a response since deleted: nothing says whose survey it was
    const lost = await writeAudit({ ...misfiled, entityId: "deleted-response" });
    const ids = async (cookie: string) =>
      (
        await (await callLoader(auditLoader, { path: "/council/audit?action=survey.consent", cookie })).json()
      ).entries.map((e: { id: string }) => e.id) as string[];
    expect(await ids(cookies.councilAdmin)).not.toContain(kept.id);
    expect(await ids(adminB)).not.toContain(kept.id);

    await migrateEntries(
      "prisma/migrations/20261130081500_survey_audit_filed_with_cycle_council/migration.sql",
      [kept, lost],
      1,
    );
    // and the later one that records in each entry the council whose log it is (decision 042)
    await migrateEntries(
      "prisma/migrations/20261215090002_audit_entry_council/migration.sql",
      [kept, lost],
      2,
      {
        updatesOnly: true,
      },
    );
    expect(await ids(adminB)).toContain(kept.id);
    expect(await ids(cookies.councilAdmin)).not.toContain(kept.id);
    const unplaced = await db.auditLog.findUniqueOrThrow({ where: { id: lost.id } });
    expect(unplaced.organisationId).toBe(world.otherSupplier.id);
    expect(await ids(cookies.councilAdmin)).not.toContain(lost.id);
  });
});
