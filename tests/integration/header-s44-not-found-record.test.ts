// Which council a page about one record shows in its header when the record is not found (decision 027, session 44).
// A page about one record shows its record's council in the header whatever the switcher says; a record the person
// may not see (another council's, or asked for naming a council it is not of: `/returns/<id>?council=<other>`) is
// answered 404, and that page has no record whose council it could show. Its header is then the switcher's, the
// council the person is working for, as on any page: never the council the address names (which would say "B has no
// such return" of a return the person may well see as A's), never the record's own council (which would tell
// whose the record is), and never a council the person is not a member of.
import { beforeAll, describe, expect, it } from "vitest";
import { ORGANISATION_COOKIE } from "~/auth/permissions.server.ts";
import { db } from "~/db.server.ts";
import {
  addMember,
  createCategory,
  createCommitment,
  createContract,
  createCouncil,
  createGuidancePage,
  createMeasure,
  createMember,
  createOrganisation,
  createPledge,
  createRequest,
  createReturn,
  createSurveyCycle,
  createUser,
  createWorld,
  sessionCookieFor,
  unique,
} from "../helpers/factories.ts";
import {
  colourCouncils,
  COUNCILS,
  councilIn,
  expectHeaderOf,
  otherCouncil,
  pageAsRead,
  type Council,
} from "../helpers/record-header.ts";
import { renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let elsewhere: Awaited<ReturnType<typeof createCouncil>>;
let staff: string;
let owner: string;
const councilPages: string[] = [];
const organisationPages: string[] = [];
let returnOfA: string;
const groups = new Map<Council, string>();

// the page is "not found" under `shown`'s header (its name and colour), naming no other council anywhere
async function expectNotFoundUnder(location: string, cookie: string, shown: Council) {
  const page = await pageAsRead(location, cookie);
  expect(page.status, location).toBe(404);
  expect(page.main, location).toContain("Page not found");
  expectHeaderOf(world, page, shown, location);
  for (const other of [councilIn(world, otherCouncil(shown)), elsewhere]) {
    expect(page.header, location).not.toContain(other.name);
    expect(page.main, location).not.toContain(other.name);
  }
}

const switchedTo = (cookie: string, council: Council) =>
  `${cookie}; ${ORGANISATION_COOKIE}=${councilIn(world, council).id}`;

beforeAll(async () => {
  await renderPage("/");
  world = await createWorld();
  await colourCouncils(world);
  elsewhere = await createCouncil({ name: unique("Council C") });
  await db.councilSettings.update({
    where: { organisationId: elsewhere.id },
    data: { brandColour: "#8a1538" },
  });

  // an admin of councils A and B, and the owner of a group and a supplier in each
  const admin = await createMember(world.councilA.id, "ADMIN", { surveyAccess: true });
  await addMember(world.councilB.id, admin.id, "ADMIN");
  staff = await sessionCookieFor(admin.id);
  const person = await createUser({});
  for (const council of COUNCILS) {
    const councilId = councilIn(world, council).id;
    const group = await createOrganisation({ kind: "VCSE", councilId });
    await addMember(group.id, person.id, "OWNER");
    groups.set(council, group.id);
    await addMember((await createOrganisation({ kind: "SUPPLIER", councilId })).id, person.id, "OWNER");
  }
  owner = await sessionCookieFor(person.id);

  // the records of a council neither is in
  const councilId = elsewhere.id;
  const supplier = await createOrganisation({ kind: "SUPPLIER", councilId });
  const group = await createOrganisation({ kind: "VCSE", councilId });
  const pending = await createOrganisation({ kind: "VCSE", councilId, status: "PENDING" });
  const measure = await createMeasure({ councilId, code: unique("M-C") });
  const contract = await createContract({ councilId, supplierOrganisationId: supplier.id });
  const commitment = await createCommitment({ contractId: contract.id, measureId: measure.id });
  const submitted = await createReturn({ contractId: contract.id, status: "SUBMITTED" });
  const categoryId = (await createCategory(councilId)).id;
  const asked = await createRequest({ councilId, organisationId: group.id, categoryId, status: "SUBMITTED" });
  const draft = await createRequest({ councilId, organisationId: group.id, categoryId, status: "DRAFT" });
  const pledge = await createPledge({ requestId: asked.id, supplierOrganisationId: supplier.id });
  const cycle = await createSurveyCycle({ councilId });
  const guidance = await createGuidancePage({ councilId });
  councilPages.push(
    `/contracts/${contract.id}`,
    `/contracts/${contract.id}/edit`,
    `/contracts/${contract.id}/commitments/new`,
    `/contracts/${contract.id}/commitments/${commitment.id}`,
    `/contracts/${contract.id}/commitments/${commitment.id}/remove`,
    `/council/measures/${measure.id}`,
    `/council/moderation/${asked.id}`,
    `/council/verification/${pending.id}`,
    `/returns/${submitted.id}`,
    `/returns/${submitted.id}/review`,
    `/council/survey/${cycle.id}`,
    `/council/survey/${cycle.id}/edit`,
    `/council/survey/${cycle.id}/report`,
    `/council/guidance/${guidance.id}`,
    `/council/guidance/${guidance.id}/delete`,
  );
  organisationPages.push(
    `/requests/${draft.id}/manage`,
    `/requests/${draft.id}/edit`,
    `/pledges/${pledge.id}`,
    `/organisations/${group.id}`,
    `/organisations/${group.id}/edit`,
    `/organisations/${group.id}/delete`,
    `/organisations/${supplier.id}`,
  );

  // a return of council A, which the admin may see as A's
  const suppliersOfA = await createOrganisation({ kind: "SUPPLIER", councilId: world.councilA.id });
  const contractOfA = await createContract({
    councilId: world.councilA.id,
    supplierOrganisationId: suppliersOfA.id,
  });
  await createCommitment({
    contractId: contractOfA.id,
    measureId: (await createMeasure({ councilId: world.councilA.id })).id,
  });
  returnOfA = (await createReturn({ contractId: contractOfA.id, status: "SUBMITTED" })).id;
});

describe("a page about another council's record, for an admin of councils A and B", () => {
  it("is not found under the switcher's council, not the council its address names nor the record's", async () => {
    for (const location of councilPages) {
      await expectNotFoundUnder(`${location}?council=${world.councilB.id}`, switchedTo(staff, "A"), "A");
      await expectNotFoundUnder(`${location}?council=${world.councilA.id}`, switchedTo(staff, "B"), "B");
      await expectNotFoundUnder(location, switchedTo(staff, "B"), "B");
    }
  });

  it("answers council A's return asked for as council B's under the switcher's council", async () => {
    const location = `/returns/${returnOfA}?council=${world.councilB.id}`;
    await expectNotFoundUnder(location, switchedTo(staff, "A"), "A");
    await expectNotFoundUnder(location, switchedTo(staff, "B"), "B");
  });
});

describe("a page about another council's group's record, for someone in a group and a supplier of councils A and B", () => {
  it("is not found under the switcher's organisation's council, not one its address names nor the record's", async () => {
    for (const location of organisationPages)
      for (const switched of COUNCILS) {
        const cookie = `${owner}; ${ORGANISATION_COOKIE}=${groups.get(switched)}`;
        const named = groups.get(otherCouncil(switched));
        await expectNotFoundUnder(`${location}?organisation=${named}`, cookie, switched);
      }
  });
});

describe("a council officer of council A only", () => {
  it("asking for council B's return naming council B is answered under council A's header", async () => {
    const officer = await sessionCookieFor(world.users.officerA.id);
    const supplier = await createOrganisation({ kind: "SUPPLIER", councilId: world.councilB.id });
    const contract = await createContract({
      councilId: world.councilB.id,
      supplierOrganisationId: supplier.id,
    });
    const returnOfB = await createReturn({ contractId: contract.id, status: "SUBMITTED" });
    await expectNotFoundUnder(`/returns/${returnOfB.id}?council=${world.councilB.id}`, officer, "A");
  });
});
