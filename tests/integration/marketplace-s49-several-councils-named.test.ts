// Follow-ups to a request for several councils (decision 050): every page that names the council a request is for
// names each of them, lead council first, and a colleague's change to them is not silently overwritten.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { loader as publicLoader } from "~/routes/requests.$id._index.tsx";
import { action as editAction } from "~/routes/requests.$id.edit.tsx";
import {
  createCommitment,
  createContract,
  createCouncil,
  createMeasure,
  createRequest,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";
import { requestForm } from "../helpers/request-form.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";

type World = Awaited<ReturnType<typeof createWorld>>;
let world: World;
let councilC: { id: string; name: string };

beforeAll(async () => {
  world = await createWorld();
  // named so that it sorts before council B: the others are listed in name order
  councilC = await createCouncil({ name: `Aardvark Council ${Date.now()}` });
});

// a request of council A's, also for council B and C
async function partnershipNeed(status: "SUBMITTED" | "OPEN" | "DRAFT" = "OPEN") {
  const need = await createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    title: `Partnership need ${Date.now()}`,
    status,
  });
  await db.requestAlsoFor.createMany({
    data: [world.councilB.id, councilC.id].map((councilId) => ({ requestId: need.id, councilId })),
  });
  return need;
}

const allThree = () => `${world.councilA.name}, ${councilC.name} and ${world.councilB.name}`;

describe("the officer's review page", () => {
  it("names the lead council and then the others it is for", async () => {
    const need = await partnershipNeed("SUBMITTED");
    const response = await renderPage(
      `/council/moderation/${need.id}`,
      await sessionCookieFor(world.users.officerA.id),
    );
    expect(response.status).toBe(200);
    expect(readableText(await response.text())).toContain(`Councils it is for ${allThree()}`);
  });
});

describe("the group's own 'Manage your request' page", () => {
  it("names the lead council and then the others it is for", async () => {
    const need = await partnershipNeed();
    const response = await renderPage(
      `/requests/${need.id}/manage`,
      await sessionCookieFor(world.users.vcseOwner.id),
    );
    expect(response.status).toBe(200);
    expect(readableText(await response.text())).toContain(`Councils it is for ${allThree()}`);
  });
});

describe("the pledge form of a request for several councils", () => {
  it("names each council in its caption and hint, and the council of each commitment's contract", async () => {
    for (const councilId of [world.councilA.id, world.councilB.id]) {
      const measure = await createMeasure({ councilId, contributingHelpTypes: ["VOLUNTEERING"] });
      const contract = await createContract({
        councilId,
        supplierOrganisationId: world.supplier.id,
        endDate: new Date(Date.now() + 365 * 86_400_000),
      });
      await createCommitment({ contractId: contract.id, measureId: measure.id });
    }
    const need = await partnershipNeed();
    const response = await renderPage(
      `/requests/${need.id}/pledge`,
      await sessionCookieFor(world.users.supplierOwner.id),
    );
    expect(response.status).toBe(200);
    const text = readableText(await response.text());
    expect(text).toContain(`${need.title} · ${allThree()}`);
    expect(text).toContain("your active contracts with a council this request is for");
    for (const council of [world.councilA, world.councilB])
      expect(text).toMatch(new RegExp(` with ${council.name}: [^()]+ \\(contract ends `));
  });
});

// a council named as also-for whose verification was later taken back (REJECTED): the form no longer offers it
describe("a council it is also for that is no longer verified", () => {
  async function withUnverifiedCouncil(status: "OPEN" | "DRAFT") {
    const need = await partnershipNeed(status);
    const gone = await createCouncil();
    await db.requestAlsoFor.create({ data: { requestId: need.id, councilId: gone.id } });
    await db.organisation.update({ where: { id: gone.id }, data: { status: "REJECTED" } });
    return { need, gone };
  }

  it("is not named on the request's page, as on its card", async () => {
    const { need } = await withUnverifiedCouncil("OPEN");
    const page = await jsonOf<{ request: { councilNames: string[] } }>(
      await callLoader(publicLoader, { path: `/requests/${need.id}`, params: { id: need.id } }),
    );
    expect(page.request.councilNames).toEqual([world.councilA.name, councilC.name, world.councilB.name]);
  });

  it("is kept when the request is edited, though the form has no box for it", async () => {
    const { need, gone } = await withUnverifiedCouncil("DRAFT");
    const saved = await callAction(editAction, {
      path: `/requests/${need.id}/edit`,
      params: { id: need.id },
      cookie: await sessionCookieFor(world.users.vcseOwner.id),
      // council B is unticked; the council no longer verified is not on the form at all
      form: { ...requestForm(world, { isRemote: "on" }), alsoForCouncilIds: [councilC.id] },
    });
    expect(saved.status).toBe(302);
    const rows = await db.requestAlsoFor.findMany({ where: { requestId: need.id } });
    expect(rows.map((r) => r.councilId).sort()).toEqual([councilC.id, gone.id].sort());
  });
});
