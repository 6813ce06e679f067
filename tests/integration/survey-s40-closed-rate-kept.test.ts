// Found in the s40 survey review: a closed survey's response rate ("N of M eligible or invited businesses
// responded") counted the suppliers eligible today, so the rate of a survey closed last year moved as suppliers
// joined or left. Closing (by hand or by the nightly job) now keeps how many businesses the survey had reached, and a
// closed survey's rate is read against that. Surveys closed before it was kept still read against today's count.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { closeFinishedCycles } from "~/domain/survey/anonymise.server.ts";
import { closeCycle } from "~/domain/survey/cycles.server.ts";
import * as cyclePage from "~/routes/council.survey.$cycleId._index.tsx";
import {
  createCouncil,
  createMember,
  createOrganisation,
  createSurveyCycle,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

const DAY = 24 * 60 * 60 * 1000;

async function councilWithSuppliers(area: string, suppliers: number) {
  const council = await createCouncil({ postcodeAreas: [area] });
  const officer = await createMember(council.id, "OFFICER", { surveyAccess: true });
  const cookie = await sessionCookieFor(officer.id);
  const addMore = async (n: number) => {
    for (let i = 0; i < n; i++)
      await createOrganisation({
        kind: "SUPPLIER",
        councilId: council.id,
        registeredPostcode: `${area} 1AA`,
      });
  };
  await addMore(suppliers);
  return { council, officer, cookie, addMore };
}

async function ratesOn(cycleId: string, cookie: string) {
  const { rates } = await jsonOf<{ rates: { eligible: number | null } }>(
    await callLoader(cyclePage.loader, { path: `/council/survey/${cycleId}`, params: { cycleId }, cookie }),
  );
  return rates;
}

describe("a closed survey's response rate", () => {
  it("is read against the businesses reached when it was closed by hand, not those eligible today", async () => {
    const { council, officer, cookie, addMore } = await councilWithSuppliers("GU1", 4);
    const cycle = await createSurveyCycle({ councilId: council.id, year: 2026 });
    expect(await ratesOn(cycle.id, cookie)).toMatchObject({ eligible: 4 });

    expect(await closeCycle({ userId: officer.id, councilId: council.id }, cycle.id)).toBe(true);
    expect((await db.surveyCycle.findUniqueOrThrow({ where: { id: cycle.id } })).reachedAtClose).toBe(4);

    // three suppliers join the area after the close, and one of the four leaves it
    await addMore(3);
    const leaver = await db.organisation.findFirstOrThrow({
      where: { councilId: council.id, kind: "SUPPLIER" },
    });
    await db.organisation.update({ where: { id: leaver.id }, data: { registeredPostcode: "ZZ9 9ZZ" } });
    expect(await ratesOn(cycle.id, cookie)).toMatchObject({ eligible: 4 });
  });

  it("is read against the businesses reached when the nightly job closed it", async () => {
    const { council, cookie, addMore } = await councilWithSuppliers("RH1", 5);
    const today = Date.now();
    const cycle = await createSurveyCycle({
      councilId: council.id,
      year: new Date(today - 40 * DAY).getUTCFullYear(),
      opensOn: new Date(today - 40 * DAY),
      closesOn: new Date(today - 2 * DAY),
    });
    expect(await closeFinishedCycles(new Date())).toBeGreaterThanOrEqual(1);
    expect((await db.surveyCycle.findUniqueOrThrow({ where: { id: cycle.id } })).reachedAtClose).toBe(5);

    await addMore(2);
    expect(await ratesOn(cycle.id, cookie)).toMatchObject({ eligible: 5 });
  });

  it("is read against today's businesses for a survey closed before the count was kept", async () => {
    const { council, cookie, addMore } = await councilWithSuppliers("GU2", 3);
    const cycle = await createSurveyCycle({ councilId: council.id, year: 2026, status: "CLOSED" });
    await db.surveyCycle.update({ where: { id: cycle.id }, data: { closedAt: new Date() } });
    expect(await ratesOn(cycle.id, cookie)).toMatchObject({ eligible: 3 });
    await addMore(1);
    expect(await ratesOn(cycle.id, cookie)).toMatchObject({ eligible: 4 });
  });
});
