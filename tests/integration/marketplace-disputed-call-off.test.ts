// A disputed delivery that the supplier never puts right is not a trap for the requestor: they can call the pledge
// off (decline it with a reason), which gives its share back so the request can be pledged again, withdrawn or
// left to expire. Before, a disputed pledge held its share for ever: the request could not be withdrawn ("settle a
// delivery"), never expired (work under way) and the only way out was confirming a delivery that never came.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as pledgeDetailAction } from "~/routes/pledges.$id.tsx";
import { action as manageAction } from "~/routes/requests.$id.manage.tsx";
import { createPledge, createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";
import { callAction } from "../helpers/routes.ts";

type World = Awaited<ReturnType<typeof createWorld>>;
let world: World;
let vcseCookie: string;
let supplierCookie: string;

beforeAll(async () => {
  world = await createWorld();
  vcseCookie = await sessionCookieFor(world.users.vcseOwner.id);
  supplierCookie = await sessionCookieFor(world.users.supplierOwner.id);
});

const withdraw = (needId: string) =>
  callAction(manageAction, {
    path: "/",
    params: { id: needId },
    cookie: vcseCookie,
    form: { intent: "withdraw" },
  });
const decline = (pledgeId: string, cookie: string, reason: string) =>
  callAction(pledgeDetailAction, {
    path: "/",
    params: { id: pledgeId },
    cookie,
    form: { intent: "decline", reason },
  });

// A request of 5 hours, all pledged by one supplier: by default a delivery it disputed.
async function disputedRequest(
  options: {
    requestStatus?: "FULLY_PLEDGED" | "EXPIRED";
    pledgeStatus?: "DISPUTED" | "ACCEPTED";
    deliveredQuantity?: number;
    neededBy?: Date;
  } = {},
) {
  const need = await createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    quantity: 5,
    pledgedQuantity: 5,
    status: options.requestStatus ?? "FULLY_PLEDGED",
    ...(options.neededBy ? { neededBy: options.neededBy } : {}),
  });
  const pledge = await createPledge({
    requestId: need.id,
    supplierOrganisationId: world.supplier.id,
    createdById: world.users.supplierOwner.id,
    quantity: 5,
    deliveredQuantity: options.deliveredQuantity,
    status: options.pledgeStatus ?? "DISPUTED",
  });
  return { need, pledge };
}

