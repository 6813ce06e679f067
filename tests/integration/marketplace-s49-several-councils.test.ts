// A request can be for more than one council (decision 050): its lead council (councilId) and others it is also
// for, ticked on the request form, stored with it, named on its page and card, and listed under each of them.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { matchingRequests } from "~/domain/marketplace/matching.server.ts";
import { ALSO_FOR_NOT_A_COUNCIL, ALSO_FOR_THE_LEAD } from "~/domain/marketplace/schemas.ts";
import { loader as publicLoader } from "~/routes/requests.$id._index.tsx";
import { action as editAction, loader as editLoader } from "~/routes/requests.$id.edit.tsx";
import { loader as listLoader } from "~/routes/requests._index.tsx";
import { action as pledgeAction, loader as pledgeLoader } from "~/routes/requests.$id.pledge.tsx";
import { action as newAction } from "~/routes/requests.new/route.tsx";
import {
  createCommitment,
  createContract,
  createCouncil,
  createMeasure,
  createRequest,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { requestForm } from "../helpers/request-form.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";

type World = Awaited<ReturnType<typeof createWorld>>;
let world: World;
let vcseOwner: string;
let councilC: { id: string; name: string };

beforeAll(async () => {
  world = await createWorld();
  vcseOwner = await sessionCookieFor(world.users.vcseOwner.id);
  councilC = await createCouncil();
});

const alsoForOf = async (requestId: string) =>
  (await db.requestAlsoFor.findMany({ where: { requestId }, orderBy: { councilId: "asc" } })).map(
    (a) => a.councilId,
  );

async function post(overrides: Record<string, string | string[]>) {
  const { alsoForCouncilIds, ...rest } = overrides;
  return callAction(newAction, {
    path: "/requests/new",
    cookie: vcseOwner,
    form: {
      ...requestForm(world, { isRemote: "on", ...(rest as Record<string, string>) }),
      ...(alsoForCouncilIds ? { alsoForCouncilIds } : {}),
    },
  });
}

describe("the request form's other councils", () => {
  it("stores every other council ticked, in the request's own transaction", async () => {
    const response = await post({ alsoForCouncilIds: [world.councilB.id, councilC.id] });
    expect(response.status).toBe(302);
    const id = response.headers.get("location")!.split("/")[2];
    expect(await alsoForOf(id)).toEqual([world.councilB.id, councilC.id].sort());
  });

  it.each([
    ["the lead council itself", () => world.councilA.id, ALSO_FOR_THE_LEAD],
    ["an organisation that is not a council", () => world.supplier.id, ALSO_FOR_NOT_A_COUNCIL],
    ["an id that names nothing", () => "nosuchcouncil", ALSO_FOR_NOT_A_COUNCIL],
  ])("refuses %s next to the field, keeping what was typed", async (_, id, message) => {
    const title = `Kept title ${Date.now()}`;
    const before = await db.request.count();
    const response = await post({ title, alsoForCouncilIds: [world.councilB.id, id()] });
    expect(response.status).toBe(400);
    const reply = await jsonOf<{ error: Record<string, string[]>; initialValue: Record<string, unknown> }>(
      response,
    );
    expect(reply.error.alsoForCouncilIds).toEqual([message]);
    expect(reply.initialValue.title).toBe(title);
    expect(reply.initialValue.alsoForCouncilIds).toEqual([world.councilB.id, id()]);
    expect(await db.request.count()).toBe(before);
  });

  it("is changed on edit: the form shows the ones saved, and saving with others ticked keeps only those", async () => {
    const response = await post({ alsoForCouncilIds: [world.councilB.id] });
    const id = response.headers.get("location")!.split("/")[2];
    const page = await jsonOf<{ alsoFor: string[] }>(
      await callLoader(editLoader, { path: `/requests/${id}/edit`, params: { id }, cookie: vcseOwner }),
    );
    expect(page.alsoFor).toEqual([world.councilB.id]);
    const saved = await callAction(editAction, {
      path: `/requests/${id}/edit`,
      params: { id },
      cookie: vcseOwner,
      form: { ...requestForm(world, { isRemote: "on" }), alsoForCouncilIds: [councilC.id] },
    });
    expect(saved.status).toBe(302);
    expect(await alsoForOf(id)).toEqual([councilC.id]);
    // none ticked: it is for its lead council only
    await callAction(editAction, {
      path: `/requests/${id}/edit`,
      params: { id },
      cookie: vcseOwner,
      form: requestForm(world, { isRemote: "on" }),
    });
    expect(await alsoForOf(id)).toEqual([]);
  });
});

// an open request of council A, also for council B
async function partnershipNeed() {
  const need = await createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    title: `Partnership need ${Date.now()}`,
  });
  await db.requestAlsoFor.create({ data: { requestId: need.id, councilId: world.councilB.id } });
  return need;
}

