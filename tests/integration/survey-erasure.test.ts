// Deleting an account erases the person's own contact details from survey responses that named them (and their
// consent to be contacted), and their address from survey invitations; the business's answers, and so the
// aggregate report, stay as they were (docs/decisions/015-deleting-the-last-member.md).
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { deletedEmailFor } from "~/domain/accounts/erasure.server.ts";
import { action as deleteAction } from "~/routes/account.delete.tsx";
import * as contactsCsv from "~/routes/council.survey.$cycleId.contacts[.]csv.ts";
import * as report from "~/routes/council.survey.$cycleId.report.tsx";
import {
  addMember,
  createCouncil,
  createMember,
  createOrganisation,
  createSurveyCycle,
  createSurveyResponse,
  createUser,
  sessionCookieFor,
  TEST_PASSWORD,
  unique,
} from "../helpers/factories.ts";
import { callAction, callLoader } from "../helpers/routes.ts";

afterAll(() => closeRateLimits());

const CONSENT_ANSWERS = ["YES", "NO", "PREFER_NOT_TO_SAY", null] as const;

// Every survey row that could still name the person.
async function surveyRowsNaming(address: string, name: string) {
  const [row] = await db.$queryRaw<{ responses: number; invitations: number; audit: number }[]>`
    SELECT
      (SELECT count(*)::int FROM "SurveyResponse"
        WHERE "contactEmail" ILIKE ${address} OR "contactName" ILIKE ${name}) AS responses,
      (SELECT count(*)::int FROM "SurveyInvitation" WHERE email ILIKE ${address}) AS invitations,
      (SELECT count(*)::int FROM "AuditLog" WHERE details::text ILIKE ${`%${address}%`}) AS audit`;
  return row;
}

