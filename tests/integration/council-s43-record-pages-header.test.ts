// An admin of two partnered councils, with the header's switcher on one, registered a contract for the other from
// `/contracts/new?council=<other>`: the page it led to dropped the council from its address, and the header named the
// switcher's council (its name and colour) over the other council's contract. So did the contract's edit and
// commitment pages, a measure, a request to moderate, an organisation to verify, and a return and its review, which
// emails and lists link to without `?council`. A page about one record now shows the record's own council in its
// header, whatever the switcher says (decision 027), and registering a contract keeps the council on the page it
// leads to.
import { beforeAll, describe, expect, it } from "vitest";
import { ORGANISATION_COOKIE } from "~/auth/permissions.server.ts";
import { db } from "~/db.server.ts";
import {
  addMember,
  createCategory,
  createCommitment,
  createContract,
  createMeasure,
  createMember,
  createOrganisation,
  createRequest,
  createReturn,
  createWorld,
  sessionCookieFor,
  unique,
} from "../helpers/factories.ts";
import { newContractForm } from "../helpers/contract-forms.ts";
import {
  colourCouncils,
  councilIn,
  expectHeaderOf,
  otherCouncil as other,
  recordPage as page,
  type Council,
} from "../helpers/record-header.ts";
import { formOf, postPage, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let signedIn: string;
const records = {} as Record<Council, { pages: { location: string; shows: string }[]; supplierId: string }>;

const councilOf = (council: Council) => councilIn(world, council);
const switchedTo = (council: Council) => `${signedIn}; ${ORGANISATION_COOKIE}=${councilOf(council).id}`;

// One record of each kind the pages are about, of `council`, and the pages about them with what each shows of it.
async function recordsOf(council: Council) {
  const councilId = councilOf(council).id;
  const supplier = await createOrganisation({ kind: "SUPPLIER", councilId });
  const measure = await createMeasure({ councilId, code: unique(`M-${council}`) });
  const contract = await createContract({
    councilId,
    supplierOrganisationId: supplier.id,
    reference: unique(`CON-${council}`),
  });
  const commitment = await createCommitment({ contractId: contract.id, measureId: measure.id });
  const submitted = await createReturn({ contractId: contract.id, status: "SUBMITTED" });
  const group = await createOrganisation({ kind: "VCSE", councilId });
  const request = await createRequest({
    councilId,
    organisationId: group.id,
    categoryId: (await createCategory(councilId, unique("Food"))).id,
    title: unique(`Need of ${council}`),
    status: "SUBMITTED",
  });
  const pending = await createOrganisation({
    kind: "VCSE",
    councilId,
    status: "PENDING",
    name: unique(`Pending group of ${council}`),
  });
  const pages = [
    { location: `/contracts/${contract.id}`, shows: contract.reference },
    { location: `/contracts/${contract.id}/edit`, shows: contract.reference },
    { location: `/contracts/${contract.id}/commitments/new`, shows: contract.reference },
    { location: `/contracts/${contract.id}/commitments/${commitment.id}`, shows: contract.reference },
    { location: `/contracts/${contract.id}/commitments/${commitment.id}/remove`, shows: contract.reference },
    { location: `/council/measures/${measure.id}`, shows: measure.code },
    { location: `/council/moderation/${request.id}`, shows: request.title },
    { location: `/council/verification/${pending.id}`, shows: pending.name },
    { location: `/returns/${submitted.id}`, shows: contract.reference },
    { location: `/returns/${submitted.id}/review`, shows: contract.reference },
  ];
  return { pages, supplierId: supplier.id };
}

beforeAll(async () => {
  await renderPage("/");
  world = await createWorld();
  await colourCouncils(world);
  const admin = await createMember(world.councilA.id, "ADMIN");
  await addMember(world.councilB.id, admin.id, "ADMIN");
  signedIn = await sessionCookieFor(admin.id);
  records.A = await recordsOf("A");
  records.B = await recordsOf("B");
});

describe("the header of a page about one council's record, for an admin of two councils", () => {
  for (const council of ["A", "B"] as const)
    it(`names council ${council}, the record's, with the switcher on the other council`, async () => {
      for (const { location, shows } of records[council].pages) {
        const shown = await page(location, switchedTo(other(council)));
        expect(shown.main, location).toContain(shows);
        expectHeaderOf(world, shown, council, location);
      }
    });

  it("names the record's council with the switcher on that council too", async () => {
    for (const { location } of records.B.pages)
      expectHeaderOf(world, await page(location, switchedTo("B")), "B", location);
  });
});

describe("registering a contract for the council the address names", () => {
  it("leads to the contract's page naming that council, under its header", async () => {
    const reference = unique("REG-B");
    const response = await postPage(
      `/contracts/new?council=${world.councilB.id}`,
      formOf(newContractForm(records.B.supplierId, { reference })),
      switchedTo("A"),
    );
    expect(response.status).toBe(302);
    const saved = await db.contract.findFirstOrThrow({
      where: { reference },
      select: { id: true, councilId: true },
    });
    expect(saved.councilId).toBe(world.councilB.id);
    const location = response.headers.get("location")!;
    expect(location).toBe(`/contracts/${saved.id}?council=${world.councilB.id}`);
    const shown = await page(location, switchedTo("A"));
    expect(shown.main).toContain(reference);
    expectHeaderOf(world, shown, "B", location);
  });

  it("leads to the contract's plain address when the address names no council", async () => {
    const reference = unique("REG-A");
    const response = await postPage(
      "/contracts/new",
      formOf(newContractForm(records.A.supplierId, { reference })),
      switchedTo("A"),
    );
    expect(response.status).toBe(302);
    const saved = await db.contract.findFirstOrThrow({ where: { reference }, select: { id: true } });
    expect(response.headers.get("location")).toBe(`/contracts/${saved.id}`);
  });
});
