// The audit log's Organisation filter offers every organisation that acted in the council's log, not only those
// registered with the council: a supplier registered with a neighbouring council holds this council's contract
// and sends it returns, and the admin must be able to pick it to see what its people did. Before, it was not in
// the list, and an address naming it showed "Any organisation" beside entries filtered by it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { writeSurveyResponseAudit } from "~/domain/audit/audit.server.ts";
import { loader as auditLoader } from "~/routes/council.audit.tsx";
import { action as returnAction } from "~/routes/returns.$id._index/route.tsx";
import {
  createCommitment,
  createContract,
  createMeasure,
  createMember,
  createOrganisation,
  createReturn,
  createSurveyCycle,
  createSurveyResponse,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";

afterAll(() => closeRateLimits());

let world: Awaited<ReturnType<typeof createWorld>>;
let elsewhere: Awaited<ReturnType<typeof createOrganisation>>;
let admin: string;

beforeAll(async () => {
  world = await createWorld();
  admin = await sessionCookieFor(world.users.councilAdmin.id);
  // registered with council B, holding a council A contract, and sending council A its return
  elsewhere = await createOrganisation({
    kind: "SUPPLIER",
    councilId: world.councilB.id,
    name: "Neighbouring Builders Ltd",
  });
  const member = await createMember(elsewhere.id, "MEMBER");
  const measure = await createMeasure({ councilId: world.councilA.id, unit: "HOURS" });
  const contract = await createContract({
    councilId: world.councilA.id,
    supplierOrganisationId: elsewhere.id,
  });
  const commitment = await createCommitment({ contractId: contract.id, measureId: measure.id });
  const kpiReturn = await createReturn({ contractId: contract.id, financialYear: 2026, quarter: 1 });
  const submitted = await callAction(returnAction, {
    path: `/returns/${kpiReturn.id}`,
    params: { id: kpiReturn.id },
    cookie: await sessionCookieFor(member.id),
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
});

type AuditPage = {
  options: { organisations: { id: string; name: string }[] };
  entries: { action: string; actorOrganisation: { name: string } | null }[];
};

describe("the audit log's Organisation filter", () => {
  it("offers an organisation registered elsewhere that acted in this council's log", async () => {
    const page = await jsonOf<AuditPage>(
      await callLoader(auditLoader, { path: "/council/audit", cookie: admin }),
    );
    const names = page.options.organisations.map((o) => o.name);
    expect(names).toContain("Neighbouring Builders Ltd");
    // still the council and the organisations registered with it
    expect(names).toEqual(
      expect.arrayContaining([world.councilA.name, world.supplier.name, world.vcse.name]),
    );
    // but not every organisation of the other council
    expect(names).not.toContain(world.councilB.name);
  });

  it("shows it chosen beside what its people did", async () => {
    const path = `/council/audit?organisationId=${elsewhere.id}`;
    const page = await jsonOf<AuditPage>(await callLoader(auditLoader, { path, cookie: admin }));
    expect(page.entries.map((e) => `${e.action} for ${e.actorOrganisation?.name}`)).toEqual([
      "return.submit for Neighbouring Builders Ltd",
    ]);
    const html = await (await renderPage(path, admin)).text();
    expect(html).toContain(`<option value="${elsewhere.id}" selected="">Neighbouring Builders Ltd</option>`);
  });

  it("offers a business known only from survey entries to those who read them, and nobody else", async () => {
    const business = await createOrganisation({
      kind: "SUPPLIER",
      councilId: world.councilB.id,
      name: "Survey-only Ltd",
    });
    const owner = await createMember(business.id, "OWNER");
    const cycle = await createSurveyCycle({ councilId: world.councilA.id });
    const response = await createSurveyResponse({
      cycleId: cycle.id,
      organisationId: business.id,
      respondentUserId: owner.id,
    });
    await writeSurveyResponseAudit({
      actorUserId: owner.id,
      action: "survey.consent",
      entityId: response.id,
    });
    const plainAdmin = await sessionCookieFor((await createMember(world.councilA.id, "ADMIN")).id);
    const page = await jsonOf<AuditPage>(
      await callLoader(auditLoader, { path: "/council/audit", cookie: plainAdmin }),
    );
    expect(page.options.organisations.map((o) => o.name)).not.toContain("Survey-only Ltd");
    // while an admin who runs the survey, and reads its entries, is offered it
    const surveyAdmin = await sessionCookieFor(
      (await createMember(world.councilA.id, "ADMIN", { surveyAccess: true })).id,
    );
    const theirs = await jsonOf<AuditPage>(
      await callLoader(auditLoader, { path: "/council/audit", cookie: surveyAdmin }),
    );
    expect(theirs.options.organisations.map((o) => o.name)).toContain("Survey-only Ltd");
  });
});
