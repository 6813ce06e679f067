// A partnership officer (one login acting for every council of a partnership) who asked for another council's
// departmental CSV with a choice it cannot be made for was sent back to /council/reports without the council, and
// the page ignored `?council=` anyway: they landed on their own council's report, its contracts under the other
// council's question. The page now acts for the council it is given (its officers only, 404 to anyone else, as the
// CSV does), keeps it in its form, and the CSV's way back names it.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { loader as csvLoader } from "~/routes/council.reports.departmental[.]csv.ts";
import {
  createContract,
  createCouncil,
  createMember,
  createWorld,
  sessionCookieFor,
  unique,
} from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";
import { callLoader } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let partnershipOfficer: string;
let outsider: string;
let referenceOfA: string;
let referenceOfB: string;

beforeAll(async () => {
  world = await createWorld();
  referenceOfA = unique("PART-A");
  referenceOfB = unique("PART-B");
  for (const [council, reference] of [
    [world.councilA, referenceOfA],
    [world.councilB, referenceOfB],
  ] as const)
    await createContract({
      councilId: council.id,
      supplierOrganisationId: world.supplier.id,
      reference,
      department: "Resources",
    });
  // an officer of council A whom its admins made partnership-wide: acts for council B too, A being their own
  const officer = await createMember(world.councilA.id, "OFFICER");
  await db.membership.updateMany({
    where: { userId: officer.id, organisationId: world.councilA.id },
    data: { partnershipWide: true },
  });
  partnershipOfficer = await sessionCookieFor(officer.id);
  // a council outside the partnership, and one of its officers
  const elsewhere = await createCouncil();
  outsider = await sessionCookieFor((await createMember(elsewhere.id, "OFFICER")).id);
});

describe("the departmental report for a council worked for through a partnership", () => {
  it("shows the council named in the address, not the officer's own", async () => {
    const page = await renderPage(
      `/council/reports?quarter=2026-Q1&department=Resources&council=${world.councilB.id}`,
      partnershipOfficer,
    );
    expect(page.status).toBe(200);
    const html = await page.text();
    const text = readableMainText(html);
    expect(text).toContain(world.councilB.name);
    expect(text).toContain(referenceOfB);
    expect(text).not.toContain(referenceOfA);
    // a new choice in the form stays with that council
    expect(html).toMatch(new RegExp(`<input type="hidden" name="council" value="${world.councilB.id}"`));
  });

  it("comes back to that council's report from the CSV asked for with a bad choice", async () => {
    const csv = await callLoader(csvLoader, {
      path: `/council/reports/departmental.csv?quarter=garbage&department=Resources&council=${world.councilB.id}`,
      cookie: partnershipOfficer,
    });
    expect(csv.status).toBe(303);
    const location = csv.headers.get("location")!;
    expect(new URL(location, "http://x").searchParams.get("council")).toBe(world.councilB.id);
    const page = await renderPage(location, partnershipOfficer);
    expect(page.status).toBe(400);
    const text = readableMainText(await page.text());
    expect(text).toContain(world.councilB.name);
    expect(text).not.toContain(world.councilA.name);
    expect(text).toContain("Select a quarter");
  });

  it("is 404 for a council the officer does not act for, and shows nothing of it", async () => {
    const page = await renderPage(
      `/council/reports?quarter=2026-Q1&department=Resources&council=${world.councilB.id}`,
      outsider,
    );
    expect(page.status).toBe(404);
    expect(await page.text()).not.toContain(referenceOfB);
    const officerOfB = await sessionCookieFor(world.users.officerB.id);
    const other = await renderPage(
      `/council/reports?quarter=2026-Q1&department=Resources&council=${world.councilA.id}`,
      officerOfB,
    );
    expect(other.status).toBe(404);
  });

  it("is the officer's own council's report when no council is named", async () => {
    const page = await renderPage(
      `/council/reports?quarter=2026-Q1&department=Resources`,
      partnershipOfficer,
    );
    const text = readableMainText(await page.text());
    expect(text).toContain(referenceOfA);
    expect(text).not.toContain(referenceOfB);
  });
});
