// Every action of the pledge and request lifecycles sent twice at once (a double click, a form sent again) is
// harmless: both answers are the success redirect, one history event is written and one email sent. A different
// change that is no longer possible, or the same one with other details, still gets the clear refusal.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { extendedReason } from "~/domain/marketplace/request-timeline.ts";
import { action as moderationAction } from "~/routes/council.moderation.$id.tsx";
import { action as pledgeAction } from "~/routes/pledges.$id.tsx";
import { action as pledgeFormAction } from "~/routes/requests.$id.pledge.tsx";
import { action as editAction } from "~/routes/requests.$id.edit.tsx";
import { action as manageAction } from "~/routes/requests.$id.manage.tsx";
import type { PledgeStatus, RequestStatus } from "~/generated/prisma/enums.ts";
import { createPledge, createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";

type World = Awaited<ReturnType<typeof createWorld>>;
let world: World;
const cookies: Record<string, string> = {};
const inDays = (days: number) => new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);
const today = () => new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  world = await createWorld();
  for (const [name, user] of Object.entries(world.users)) cookies[name] = await sessionCookieFor(user.id);
});

function aRequest(status: RequestStatus, pledgedQuantity = 0) {
  return createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    createdById: world.users.vcseOwner.id,
    quantity: 10,
    pledgedQuantity,
    status,
  });
}

async function aPledge(status: PledgeStatus) {
  const need = await aRequest("PARTIALLY_PLEDGED", 4);
  return createPledge({
    requestId: need.id,
    supplierOrganisationId: world.supplier.id,
    createdById: world.users.supplierOwner.id,
    quantity: 4,
    status,
  });
}

const onPledge = (id: string, cookie: string, form: Record<string, string>) =>
  callAction(pledgeAction, { path: `/pledges/${id}`, params: { id }, cookie, form });

type Case = {
  name: string;
  // makes the record, and says how to send the action and which history and email to count
  setUp: () => Promise<{
    send: () => Promise<Response>;
    events: () => Promise<number>;
    status: () => Promise<string>;
  }>;
  to: string;
  // the email the action sends, if any
  email?: string;
  // history events the action writes (a case-study choice writes none)
  newEvents?: number;
};

const pledgeCase = (
  name: string,
  from: PledgeStatus,
  to: PledgeStatus,
  who: "vcseOwner" | "supplierOwner",
  form: Record<string, string>,
  email: string,
): Case => ({
  name,
  to,
  email,
  setUp: async () => {
    const pledge = await aPledge(from);
    return {
      send: () => onPledge(pledge.id, cookies[who], form),
      events: () => db.pledgeEvent.count({ where: { pledgeId: pledge.id, toStatus: to } }),
      status: async () => (await db.pledge.findUniqueOrThrow({ where: { id: pledge.id } })).status,
    };
  },
});

const requestCase = (
  name: string,
  from: RequestStatus,
  to: RequestStatus,
  send: (id: string) => Promise<Response>,
  email?: string,
): Case => ({
  name,
  to,
  email,
  setUp: async () => {
    const need = await aRequest(from);
    return {
      send: () => send(need.id),
      // every event, not only those to the target: an extension keeps the status
      events: () => db.requestEvent.count({ where: { requestId: need.id } }),
      status: async () => (await db.request.findUniqueOrThrow({ where: { id: need.id } })).status,
    };
  },
});

const manage = (id: string, form: Record<string, string>) =>
  callAction(manageAction, {
    path: `/requests/${id}/manage`,
    params: { id },
    cookie: cookies.vcseOwner,
    form,
  });
const moderate = (id: string, form: Record<string, string>) =>
  callAction(moderationAction, {
    path: `/council/moderation/${id}`,
    params: { id },
    cookie: cookies.officerA,
    form,
  });