describe("a request for several councils, shown", () => {
  it("names each council it is for on its page and on its card", async () => {
    const need = await partnershipNeed();
    const page = await jsonOf<{ request: { councilNames: string[] } }>(
      await callLoader(publicLoader, { path: `/requests/${need.id}`, params: { id: need.id } }),
    );
    expect(page.request.councilNames).toEqual([world.councilA.name, world.councilB.name]);
    const list = await jsonOf<{ requests: { id: string; about: string }[] }>(
      await callLoader(listLoader, { path: `/requests?council=${world.councilA.id}` }),
    );
    const card = list.requests.find((r) => r.id === need.id)!;
    expect(card.about).toContain(`${world.councilA.name} and ${world.councilB.name}`);
  });

  // the list without search words (newest first: the need was published last), a search by best match and a
  // search by date are three queries, each with the council filter
  it.each([
    ["its lead council", () => world.councilA.id, true],
    ["a council it is also for", () => world.councilB.id, true],
    ["a council it is not for", () => councilC.id, false],
  ])("is listed under %s, searched or not", async (_, council, listed) => {
    const need = await partnershipNeed();
    const words = `q=${encodeURIComponent(need.title)}`;
    for (const query of ["sort=newest", words, `${words}&sort=closing`]) {
      const list = await jsonOf<{ requests: { id: string }[] }>(
        await callLoader(listLoader, { path: `/requests?council=${council()}&${query}` }),
      );
      expect(
        list.requests.some((r) => r.id === need.id),
        query,
      ).toBe(listed);
    }
  });

  // the count of a council-filtered list reads the requests it leads and those it is only also for apart
  // (decision 050, addendum): each is counted once, under each council it is for
  it.each([
    ["its lead council", () => world.councilA.id, 1],
    ["a council it is also for", () => world.councilB.id, 1],
    ["a council it is not for", () => councilC.id, 0],
  ])("is counted once under %s", async (_, council, added) => {
    const total = async () =>
      (
        await jsonOf<{ total: number }>(
          await callLoader(listLoader, { path: `/requests?council=${council()}` }),
        )
      ).total;
    const before = await total();
    await partnershipNeed();
    expect(await total()).toBe(before + added);
  });
});

// the world's supplier's running contract with `councilId`, committing it to volunteering hours
async function volunteeringCommitment(councilId: string, supplierOrganisationId = world.supplier.id) {
  const measure = await createMeasure({ councilId, contributingHelpTypes: ["VOLUNTEERING"] });
  const contract = await createContract({
    councilId,
    supplierOrganisationId,
    endDate: new Date(Date.now() + 365 * 86_400_000),
  });
  return createCommitment({ contractId: contract.id, measureId: measure.id });
}

describe("a pledge to a request for several councils", () => {
  let commitments: Record<"A" | "B" | "C", { id: string }>;
  let supplierOwner: string;
  beforeAll(async () => {
    supplierOwner = await sessionCookieFor(world.users.supplierOwner.id);
    commitments = {
      A: await volunteeringCommitment(world.councilA.id),
      B: await volunteeringCommitment(world.councilB.id),
      C: await volunteeringCommitment(councilC.id),
    };
  });

  it("offers the supplier's commitments with its lead council and the councils it is also for, not others", async () => {
    const need = await partnershipNeed();
    const form = await jsonOf<{ commitments: { id: string }[] }>(
      await callLoader(pledgeLoader, { path: "/", params: { id: need.id }, cookie: supplierOwner }),
    );
    expect(form.commitments.map((c) => c.id).sort()).toEqual([commitments.A.id, commitments.B.id].sort());
  });

  it.each([
    ["its lead council", "A", 302],
    ["a council it is also for", "B", 302],
    ["a council it is not for", "C", 400],
  ] as const)("counts towards a commitment with %s only if it is one", async (_, council, status) => {
    const need = await partnershipNeed();
    const response = await callAction(pledgeAction, {
      path: "/",
      params: { id: need.id },
      cookie: supplierOwner,
      form: {
        submissionKey: `s49-${need.id}`,
        quantity: "2",
        expectedDeliveryDate: new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10),
        commitmentId: commitments[council].id,
      },
    });
    expect(response.status).toBe(status);
    const pledge = await db.pledge.findFirst({ where: { requestId: need.id } });
    expect(pledge?.commitmentId ?? null).toBe(status === 302 ? commitments[council].id : null);
  });
});

describe("requests that fit a supplier's open commitments", () => {
  it("include a request also for the council of the supplier's contract, not one only for another council", async () => {
    // the other supplier holds a commitment with council C only
    await volunteeringCommitment(councilC.id, world.otherSupplier.id);
    const alsoForC = await partnershipNeed();
    await db.requestAlsoFor.create({ data: { requestId: alsoForC.id, councilId: councilC.id } });
    const onlyAB = await partnershipNeed();
    const { matches } = await matchingRequests(world.otherSupplier.id);
    const ids = matches.map((m) => m.request.id);
    expect(ids).toContain(alsoForC.id);
    expect(ids).not.toContain(onlyAB.id);
  });
});
