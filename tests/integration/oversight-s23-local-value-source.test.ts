// Every local £ figure says where the council's proxy values come from; with none stated it told every reader to
// "add it in the council settings", a page only council admins can open. An officer is now told who can.
import { beforeAll, describe, expect, it } from "vitest";
import {
  createCommitment,
  createContract,
  createMeasure,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let admin: string;
let officer: string;

const ADMIN_HINT = "not stated – add it in the council settings";
const OFFICER_HINT = "not stated – a council admin can add it in the council settings";

beforeAll(async () => {
  world = await createWorld();
  const measure = await createMeasure({ councilId: world.councilA.id, proxyValueGbp: 15 });
  const contract = await createContract({
    councilId: world.councilA.id,
    supplierOrganisationId: world.supplier.id,
  });
  await createCommitment({
    contractId: contract.id,
    measureId: measure.id,
    targetQuantity: 100,
    plan: [{ financialYear: 2026, quarter: 1, targetQuantity: 40 }],
  });
  admin = await sessionCookieFor(world.users.councilAdmin.id);
  officer = await sessionCookieFor(world.users.officerA.id);
});

async function textOf(path: string, cookie: string) {
  const response = await renderPage(path, cookie);
  expect(response.status).toBe(200);
  return readableText(await response.text());
}

describe("the source of local £ values, when none is stated", () => {
  it("sends an admin to the council settings and tells an officer an admin can add it, on the dashboard", async () => {
    const forAdmin = await textOf("/council/dashboard", admin);
    expect(forAdmin).toContain(`Source: ${ADMIN_HINT}`);
    expect(forAdmin).not.toContain(OFFICER_HINT);
    const forOfficer = await textOf("/council/dashboard", officer);
    expect(forOfficer).toContain(`Source: ${OFFICER_HINT}`);
    expect(forOfficer).not.toContain(`Source: ${ADMIN_HINT}`);
  });

  it("says the same on the local £ page behind the figures", async () => {
    const path = "/council/reports/local-value?year=2026&view=planned";
    expect(await textOf(path, admin)).toContain(`Source: ${ADMIN_HINT}`);
    expect(await textOf(path, officer)).toContain(`Source: ${OFFICER_HINT}`);
  });
});
