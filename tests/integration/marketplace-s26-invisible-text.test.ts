// A request's title or description made only of characters that show nothing (zero-width spaces, or NUL, which the
// database drops) was accepted and sent for moderation: the request was listed as a link with no words. A reason
// for declining or disputing, a moderator's "what needs to change", a delivery note and a saved search's name had
// the same gap, so a VCSE or supplier was sent a reason with no words. Each is now refused with what is wrong.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as moderationAction } from "~/routes/council.moderation.$id.tsx";
import { action as pledgeAction } from "~/routes/pledges.$id.tsx";
import { action as newRequestAction } from "~/routes/requests.new/route.tsx";
import { action as savedAction } from "~/routes/saved-searches.tsx";
import { createPledge, createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { createPartlyPledgedRequest } from "../helpers/pledged-request.ts";
import { callAction } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
const cookies: Record<string, string> = {};
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const ZERO_WIDTH = "\u200B\u200B\u200B\u200B\u200B\u200B";
const NUL = "\0\0\0\0\0\0";
const CANNOT_SEE = "must contain letters, numbers or other characters you can see";

beforeAll(async () => {
  world = await createWorld();
  cookies.vcse = await sessionCookieFor(world.users.vcseOwner.id);
  cookies.supplier = await sessionCookieFor(world.users.supplierOwner.id);
  cookies.officer = await sessionCookieFor(world.users.officerA.id);
});

const newRequest = (fields: { title: string; description: string }) =>
  callAction(newRequestAction, {
    path: "/requests/new",
    cookie: cookies.vcse,
    form: {
      intent: "submit",
      ...fields,
      councilId: world.councilA.id,
      categoryId: world.category.id,
      helpType: "GOODS",
      quantity: "5",
      districtId: world.district.id,
      neededBy: inDays(40),
      submissionKey: `invisible-${Math.random()}`,
    },
  });
const DESCRIPTION = "Fuel for our minibus so isolated older people can join our day trips.";

async function refused(answer: Response, message: string) {
  expect(answer.status).toBe(400);
  expect(await answer.text()).toContain(message);
}

describe("a new request", () => {
  it("is refused a title of zero-width spaces, and nothing is saved", async () => {
    const before = await db.request.count({ where: { organisationId: world.vcse.id } });
    await refused(
      await newRequest({ title: ZERO_WIDTH, description: DESCRIPTION }),
      `The title ${CANNOT_SEE}`,
    );
    expect(await db.request.count({ where: { organisationId: world.vcse.id } })).toBe(before);
  });

  it("is asked for a title or description that is only NUL", async () => {
    await refused(await newRequest({ title: NUL, description: DESCRIPTION }), "Enter a title");
    await refused(
      await newRequest({ title: "Minibus fuel", description: "\0".repeat(30) }),
      "Enter a description of what you need",
    );
  });

  it("counts the length of a title without its NUL characters", async () => {
    await refused(
      await newRequest({ title: "Bus\0\0\0\0", description: DESCRIPTION }),
      "Title must be 5 characters or more",
    );
  });

  it("is still saved with a title in any script", async () => {
    const answer = await newRequest({ title: "বাসের জন্য জ্বালানি", description: DESCRIPTION });
    expect(answer.status).toBe(302);
  });
});

describe("a reason, comment, note or name", () => {
  it("of zero-width spaces is refused when asking for changes", async () => {
    const need = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      status: "SUBMITTED",
    });
    const answer = await callAction(moderationAction, {
      path: `/council/moderation/${need.id}`,
      params: { id: need.id },
      cookie: cookies.officer,
      form: { intent: "requestChanges", comment: ZERO_WIDTH },
    });
    await refused(answer, `The comment ${CANNOT_SEE}`);
    expect((await db.request.findUniqueOrThrow({ where: { id: need.id } })).status).toBe("SUBMITTED");
  });

  it("of zero-width spaces or NUL is refused when declining or disputing a pledge", async () => {
    const { need, pledge: offered } = await createPartlyPledgedRequest(world);
    const onPledge = (id: string, cookie: string, form: Record<string, string>) =>
      callAction(pledgeAction, { path: `/pledges/${id}`, params: { id }, cookie, form });
    await refused(
      await onPledge(offered.id, cookies.vcse, { intent: "decline", reason: ZERO_WIDTH }),
      `The reason ${CANNOT_SEE}`,
    );
    await refused(
      await onPledge(offered.id, cookies.vcse, { intent: "decline", reason: NUL }),
      "Give a reason for declining",
    );
    expect((await db.pledge.findUniqueOrThrow({ where: { id: offered.id } })).status).toBe("OFFERED");

    const delivered = await createPledge({
      requestId: need.id,
      supplierOrganisationId: world.otherSupplier.id,
      status: "DELIVERED",
    });
    await refused(
      await onPledge(delivered.id, cookies.vcse, { intent: "dispute", reason: ZERO_WIDTH }),
      `The reason ${CANNOT_SEE}`,
    );
    expect((await db.pledge.findUniqueOrThrow({ where: { id: delivered.id } })).status).toBe("DELIVERED");
  });

  it("of zero-width spaces is refused as a delivery note", async () => {
    const need = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      status: "FULLY_PLEDGED",
      pledgedQuantity: 5,
      quantity: 5,
    });
    const accepted = await createPledge({
      requestId: need.id,
      supplierOrganisationId: world.supplier.id,
      status: "ACCEPTED",
      quantity: 5,
    });
    const answer = await callAction(pledgeAction, {
      path: `/pledges/${accepted.id}`,
      params: { id: accepted.id },
      cookie: cookies.supplier,
      form: {
        intent: "reportDelivery",
        deliveredQuantity: "5",
        deliveredOn: inDays(0),
        deliveryNote: ZERO_WIDTH,
      },
    });
    await refused(answer, `The note ${CANNOT_SEE}`);
    expect((await db.pledge.findUniqueOrThrow({ where: { id: accepted.id } })).status).toBe("ACCEPTED");
  });

  it("of zero-width spaces is refused as a saved search's name", async () => {
    const answer = await callAction(savedAction, {
      path: "/saved-searches",
      cookie: cookies.supplier,
      form: { intent: "create", name: ZERO_WIDTH, query: "q=laptops" },
    });
    await refused(answer, `The name ${CANNOT_SEE}`);
    expect(await db.savedSearch.count({ where: { userId: world.users.supplierOwner.id } })).toBe(0);
  });
});
