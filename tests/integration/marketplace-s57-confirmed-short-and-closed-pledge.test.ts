// A tester's run through the marketplace (session 57). A pledge of 50 tins of food confirmed short at 45 read "50
// tins of food, confirmed" on the pledge form, beside "Still needed: 75 of the 120", and once the request was
// withdrawn its figure read "Pledged before it closed: 45 tins of food", which was neither what was pledged nor said
// it was delivered. A pledge sent as the request was withdrawn answered with the plain closed page: nothing said
// this pledge was not sent, and what the supplier wrote was lost. A charity's member opening the pledge form read
// "signed in for Riverside Food Bank that cannot pledge".
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import {
  addMember,
  createMember,
  createOrganisation,
  createPledge,
  createRequest,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { formOf, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  world = await createWorld();
});

const textOf = async (path: string, userId: string) =>
  readableMainText(await (await renderPage(path, await sessionCookieFor(userId))).text()).replace(
    /\s+/g,
    " ",
  );

// 120 tins of food asked for; the world's supplier pledged 50, delivered 45 and had them confirmed (45 counts)
const tinsConfirmedShort = async (
  status: "PARTIALLY_PLEDGED" | "WITHDRAWN" | "EXPIRED",
  organisationId = world.vcse.id,
  pledgedQuantity = 45,
) => {
  const need = await createRequest({
    councilId: world.councilA.id,
    organisationId,
    categoryId: world.category.id,
    helpType: "GOODS",
    unitLabel: "tins of food",
    quantity: 120,
    pledgedQuantity,
    status,
  });
  await createPledge({
    requestId: need.id,
    supplierOrganisationId: world.supplier.id,
    quantity: 50,
    status: "CONFIRMED",
    deliveredQuantity: 45,
  });
  return need;
};

describe("a pledge confirmed short of what was pledged", () => {
  it("is said on the pledge form as pledged and delivered, as the request's page says it", async () => {
    const need = await tinsConfirmedShort("PARTIALLY_PLEDGED");
    const said = `${world.supplier.name} has already pledged to this request: 50 tins of food pledged, 45 tins of food delivered, confirmed`;
    const form = await textOf(`/requests/${need.id}/pledge`, world.users.supplierMember.id);
    expect(form).toContain(said);
    expect(form).toContain("Still needed: 75 tins of food of the 120 tins of food asked for");
    expect(form).not.toContain("50 tins of food, confirmed");
    expect(await textOf(`/requests/${need.id}`, world.users.supplierMember.id)).toContain(
      said.replace("has already pledged", "has pledged"),
    );
  });
});

describe("the figure of a closed request with deliveries confirmed", () => {
  it("says what was delivered, not the delivered amount as pledged, on the manage page and the request's page", async () => {
    const need = await tinsConfirmedShort("WITHDRAWN");
    for (const path of [`/requests/${need.id}/manage`, `/requests/${need.id}`]) {
      const text = await textOf(path, world.users.vcseOwner.id);
      expect(text).toMatch(/Delivered:? 45 tins of food of the 120 tins of food asked for/);
      expect(text).not.toContain("Pledged before it closed");
    }
  });

  it("says what is still pledged besides, and is said so on the group's list and dashboard", async () => {
    const group = await createOrganisation({ kind: "VCSE", councilId: world.councilA.id });
    const owner = await createMember(group.id, "OWNER");
    // 45 confirmed of a pledge of 50, and 30 accepted before it expired, still to be delivered
    const need = await tinsConfirmedShort("EXPIRED", group.id, 75);
    await createPledge({
      requestId: need.id,
      supplierOrganisationId: world.otherSupplier.id,
      quantity: 30,
      status: "ACCEPTED",
    });
    // the manage page's summary list has no colon after its label
    for (const path of ["/my-requests", "/dashboard", `/requests/${need.id}/manage`])
      expect(await textOf(path, owner.id)).toMatch(
        /Delivered:? 45 tins of food of the 120 tins of food asked for, and 30 tins of food more pledged before it closed/,
      );
  });

  it("still says what was pledged when nothing was delivered", async () => {
    const need = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      quantity: 20,
      pledgedQuantity: 5,
      status: "EXPIRED",
    });
    await createPledge({
      requestId: need.id,
      supplierOrganisationId: world.supplier.id,
      quantity: 5,
      status: "ACCEPTED",
    });
    expect(await textOf(`/requests/${need.id}/manage`, world.users.vcseOwner.id)).toContain(
      "Pledged before it closed 5 hours of the 20 hours asked for",
    );
  });
});

describe("a pledge sent to a request that closed after the form was loaded", () => {
  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

  it.each([
    ["WITHDRAWN", "was withdrawn"],
    ["EXPIRED", "expired"],
  ] as const)("says it was not sent once %s, and shows what was written", async (status, how) => {
    const need = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      quantity: 20,
    });
    const cookie = await sessionCookieFor(world.users.supplierMember.id);
    expect((await renderPage(`/requests/${need.id}/pledge`, cookie)).status).toBe(200);
    // the group withdraws it (or it expires) while the supplier types
    await db.request.update({ where: { id: need.id }, data: { status, closedAt: new Date() } });
    const answer = await postPage(
      `/requests/${need.id}/pledge`,
      formOf({
        submissionKey: crypto.randomUUID(),
        quantity: "10",
        message: "Staff can come on Saturdays.\nCall Sam first.",
        expectedDeliveryDate: inDays(10),
      }),
      cookie,
    );
    expect(answer.status).toBe(400);
    const html = await answer.text();
    const text = readableMainText(html).replace(/\s+/g, " ");
    expect(text).toContain(`There is a problem Your pledge was not sent: the request ${how}.`);
    expect(text).toContain(`This request is closed: it ${how}`);
    expect(text).toContain("What you wrote How much 10");
    expect(text).toContain("Message to the requestor Staff can come on Saturdays. Call Sam first.");
    expect(text).toMatch(/When you expected to deliver it \d{1,2} [A-Z][a-z]+ \d{4}/);
    expect(html).not.toContain('name="quantity"');
    expect(await db.pledge.count({ where: { requestId: need.id } })).toBe(0);

    // the page opened afresh is the closed page alone
    const page = await textOf(`/requests/${need.id}/pledge`, world.users.supplierMember.id);
    expect(page).toContain(`This request is closed: it ${how}`);
    expect(page).not.toContain("There is a problem");
    expect(page).not.toContain("What you wrote");
  });
});

describe("the pledge page of someone who works for no business", () => {
  const openRequest = () =>
    createRequest({
      councilId: world.councilA.id,
      organisationId: world.otherVcse.id,
      categoryId: world.category.id,
      status: "OPEN",
    });

  it("names their organisation, which cannot pledge", async () => {
    const need = await openRequest();
    // the name is in bold: its tag reads as a space
    expect(await textOf(`/requests/${need.id}/pledge`, world.users.vcseOwner.id)).toContain(
      `You are signed in for ${world.vcse.name} , which cannot pledge: charities, community groups and councils post and oversee requests instead.`,
    );
  });

  it("names each of several, none of which can pledge", async () => {
    const need = await openRequest();
    const both = await createMember(world.vcse.id, "MEMBER");
    await addMember(world.councilA.id, both.id, "OFFICER");
    const text = await textOf(`/requests/${need.id}/pledge`, both.id);
    expect(text).toContain(
      "You are signed in for the organisations below, none of which can pledge: charities, community groups and councils post and oversee requests instead.",
    );
    expect(text).toContain(world.vcse.name);
    expect(text).toContain(world.councilA.name);
  });
});
