// The departmental report's "Download as CSV" link names the council whose report page gave it. Before, the file
// was made for whichever council the header switcher named when it was fetched: someone working for two councils
// who had switched to the other in another window downloaded the other council's figures, under the same file
// name, without a word. The link is still for that council's officers only.
import { beforeAll, describe, expect, it } from "vitest";
import { ORGANISATION_COOKIE } from "~/auth/permissions.server.ts";
import { loader as csvLoader } from "~/routes/council.reports.departmental[.]csv.ts";
import { loader as reportLoader } from "~/routes/council.reports._index.tsx";
import {
  addMember,
  createCommitment,
  createContract,
  createMeasure,
  createMember,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let twoCouncils: string;
let officerOfB: string;

beforeAll(async () => {
  world = await createWorld();
  for (const [council, reference] of [
    [world.councilA, "CSV-OF-A"],
    [world.councilB, "CSV-OF-B"],
  ] as const) {
    const contract = await createContract({
      councilId: council.id,
      supplierOrganisationId: world.supplier.id,
      reference,
      department: "Resources",
    });
    const measure = await createMeasure({ councilId: council.id });
    await createCommitment({ contractId: contract.id, measureId: measure.id });
  }
  await addMember(world.councilB.id, world.users.officerA.id, "OFFICER");
  // working for council B now, in another window
  twoCouncils = `${await sessionCookieFor(world.users.officerA.id)}; ${ORGANISATION_COOKIE}=${world.councilB.id}`;
  officerOfB = await sessionCookieFor((await createMember(world.councilB.id, "OFFICER")).id);
});

const download = (cookie: string, council: string) =>
  callLoader(csvLoader, {
    path: `/council/reports/departmental.csv?quarter=2026-Q2&department=Resources&council=${council}`,
    cookie,
  });

describe("the departmental report's CSV link", () => {
  it("is made on the report page for the council the page shows", async () => {
    const cookie = await sessionCookieFor(world.users.officerA.id);
    const page = await jsonOf<{ search: string }>(
      await callLoader(reportLoader, {
        path: `/council/reports?quarter=2026-Q2&department=Resources`,
        cookie: `${cookie}; ${ORGANISATION_COOKIE}=${world.councilA.id}`,
      }),
    );
    expect(page.search).toContain(`council=${world.councilA.id}`);
  });

  it("downloads that council's figures though the switcher has moved to the other council since", async () => {
    const response = await download(twoCouncils, world.councilA.id);
    expect(response.status).toBe(200);
    const csv = await response.text();
    expect(csv).toContain("CSV-OF-A");
    expect(csv).not.toContain("CSV-OF-B");
  });

  it("is 404 to an officer of the other council only", async () => {
    expect((await download(officerOfB, world.councilA.id)).status).toBe(404);
  });
});
