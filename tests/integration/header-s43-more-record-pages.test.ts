// Pages about one record act for the record's own council or organisation whatever the header's switcher says
// (decision 027), but several still showed the switcher's council (its name and colour) in the header: a survey
// cycle's pages (its page, its edit page and its report) for an admin of two councils, a request's manage and edit
// pages for someone in two groups of two councils, a pledge's page for someone in two suppliers or groups, and an
// organisation's own page, its edit page and its delete page for the owner of two. Each now shows the record's.
import { beforeAll, describe, expect, it } from "vitest";
import { ORGANISATION_COOKIE } from "~/auth/permissions.server.ts";
import {
  addMember,
  createCategory,
  createMember,
  createOrganisation,
  createPledge,
  createRequest,
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
  otherCouncil as other,
  recordPage as page,
  type Council,
} from "../helpers/record-header.ts";
import { renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
// an admin of both councils with survey access
let councilAdmin: string;
// the owner of a group and of a supplier in each council, and their session
let ownerId: string;
let owner: string;
const groups = {} as Record<Council, string>;
const suppliers = {} as Record<Council, string>;
type Records = Awaited<ReturnType<typeof recordsOf>>;
const records = {} as Record<Council, Records>;

const councilOf = (council: Council) => councilIn(world, council);
const switched = (cookie: string, organisationId: string) =>
  `${cookie}; ${ORGANISATION_COOKIE}=${organisationId}`;

async function recordsOf(council: Council) {
  const councilId = councilOf(council).id;
  const cycle = await createSurveyCycle({ councilId, year: council === "A" ? 2026 : 2025 });
  const group = await createOrganisation({
    kind: "VCSE",
    councilId,
    status: "PENDING",
    name: unique(`Group ${council}`),
  });
  const supplier = await createOrganisation({
    kind: "SUPPLIER",
    councilId,
    name: unique(`Supplier ${council}`),
  });
  await addMember(group.id, ownerId, "OWNER");
  await addMember(supplier.id, ownerId, "OWNER");
  groups[council] = group.id;
  suppliers[council] = supplier.id;

  const categoryId = (await createCategory(councilId, unique(`Food ${council}`))).id;
  const draft = await createRequest({
    councilId,
    organisationId: group.id,
    categoryId,
    title: unique(`Draft of ${council}`),
    status: "DRAFT",
  });
  // a pledge to this group's request from someone else's supplier: the owner reads it as the group that asked
  const asked = await createRequest({
    councilId,
    organisationId: group.id,
    categoryId,
    title: unique(`Asked of ${council}`),
  });
  const othersSupplier = await createOrganisation({ kind: "SUPPLIER", councilId });
  const pledgeToGroup = await createPledge({
    requestId: asked.id,
    supplierOrganisationId: othersSupplier.id,
  });
  // a pledge from this supplier to someone else's group: the owner reads it as the supplier that pledged
  const othersGroup = await createOrganisation({ kind: "VCSE", councilId });
  const helped = await createRequest({
    councilId,
    organisationId: othersGroup.id,
    categoryId,
    title: unique(`Helped in ${council}`),
  });
  const pledgeFromSupplier = await createPledge({
    requestId: helped.id,
    supplierOrganisationId: supplier.id,
  });

  return { cycle, draft, asked, helped, group, supplier, pledgeToGroup, pledgeFromSupplier };
}

// Each page about one record, with what it shows of it (a field's value is no readable text: the edit pages say
// what they are).
type Page = { name: string; location: (r: Records) => string; shows: (r: Records) => string };
const SURVEY_PAGES: Page[] = [
  {
    name: "a survey cycle's page",
    location: (r) => `/council/survey/${r.cycle.id}`,
    shows: (r) => String(r.cycle.year),
  },
  {
    name: "its edit page",
    location: (r) => `/council/survey/${r.cycle.id}/edit`,
    shows: (r) => String(r.cycle.year),
  },
  {
    name: "its report",
    location: (r) => `/council/survey/${r.cycle.id}/report`,
    shows: (r) => String(r.cycle.year),
  },
];
const ORGANISATION_PAGES: Page[] = [
  {
    name: "a request's manage page",
    location: (r) => `/requests/${r.draft.id}/manage`,
    shows: (r) => r.draft.title,
  },
  {
    name: "a request's edit page",
    location: (r) => `/requests/${r.draft.id}/edit`,
    shows: () => "Edit request",
  },
  {
    name: "a pledge to the group",
    location: (r) => `/pledges/${r.pledgeToGroup.id}`,
    shows: (r) => r.asked.title,
  },
  {
    name: "a pledge from the supplier",
    location: (r) => `/pledges/${r.pledgeFromSupplier.id}`,
    shows: (r) => r.helped.title,
  },
  { name: "the group's page", location: (r) => `/organisations/${r.group.id}`, shows: (r) => r.group.name },
  {
    name: "the group's edit page",
    location: (r) => `/organisations/${r.group.id}/edit`,
    shows: (r) => r.group.name,
  },
  {
    name: "the group's delete page",
    location: (r) => `/organisations/${r.group.id}/delete`,
    shows: (r) => r.group.name,
  },
  {
    name: "the supplier's page",
    location: (r) => `/organisations/${r.supplier.id}`,
    shows: (r) => r.supplier.name,
  },
  {
    name: "the supplier's edit page",
    location: (r) => `/organisations/${r.supplier.id}/edit`,
    shows: (r) => r.supplier.name,
  },
  {
    name: "the supplier's delete page",
    location: (r) => `/organisations/${r.supplier.id}/delete`,
    shows: (r) => r.supplier.name,
  },
];

beforeAll(async () => {
  await renderPage("/");
  world = await createWorld();
  await colourCouncils(world);
  const admin = await createMember(world.councilA.id, "ADMIN", { surveyAccess: true });
  await addMember(world.councilB.id, admin.id, "ADMIN", true);
  councilAdmin = await sessionCookieFor(admin.id);
  ownerId = (await createUser({})).id;
  for (const council of COUNCILS) records[council] = await recordsOf(council);
  owner = await sessionCookieFor(ownerId);
});

describe("the header of a survey cycle's pages, for an admin of two councils", () => {
  for (const { name, location, shows } of SURVEY_PAGES)
    for (const council of COUNCILS)
      it(`names council ${council} on ${name} of ${council}, with the switcher on the other council`, async () => {
        const shown = await page(
          location(records[council]),
          switched(councilAdmin, councilOf(other(council)).id),
        );
        expect(shown.main).toContain(shows(records[council]));
        expectHeaderOf(world, shown, council, location(records[council]));
      });
});

describe("the header of a request's, a pledge's and an organisation's pages, for someone in two groups and two suppliers of two councils", () => {
  for (const { name, location, shows } of ORGANISATION_PAGES)
    for (const council of COUNCILS)
      for (const on of ["group", "supplier"] as const)
        it(`names council ${council} on ${name} of ${council}, with the switcher on the other council's ${on}`, async () => {
          const switchedTo = (on === "group" ? groups : suppliers)[other(council)];
          const shown = await page(location(records[council]), switched(owner, switchedTo));
          expect(shown.main).toContain(shows(records[council]));
          expectHeaderOf(world, shown, council, location(records[council]));
        });

  it("names the record's council with the switcher on that council's organisation too", async () => {
    for (const { location } of ORGANISATION_PAGES)
      expectHeaderOf(
        world,
        await page(location(records.B), switched(owner, groups.B)),
        "B",
        location(records.B),
      );
  });
});
