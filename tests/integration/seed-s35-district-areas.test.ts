// The demo districts listed no postcode areas, though the request form says a request given only its postcode area
// is filed under the district that lists it: a demo request placed by "GU2" stayed under no district, so the
// district filter missed it and the figures by district counted it as "Remote or not given".
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { loader as listLoader } from "~/routes/requests._index.tsx";
import { seedDemoData } from "../../prisma/seed.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

beforeAll(async () => {
  await seedDemoData();
}, 120_000);

describe("the demo data's districts", () => {
  it("each list postcode areas, no area in two districts of one council", async () => {
    const districts = await db.district.findMany({
      select: { councilId: true, name: true, postcodeAreas: true },
    });
    expect(districts.length).toBeGreaterThan(0);
    for (const district of districts) expect(district.postcodeAreas, district.name).not.toEqual([]);
    for (const councilId of new Set(districts.map((d) => d.councilId))) {
      const areas = districts.filter((d) => d.councilId === councilId).flatMap((d) => d.postcodeAreas);
      expect(new Set(areas).size).toBe(areas.length);
    }
  });

  it("file a request placed by postcode area alone under the district that lists it", async () => {
    const council = await db.organisation.findFirstOrThrow({ where: { name: "Northshire County Council" } });
    // as requests.server.ts files a request given only its postcode area
    const district = await db.district.findFirst({
      where: { councilId: council.id, active: true, postcodeAreas: { has: "GU2" } },
      select: { name: true },
    });
    expect(district?.name).toBe("Guildford");
  });
});

// The demo's closed survey said "This survey closed on 30 June 2025. We received your answers on <the day the
// seed ran>": its answers are now dated while it was open.
describe("the demo data's survey answers", () => {
  it("to a closed survey were sent and consented to while it was open", async () => {
    const responses = await db.surveyResponse.findMany({
      where: { cycle: { status: "CLOSED" } },
      select: {
        submittedAt: true,
        consentGivenAt: true,
        cycle: { select: { opensOn: true, closesOn: true } },
      },
    });
    expect(responses.length).toBeGreaterThan(0);
    for (const { submittedAt, consentGivenAt, cycle } of responses) {
      const closesAt = cycle.closesOn.getTime() + 86_400_000;
      for (const at of [submittedAt, consentGivenAt]) {
        expect(at).not.toBeNull();
        expect(at!.getTime()).toBeGreaterThanOrEqual(cycle.opensOn.getTime());
        expect(at!.getTime()).toBeLessThan(closesAt);
      }
    }
  });
});

// The demo had no request for more than one council (decision 050), so the partnership need could not be shown.
describe("the demo data's partnership need", () => {
  it("is an open Northshire request also for Eastvale, listed under Eastvale", async () => {
    const east = await db.organisation.findFirstOrThrow({ where: { name: "Eastvale District Council" } });
    const shared = await db.request.findFirstOrThrow({
      where: { alsoFor: { some: { councilId: east.id } } },
      select: { id: true, status: true, council: { select: { name: true } } },
    });
    expect(shared).toMatchObject({ status: "OPEN", council: { name: "Northshire County Council" } });
    const list = await jsonOf<{ requests: { id: string }[] }>(
      await callLoader(listLoader, { path: `/requests?council=${east.id}` }),
    );
    expect(list.requests.map((r) => r.id)).toContain(shared.id);
  });
});
