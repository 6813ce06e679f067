// A record's pages had one title for every record ("Change contract details", "Review a request", "Pledge", ...):
// a screen reader user with several open, or going back through the browser's history, could not tell them apart
// (WCAG 2.4.2). Each now names its record, as an allowed user gets the page.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import {
  createContract,
  createMeasure,
  createMember,
  createOrganisation,
  createRequest,
  createWorld,
  sessionCookieFor,
  unique,
} from "../helpers/factories.ts";
import { createPartlyPledgedRequest } from "../helpers/pledged-request.ts";
import { pageHtmlAs, renderPage } from "../helpers/render-page.ts";
import { respondentInArea } from "../helpers/survey-respondent.ts";
import { formatDateTimeToSecond } from "~/ui/format.ts";

type Page = { path: string; userId: string; title: string };
const pages: Record<string, Page> = {};
let outsider = "";

beforeAll(async () => {
  const world = await createWorld();
  const { councilA, users } = world;
  const contract = await createContract({
    councilId: councilA.id,
    supplierOrganisationId: world.supplier.id,
    contractManagerId: users.officerA.id,
    reference: unique("NCC"),
    title: "Grounds maintenance",
  });
  const measure = await createMeasure({
    councilId: councilA.id,
    code: unique("EMP"),
    name: "Apprenticeships",
  });
  const draft = await createRequest({
    councilId: councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    title: unique("Draft request"),
    status: "DRAFT",
  });
  const submitted = await createRequest({
    councilId: councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    title: unique("Submitted request"),
    status: "SUBMITTED",
  });
  const { need: open, pledge } = await createPartlyPledgedRequest(world, {
    request: { title: unique("Open request") },
  });
  const pending = await createOrganisation({ kind: "VCSE", councilId: councilA.id, status: "PENDING" });
  const pendingOwner = await createMember(pending.id, "OWNER");
  const email = await db.emailOutbox.create({
    data: {
      to: "someone@example.test",
      subject: unique("Your invitation"),
      html: "<p>Hi</p>",
      text: "Hi",
      template: "test",
    },
  });
  outsider = users.otherVcseOwner.id;
  const survey = await respondentInArea("ZE9", { consented: true });
  const named = (what: string, record: string) => `${what}: ${record}`;
  const surveyName = `Supplier diversity survey 2026: ${survey.council.name} – ${survey.business.name}`;
  Object.assign(pages, {
    "a council's partnership change": {
      path: `/admin/councils/${councilA.id}/partnership`,
      userId: users.platformAdmin.id,
      title: named("Remove a council from its partnership", councilA.name),
    },
    "a mailbox message": {
      path: `/admin/mailbox/${email.id}`,
      userId: users.platformAdmin.id,
      // (session 48) by when it was written: neither the recipient's address nor the subject, which can name people
      title: `Email written ${formatDateTimeToSecond(email.createdAt)} – Local mailbox`,
    },
    "a contract's new commitment": {
      path: `/contracts/${contract.id}/commitments/new`,
      userId: users.officerA.id,
      title: named("Add a commitment", `${contract.reference} ${contract.title}`),
    },
    "a contract's details": {
      path: `/contracts/${contract.id}/edit`,
      userId: users.officerA.id,
      title: named("Change contract details", `${contract.reference} ${contract.title}`),
    },
    "a measure": {
      path: `/council/measures/${measure.id}`,
      userId: users.councilAdmin.id,
      title: named("Change a measure", `${measure.code} Apprenticeships`),
    },
    "a request's review": {
      path: `/council/moderation/${submitted.id}`,
      userId: users.officerA.id,
      title: named("Review a request", submitted.title),
    },
    "an organisation's verification": {
      path: `/council/verification/${pending.id}`,
      userId: users.officerA.id,
      title: named("Verify an organisation", pending.name),
    },
    "an organisation's details": {
      path: `/organisations/${pending.id}/edit`,
      userId: pendingOwner.id,
      title: named("Change your organisation's details", pending.name),
    },
    "a pledge": {
      path: `/pledges/${pledge.id}`,
      userId: users.supplierOwner.id,
      title: named(`Pledge from ${world.supplier.name}`, open.title),
    },
    "a request's edit": {
      path: `/requests/${draft.id}/edit`,
      userId: users.vcseOwner.id,
      title: named("Edit request", draft.title),
    },
    "a request's management": {
      path: `/requests/${open.id}/manage`,
      userId: users.vcseOwner.id,
      title: named("Manage your request", open.title),
    },
    "a request's pledge form": {
      path: `/requests/${open.id}/pledge`,
      userId: users.otherSupplierOwner.id,
      title: named("Pledge to a request", open.title),
    },
    "a survey": { path: `/survey/${survey.cycle.id}`, userId: survey.owner.id, title: surveyName },
    "a survey's answers to check": {
      path: `/survey/${survey.cycle.id}/check-answers`,
      userId: survey.owner.id,
      title: `Check your answers – ${surveyName}`,
    },
  } satisfies Record<string, Page>);
});

const titleOf = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1]?.replaceAll("&#x27;", "'");

describe("a record's page", () => {
  it.each([
    "a council's partnership change",
    "a mailbox message",
    "a contract's new commitment",
    "a contract's details",
    "a measure",
    "a request's review",
    "an organisation's verification",
    "an organisation's details",
    "a pledge",
    "a request's edit",
    "a request's management",
    "a request's pledge form",
    "a survey",
    "a survey's answers to check",
  ])("%s has a title naming its record", async (name) => {
    const { path, userId, title } = pages[name]!;
    expect(titleOf(await pageHtmlAs(path, userId))).toBe(`${title} – Social Value Marketplace`);
  });

  it.each(["a pledge", "a request's review", "a contract's details"])(
    "%s, to someone who may not see it, keeps the error page's own title",
    async (name) => {
      const response = await renderPage(pages[name]!.path, await sessionCookieFor(outsider));
      expect(response.status).toBe(404);
      expect([...(await response.text()).matchAll(/<title>([^<]*)<\/title>/g)].map((m) => m[1])).toEqual([
        "Page not found – Social Value Marketplace",
      ]);
    },
  );
});