const editAndSubmit = (id: string) =>
  callAction(editAction, {
    path: `/requests/${id}/edit`,
    params: { id },
    cookie: cookies.vcseOwner,
    form: {
      intent: "submit",
      title: "Laptops for the homework club",
      description: "Refurbished laptops so children can do their homework after school.",
      councilId: world.councilA.id,
      categoryId: world.category.id,
      helpType: "GOODS",
      quantity: "6",
      unitLabel: "laptops",
      districtId: world.district.id,
      neededBy: inDays(45),
    },
  });

const CASES: Case[] = [
  pledgeCase(
    "accept a pledge",
    "OFFERED",
    "ACCEPTED",
    "vcseOwner",
    { intent: "accept" },
    "marketplace.accept",
  ),
  pledgeCase(
    "decline a pledge",
    "OFFERED",
    "DECLINED",
    "vcseOwner",
    { intent: "decline", reason: "We have found help elsewhere" },
    "marketplace.decline",
  ),
  pledgeCase(
    "call off an accepted pledge (decline)",
    "ACCEPTED",
    "DECLINED",
    "vcseOwner",
    { intent: "decline", reason: "The project was cancelled" },
    "marketplace.decline",
  ),
  pledgeCase(
    "withdraw a pledge",
    "OFFERED",
    "WITHDRAWN",
    "supplierOwner",
    { intent: "withdraw", reason: "Our team is no longer free" },
    "marketplace.withdraw",
  ),
  pledgeCase(
    "report delivery",
    "ACCEPTED",
    "DELIVERED",
    "supplierOwner",
    {
      intent: "reportDelivery",
      deliveredQuantity: "4",
      deliveredOn: today(),
      deliveryNote: "Four hours given",
    },
    "marketplace.reportDelivery",
  ),
  pledgeCase(
    "report delivery again after a dispute",
    "DISPUTED",
    "DELIVERED",
    "supplierOwner",
    { intent: "reportDelivery", deliveredQuantity: "4", deliveredOn: today(), deliveryNote: "Put right" },
    "marketplace.reportDelivery",
  ),
  pledgeCase(
    "confirm delivery",
    "DELIVERED",
    "CONFIRMED",
    "vcseOwner",
    { intent: "confirm", rating: "5", feedback: "Thank you" },
    "marketplace.confirm",
  ),
  pledgeCase(
    "confirm a disputed delivery",
    "DISPUTED",
    "CONFIRMED",
    "vcseOwner",
    { intent: "confirm" },
    "marketplace.confirm",
  ),
  pledgeCase(
    "dispute delivery",
    "DELIVERED",
    "DISPUTED",
    "vcseOwner",
    { intent: "dispute", reason: "Only two hours were given" },
    "marketplace.dispute",
  ),
  requestCase("submit a request", "DRAFT", "SUBMITTED", (id) => manage(id, { intent: "submit" })),
  requestCase("edit and submit a request", "CHANGES_REQUESTED", "SUBMITTED", editAndSubmit),
  requestCase(
    "approve a request",
    "SUBMITTED",
    "OPEN",
    (id) => moderate(id, { intent: "approve" }),
    "marketplace.approve",
  ),
  requestCase(
    "ask for changes",
    "SUBMITTED",
    "CHANGES_REQUESTED",
    (id) => moderate(id, { intent: "requestChanges", comment: "Please say how many children benefit" }),
    "marketplace.requestChanges",
  ),
  requestCase("withdraw a request", "OPEN", "WITHDRAWN", (id) =>
    manage(id, { intent: "withdraw", reason: "No longer needed" }),
  ),
  requestCase("extend a request", "OPEN", "OPEN", (id) =>
    manage(id, { intent: "extend", neededBy: inDays(120) }),
  ),
  {
    ...requestCase("agree to be a case study", "FULFILLED", "FULFILLED", (id) =>
      manage(id, { intent: "showcase", showcaseConsent: "on" }),
    ),
    newEvents: 0,
  },
  {
    // the pledge itself: the form's one-off key makes the second the first
    name: "pledge to a request",
    to: "OFFERED",
    email: "marketplace.newPledge",
    setUp: async () => {
      const need = await aRequest("OPEN");
      const form = {
        submissionKey: `twice-${need.id}`,
        quantity: "3",
        expectedDeliveryDate: inDays(20),
      };
      const pledgeOf = () => db.pledge.findFirstOrThrow({ where: { requestId: need.id } });
      return {
        send: () =>
          callAction(pledgeFormAction, {
            path: `/requests/${need.id}/pledge`,
            params: { id: need.id },
            cookie: cookies.supplierOwner,
            form,
          }),
        events: () => db.pledgeEvent.count({ where: { pledge: { requestId: need.id } } }),
        status: async () => (await pledgeOf()).status,
      };
    },
  },
];