describe("deleting an account erases the person from the survey", () => {
  it("drops their contact details, consent to be contacted and address, and leaves the report unchanged", async () => {
    const council = await createCouncil();
    const officer = await createMember(council.id, "OFFICER", { surveyAccess: true });
    const officerCookie = await sessionCookieFor(officer.id);
    const cycle = await createSurveyCycle({ councilId: council.id, year: 2025, status: "CLOSED" });

    const name = unique("Pat Person");
    const address = `${unique("pat")}@example.test`;
    const person = await createUser({ name, email: address });
    const business = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    await createMember(business.id, "OWNER");
    await addMember(business.id, person.id, "MEMBER");

    // 20 businesses: 5 of each answer to "may we contact you", so every cell of that table is published
    const responses: string[] = [];
    for (let i = 0; i < 20; i++) {
      const organisationId =
        i === 0 ? business.id : (await createOrganisation({ kind: "SUPPLIER", councilId: council.id })).id;
      const response = await createSurveyResponse({
        cycleId: cycle.id,
        organisationId,
        respondentUserId: i === 0 ? person.id : undefined,
        protectedAnswers: { sex: i % 2 ? "FEMALE" : "MALE" },
        contactConsentAnswer: CONSENT_ANSWERS[i % 4],
      });
      responses.push(response.id);
    }
    const [own, legacy, colleagues] = [responses[0], responses[4], responses[8]];
    // the person's own business named them (typed in capitals); another business, from before the answer itself
    // was kept, named them too; a third named someone else
    await db.surveyResponse.update({
      where: { id: own },
      data: { contactName: name, contactEmail: address.toUpperCase() },
    });
    await db.surveyResponse.update({
      where: { id: legacy },
      data: { contactName: name, contactEmail: address, contactConsentAnswer: null, contactConsent: true },
    });
    await db.surveyResponse.update({
      where: { id: colleagues },
      data: { contactName: "Sam Colleague", contactEmail: "sam@example.test" },
    });
    const ownBefore = await db.surveyResponse.findUniqueOrThrow({ where: { id: own } });
    const invited = await db.surveyInvitation.create({
      data: { cycleId: cycle.id, organisationId: business.id, email: address, tokenHash: unique("hash") },
    });
    const otherInvitation = await db.surveyInvitation.create({
      data: { cycleId: cycle.id, organisationId: null, email: "sam@example.test", tokenHash: unique("hash") },
    });

    const readReport = async () => {
      const page = await callLoader(report.loader, {
        path: `/council/survey/${cycle.id}/report`,
        params: { cycleId: cycle.id },
        cookie: officerCookie,
      });
      expect(page.status).toBe(200);
      const { respondents, tables, comments } = (await page.json()) as {
        respondents: unknown;
        tables: { id: string; rows: { key: string; current: { count: number | null } }[] }[];
        comments: unknown;
      };
      return { respondents, tables, comments };
    };
    const readContacts = async () => {
      const csv = await callLoader(contactsCsv.loader, {
        path: `/council/survey/${cycle.id}/contacts.csv`,
        params: { cycleId: cycle.id },
        cookie: officerCookie,
      });
      return (await csv.text()).trim().split("\n");
    };
    const reportBefore = await readReport();
    const consentTable = reportBefore.tables.find((t) => t.id === "contactConsent")!;
    expect(consentTable.rows.find((r) => r.key === "YES")!.current.count).toBe(5);
    const contactsBefore = await readContacts();
    expect(contactsBefore).toHaveLength(6);
    expect(contactsBefore.filter((line) => line.toLowerCase().includes(address))).toHaveLength(2);

    const deleted = await callAction(deleteAction, {
      path: "/account/delete",
      cookie: await sessionCookieFor(person.id),
      headers: { "x-svm-client-ip": "10.9.8.7" },
      form: { currentPassword: TEST_PASSWORD },
    });
    expect(deleted.status).toBe(302);

    // nothing in the survey names them any more
    const placeholder = deletedEmailFor(person.id);
    expect(await surveyRowsNaming(address, name)).toEqual({ responses: 0, invitations: 0, audit: 0 });
    for (const id of [own, legacy])
      expect(await db.surveyResponse.findUniqueOrThrow({ where: { id } })).toMatchObject({
        contactName: null,
        contactEmail: null,
        contactConsent: false,
        // the answer as given stays: the report counts it
        contactConsentAnswer: "YES",
        status: "SUBMITTED",
      });
    const ownAfter = await db.surveyResponse.findUniqueOrThrow({ where: { id: own } });
    // the business's answers are untouched, and did not "change" (a later Send is not a new submission)
    expect(ownAfter).toMatchObject({
      organisationId: business.id,
      respondentUserId: person.id,
      barriers: ownBefore.barriers,
      derivedSize: ownBefore.derivedSize,
      submittedAt: ownBefore.submittedAt,
      updatedAt: ownBefore.updatedAt,
    });
    expect(await db.surveyProtectedAnswers.count({ where: { responseId: { in: [own, legacy] } } })).toBe(2);
    expect(await db.surveyResponse.findUniqueOrThrow({ where: { id: colleagues } })).toMatchObject({
      contactName: "Sam Colleague",
      contactEmail: "sam@example.test",
      contactConsent: true,
    });
    expect(await db.surveyInvitation.findUniqueOrThrow({ where: { id: invited.id } })).toMatchObject({
      email: placeholder,
      organisationId: business.id,
    });
    expect((await db.surveyInvitation.findUniqueOrThrow({ where: { id: otherInvitation.id } })).email).toBe(
      "sam@example.test",
    );

    // the aggregate report is exactly as it was; the contacts export no longer lists them
    expect(await readReport()).toEqual(reportBefore);
    const contactsAfter = await readContacts();
    expect(contactsAfter).toHaveLength(4);
    expect(contactsAfter.join("\n").toLowerCase()).not.toContain(address);
    expect(contactsAfter.join("\n")).toContain("Sam Colleague");

    // each response changed is logged in the council's log, saying nothing of the answers
    const logged = await db.auditLog.findMany({
      where: { action: "survey.response.contact_erase" },
      orderBy: { entityId: "asc" },
      select: { actorUserId: true, organisationId: true, entityType: true, entityId: true, details: true },
    });
    expect(logged).toEqual(
      [own, legacy].sort().map((entityId) => ({
        actorUserId: person.id,
        organisationId: council.id,
        entityType: "SurveyResponse",
        entityId,
        details: null,
      })),
    );
  });
});