describe("a disputed delivery never put right", () => {
  it("can be called off by the requestor, giving its share back and emailing the supplier", async () => {
    const { need, pledge } = await disputedRequest();
    expect((await withdraw(need.id)).status).toBe(400);
    expect((await db.request.findUniqueOrThrow({ where: { id: need.id } })).status).toBe("FULLY_PLEDGED");

    const calledOff = await decline(
      pledge.id,
      vcseCookie,
      "Nothing arrived and the supplier stopped answering",
    );
    expect(calledOff.status).toBe(302);
    expect(await db.pledge.findUniqueOrThrow({ where: { id: pledge.id } })).toMatchObject({
      status: "DECLINED",
      decisionReason: "Nothing arrived and the supplier stopped answering",
    });
    expect(await db.request.findUniqueOrThrow({ where: { id: need.id } })).toMatchObject({
      status: "OPEN",
      pledgedQuantity: 0,
    });
    expect(
      await db.pledgeEvent.findFirst({
        where: { pledgeId: pledge.id, fromStatus: "DISPUTED", toStatus: "DECLINED" },
      }),
    ).toMatchObject({ actorUserId: world.users.vcseOwner.id });
    expect(
      await db.emailOutbox.count({
        where: {
          to: world.users.supplierOwner.email,
          template: "marketplace.decline",
          text: { contains: need.title },
        },
      }),
    ).toBe(1);

    // the request is free again: it can now be withdrawn
    expect((await withdraw(need.id)).status).toBe(302);
    expect((await db.request.findUniqueOrThrow({ where: { id: need.id } })).status).toBe("WITHDRAWN");
  });

  it("called off twice at once is one change, one history entry and one email", async () => {
    const { need, pledge } = await disputedRequest();
    const callOff = () => decline(pledge.id, vcseCookie, "It never came");
    const answers = await Promise.all([callOff(), callOff()]);
    expect(answers.map((a) => a.status)).toEqual([302, 302]);
    expect(await db.pledgeEvent.count({ where: { pledgeId: pledge.id, toStatus: "DECLINED" } })).toBe(1);
    expect(
      await db.emailOutbox.count({
        where: { template: "marketplace.decline", text: { contains: need.title } },
      }),
    ).toBe(1);
    expect((await db.request.findUniqueOrThrow({ where: { id: need.id } })).pledgedQuantity).toBe(0);
  });

  it("tells the supplier the pledge it offered was called off, not the amount it reported delivering", async () => {
    const { need, pledge } = await disputedRequest({ deliveredQuantity: 2 });
    expect((await decline(pledge.id, vcseCookie, "Only part of it came")).status).toBe(302);
    const email = await db.emailOutbox.findFirstOrThrow({
      where: { template: "marketplace.decline", text: { contains: need.title } },
    });
    expect(email.text).toContain("Your pledge of 5 hours");
    expect(email.text).not.toContain("2 hours");
  });

  it("on a request that takes no new pledges, does not say other suppliers can pledge the amount", async () => {
    const { pledge } = await disputedRequest({ requestStatus: "EXPIRED", pledgeStatus: "ACCEPTED" });
    const page = (await (await renderPage(`/pledges/${pledge.id}`, vcseCookie)).text()).replace(
      /<!-- -->/g,
      "",
    );
    expect(page).toContain("Call off the pledge");
    // the page that asks before calling it off says what calling it off does
    const html = (await (await renderPage(`/pledges/${pledge.id}/call-off`, vcseCookie)).text()).replace(
      /<!-- -->/g,
      "",
    );
    expect(html).toContain("the request takes no new pledges, so no other supplier can pledge it.");
    expect(html).not.toContain("for other suppliers to pledge");
  });

  it("on a request past its needed-by date but not yet expired, does not say other suppliers can pledge the amount", async () => {
    const { pledge } = await disputedRequest({
      pledgeStatus: "ACCEPTED",
      neededBy: new Date(Date.now() - 3 * 86_400_000),
    });
    const html = (await (await renderPage(`/pledges/${pledge.id}/call-off`, vcseCookie)).text()).replace(
      /<!-- -->/g,
      "",
    );
    expect(html).toContain("the request takes no new pledges, so no other supplier can pledge it.");
    expect(html).not.toContain("for other suppliers to pledge");
  });

  it("cannot be called off by the supplier, nor declined with no reason", async () => {
    const { need, pledge } = await disputedRequest();
    expect((await decline(pledge.id, supplierCookie, "We would rather not")).status).toBe(400);
    expect((await decline(pledge.id, vcseCookie, "")).status).toBe(400);
    expect((await db.pledge.findUniqueOrThrow({ where: { id: pledge.id } })).status).toBe("DISPUTED");
    expect(await db.request.findUniqueOrThrow({ where: { id: need.id } })).toMatchObject({
      status: "FULLY_PLEDGED",
      pledgedQuantity: 5,
    });
  });
});

describe("calling off an accepted pledge with no reason", () => {
  it("asks for a reason for calling it off, as its form is headed, not for declining", async () => {
    const { pledge } = await disputedRequest({ pledgeStatus: "ACCEPTED" });
    const answer = await decline(pledge.id, vcseCookie, "");
    expect(answer.status).toBe(400);
    const reply = (await answer.json()) as { error: Record<string, string[]> };
    expect(reply.error).toEqual({ reason: ["Give a reason for calling off the pledge"] });
    expect((await db.pledge.findUniqueOrThrow({ where: { id: pledge.id } })).status).toBe("ACCEPTED");
  });
});