describe("an action sent twice at once", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s: both redirect, one event, one email", async (_, c) => {
    const record = await c.setUp();
    const before = await record.events();
    const since = new Date();
    const answers = await Promise.all([record.send(), record.send()]);
    const texts = await Promise.all(answers.map((a) => a.clone().text()));
    expect(
      answers.map((a) => a.status),
      texts.join("\n"),
    ).toEqual([302, 302]);
    expect(answers[1].headers.get("location")).toBe(answers[0].headers.get("location"));
    // the same success message: the flash cookie each sets says the same
    expect(answers[1].headers.get("set-cookie")?.split(";")[0].split("=")[0]).toBe(
      answers[0].headers.get("set-cookie")?.split(";")[0].split("=")[0],
    );
    expect(await record.status()).toBe(c.to);
    expect((await record.events()) - before).toBe(c.newEvents ?? 1);
    const emails = await db.emailOutbox.findMany({
      where: { createdAt: { gte: since }, template: { startsWith: "marketplace." } },
      select: { template: true, to: true },
    });
    expect(emails).toEqual(c.email ? [expect.objectContaining({ template: c.email })] : []);
  });
});

describe("what is not a repeat is still refused", () => {
  const refusal = async (response: Response) => {
    expect(response.status).toBe(400);
    return JSON.stringify(await response.json());
  };

  it("refuses accept once the pledge has been accepted and then delivered", async () => {
    const pledge = await aPledge("OFFERED");
    expect((await onPledge(pledge.id, cookies.vcseOwner, { intent: "accept" })).status).toBe(302);
    const delivered = await onPledge(pledge.id, cookies.supplierOwner, {
      intent: "reportDelivery",
      deliveredQuantity: "4",
      deliveredOn: today(),
      deliveryNote: "All done",
    });
    expect(delivered.status).toBe(302);
    // the other side's change since is said as who did what, and when (session 57)
    expect(await refusal(await onPledge(pledge.id, cookies.vcseMember, { intent: "accept" }))).toMatch(
      new RegExp(
        `${escaped(world.supplier.name)} reported the delivery of this pledge on [^"]+, so it was not accepted\\.`,
      ),
    );
    expect(await db.pledgeEvent.count({ where: { pledgeId: pledge.id, toStatus: "ACCEPTED" } })).toBe(1);
  });

  it("refuses accept after a colleague declined: a different change, not a repeat", async () => {
    const pledge = await aPledge("OFFERED");
    const declined = await onPledge(pledge.id, cookies.vcseMember, {
      intent: "decline",
      reason: "Not needed",
    });
    expect(declined.status).toBe(302);
    expect(await refusal(await onPledge(pledge.id, cookies.vcseOwner, { intent: "accept" }))).toContain(
      "This cannot be done while the pledge is declined.",
    );
  });

  it("refuses a second decline, delivery or dispute with other details than the first", async () => {
    const offered = await aPledge("OFFERED");
    await onPledge(offered.id, cookies.vcseOwner, { intent: "decline", reason: "We have enough" });
    expect(
      await refusal(
        await onPledge(offered.id, cookies.vcseMember, { intent: "decline", reason: "Too late" }),
      ),
    ).toContain("declined");

    const accepted = await aPledge("ACCEPTED");
    const report = { intent: "reportDelivery", deliveredOn: today(), deliveryNote: "Delivered" };
    await onPledge(accepted.id, cookies.supplierOwner, { ...report, deliveredQuantity: "4" });
    expect(
      await refusal(
        await onPledge(accepted.id, cookies.supplierOwner, { ...report, deliveredQuantity: "3" }),
      ),
    ).toContain("This cannot be done while the pledge is delivered.");
    expect(await db.pledge.findUniqueOrThrow({ where: { id: accepted.id } })).toMatchObject({
      deliveredQuantity: 4,
    });

    const delivered = await aPledge("DELIVERED");
    await onPledge(delivered.id, cookies.vcseOwner, { intent: "confirm", rating: "5" });
    expect(
      await refusal(await onPledge(delivered.id, cookies.vcseOwner, { intent: "confirm", rating: "2" })),
    ).toContain("confirmed");
  });

  it("refuses the supplier's withdraw of a pledge the requestor declined, and the same for one the system declined", async () => {
    const pledge = await aPledge("OFFERED");
    await onPledge(pledge.id, cookies.vcseOwner, { intent: "decline", reason: "Not needed" });
    expect(await refusal(await onPledge(pledge.id, cookies.supplierOwner, { intent: "withdraw" }))).toMatch(
      new RegExp(`${escaped(world.vcse.name)} declined this pledge on [^"]+, so it was not withdrawn\\.`),
    );

    // a request withdrawn declines its offers (the system's decline): the requestor's own decline is refused
    const need = await aRequest("PARTIALLY_PLEDGED", 4);
    const offer = await createPledge({
      requestId: need.id,
      supplierOrganisationId: world.supplier.id,
      quantity: 4,
    });
    expect((await manage(need.id, { intent: "withdraw" })).status).toBe(302);
    expect(
      await refusal(await onPledge(offer.id, cookies.vcseOwner, { intent: "decline", reason: "Not needed" })),
    ).toContain("declined");
  });

  it("refuses a second extension to another date, and approving a request whose changes were asked for", async () => {
    const need = await aRequest("OPEN");
    expect((await manage(need.id, { intent: "extend", neededBy: inDays(100) })).status).toBe(302);
    expect(await refusal(await manage(need.id, { intent: "extend", neededBy: inDays(110) }))).toContain(
      "A request can be extended only once.",
    );
    expect(
      await db.requestEvent.count({ where: { requestId: need.id, reason: extendedReason(inDays(100)) } }),
    ).toBe(1);

    const submitted = await aRequest("SUBMITTED");
    expect(
      (await moderate(submitted.id, { intent: "requestChanges", comment: "Add a date please" })).status,
    ).toBe(302);
    expect(await refusal(await moderate(submitted.id, { intent: "approve" }))).toContain(
      // the officer's own request for changes, which the page now names (session 57)
      "You asked the group for changes to this request on",
    );
  });

  it("refuses a second edit-and-submit that changed the request", async () => {
    const need = await aRequest("DRAFT");
    expect((await editAndSubmit(need.id)).status).toBe(302);
    const changed = await callAction(editAction, {
      path: `/requests/${need.id}/edit`,
      params: { id: need.id },
      cookie: cookies.vcseOwner,
      form: {
        intent: "submit",
        title: "Something else entirely",
        description: "Refurbished laptops so children can do their homework after school.",
        councilId: world.councilA.id,
        categoryId: world.category.id,
        helpType: "GOODS",
        quantity: "6",
        districtId: world.district.id,
        neededBy: inDays(45),
      },
    });
    // the edit page itself sends a request that can no longer be edited to its manage page
    expect(changed.status).toBe(400);
    expect(await db.request.findUniqueOrThrow({ where: { id: need.id } })).toMatchObject({
      title: "Laptops for the homework club",
    });
  });
});

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
