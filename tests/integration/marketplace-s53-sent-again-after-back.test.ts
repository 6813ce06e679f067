// Without JavaScript, Back after posting a request or a pledge shows the form again with what was typed (the browser
// restores the fields) under a new one-off key (the page makes it afresh; a hidden input is not restored), so Submit
// made a second request sent for approval, or a second pledge on offer. The same answers sent again by the same
// person moments ago, while the first is still as that post left it, are now answered as the first was (decision
// 024). Other answers, a colleague's, the same long after, or after the first was decided on, withdrawn or declined,
// still make another.
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { SENT_TWICE_WINDOW_MS } from "~/domain/audit/audit.server.ts";
import { action as moderateAction } from "~/routes/council.moderation.$id.tsx";
import { action as pledgeDetailAction } from "~/routes/pledges.$id.tsx";
import { action as manageAction } from "~/routes/requests.$id.manage.tsx";
import { action as pledgeAction } from "~/routes/requests.$id.pledge.tsx";
import { action as newRequestAction } from "~/routes/requests.new/route.tsx";
import { createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { flashMessageOf } from "../helpers/flash.ts";
import { createVolunteeringCommitment } from "../helpers/pledge-commitment.ts";
import { requestForm } from "../helpers/request-form.ts";
import { callAction } from "../helpers/routes.ts";

type World = Awaited<ReturnType<typeof createWorld>>;
let world: World;
const cookies: Record<string, string> = {};
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
// each form the page makes has a key of its own
const freshKey = () => crypto.randomUUID();

beforeAll(async () => {
  world = await createWorld();
  for (const [name, user] of Object.entries(world.users)) cookies[name] = await sessionCookieFor(user.id);
});

/** A minute before the window a repeat is recognised in: a record made then was made long ago. */
const longAgo = () => new Date(Date.now() - SENT_TWICE_WINDOW_MS - 60_000);

describe("a request posted again from a fresh form", () => {
  const answers = (overrides: Record<string, string> = {}) =>
    requestForm(world, { intent: "submit", districtId: world.district.id, ...overrides });
  const post = (form: Record<string, string>, cookie = cookies.vcseOwner) =>
    callAction(newRequestAction, {
      path: "/requests/new",
      cookie,
      form: { ...form, submissionKey: freshKey() },
    });
  const madeWith = (title: string) =>
    db.request.findMany({
      where: { title },
      orderBy: { createdAt: "asc" },
      select: { id: true, status: true },
    });

  it("with the same answers is the request the first post made, told it was already sent", async () => {
    const form = answers();
    const first = await post(form);
    expect(first.status).toBe(302);
    expect(await flashMessageOf(first)).toBe("Request submitted for approval");
    const again = await post(form);
    expect(again.status).toBe(302);
    expect(again.headers.get("location")).toBe(first.headers.get("location"));
    expect(await flashMessageOf(again)).toBe(
      "You had already submitted this request for approval, so it was not sent again",
    );
    const made = await madeWith(form.title);
    expect(made).toEqual([{ id: expect.any(String), status: "SUBMITTED" }]);
    expect(first.headers.get("location")).toBe(`/requests/${made[0].id}/manage`);
    expect(await db.requestEvent.count({ where: { requestId: made[0].id } })).toBe(2); // draft, submitted
    expect(await db.auditLog.count({ where: { entityId: made[0].id, action: "request.submit" } })).toBe(1);
  });

  it("with the same answers from two forms at once makes one request", async () => {
    const form = answers();
    const both = await Promise.all([post(form), post(form)]);
    expect(both.map((a) => a.status)).toEqual([302, 302]);
    expect(both[1].headers.get("location")).toBe(both[0].headers.get("location"));
    expect(await madeWith(form.title)).toHaveLength(1);
  });

  it("saved as a draft with the same answers is the draft the first post saved", async () => {
    const form = answers({ intent: "draft" });
    const first = await post(form);
    const again = await post(form);
    expect(again.headers.get("location")).toBe(first.headers.get("location"));
    expect(await flashMessageOf(again)).toBe("You had already saved this draft, so it was not saved again");
    expect(await madeWith(form.title)).toEqual([{ id: expect.any(String), status: "DRAFT" }]);
  });

  it("with other answers makes another request", async () => {
    const form = answers();
    const first = await post(form);
    const others: Record<string, string>[] = [
      { quantity: "13" },
      { neededBy: inDays(31) },
      { description: `${form.description} Gloves are provided.` },
      { districtId: "", isRemote: "on" },
    ];
    for (const other of others) {
      const again = await post({ ...form, ...other });
      expect(again.status).toBe(302);
      expect(again.headers.get("location")).not.toBe(first.headers.get("location"));
      expect(await flashMessageOf(again)).toBe("Request submitted for approval");
    }
    expect(await madeWith(form.title)).toHaveLength(5);
  });

  it("with the same answers makes another when a colleague sends it, long after, or once the first was decided on or withdrawn", async () => {
    // a colleague in the same organisation
    const byColleague = answers();
    await post(byColleague);
    await post(byColleague, cookies.vcseMember);
    expect(await madeWith(byColleague.title)).toHaveLength(2);

    // long after
    const later = answers();
    await post(later);
    await db.request.updateMany({ where: { title: later.title }, data: { createdAt: longAgo() } });
    await post(later);
    expect(await madeWith(later.title)).toHaveLength(2);

    // approved by the council, or withdrawn by the group
    const decided = answers();
    const withdrawn = answers();
    for (const form of [decided, withdrawn]) await post(form);
    const [approve] = await madeWith(decided.title);
    const [withdraw] = await madeWith(withdrawn.title);
    const approved = await callAction(moderateAction, {
      path: `/council/moderation/${approve.id}`,
      params: { id: approve.id },
      cookie: cookies.officerA,
      form: { intent: "approve" },
    });
    expect(approved.status).toBe(302);
    const withdrawal = await callAction(manageAction, {
      path: `/requests/${withdraw.id}/manage`,
      params: { id: withdraw.id },
      cookie: cookies.vcseOwner,
      form: { intent: "withdraw", reason: "Posted by mistake" },
    });
    expect(withdrawal.status).toBe(302);
    for (const form of [decided, withdrawn]) {
      const again = await post(form);
      expect(await flashMessageOf(again)).toBe("Request submitted for approval");
    }
    expect((await madeWith(decided.title)).map((r) => r.status)).toEqual(["OPEN", "SUBMITTED"]);
    expect((await madeWith(withdrawn.title)).map((r) => r.status)).toEqual(["WITHDRAWN", "SUBMITTED"]);
  });
});

describe("a pledge sent again from a fresh form", () => {
  const aRequest = (quantity: number) =>
    createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      createdById: world.users.vcseOwner.id,
      quantity,
    });
  const pledge = (requestId: string, fields: Record<string, string>, cookie = cookies.supplierOwner) =>
    callAction(pledgeAction, {
      path: `/requests/${requestId}/pledge`,
      params: { id: requestId },
      cookie,
      form: { ...fields, submissionKey: freshKey() },
    });
  const pledgesOn = (requestId: string) =>
    db.pledge.findMany({
      where: { requestId },
      orderBy: { createdAt: "asc" },
      select: { id: true, status: true, quantity: true },
    });
  const onPledge = (id: string, cookie: string, form: Record<string, string>) =>
    callAction(pledgeDetailAction, { path: `/pledges/${id}`, params: { id }, cookie, form });

  /** Sends `fields` from two forms, the second once the first is answered, and checks they made one pledge. */
  async function sentAgain(need: { id: string }, fields: Record<string, string>) {
    const since = new Date();
    const first = await pledge(need.id, fields);
    expect(first.status).toBe(302);
    expect(await flashMessageOf(first)).toBe("Pledge sent");
    const again = await pledge(need.id, fields);
    expect(again.status).toBe(302);
    expect(again.headers.get("location")).toBe(first.headers.get("location"));
    expect(await flashMessageOf(again)).toBe("You had already sent this pledge, so it was not sent again");
    const made = await pledgesOn(need.id);
    expect(made).toEqual([{ id: expect.any(String), status: "OFFERED", quantity: Number(fields.quantity) }]);
    expect(first.headers.get("location")).toBe(`/pledges/${made[0].id}`);
    expect((await db.request.findUniqueOrThrow({ where: { id: need.id } })).pledgedQuantity).toBe(
      Number(fields.quantity),
    );
    expect(await db.pledgeEvent.count({ where: { pledgeId: made[0].id } })).toBe(1);
    expect(
      await db.emailOutbox.count({ where: { template: "marketplace.newPledge", createdAt: { gte: since } } }),
    ).toBe(1);
  }

  it("with the same answers is the pledge the first made", async () => {
    await sentAgain(await aRequest(20), { quantity: "5", expectedDeliveryDate: inDays(10) });
  });

  it("with the same answers is the pledge the first made even when it asks more than is now left", async () => {
    // 5 of 8 hours: what is left (3) is less than the pledge sent again asks, which is not a reason to refuse it
    await sentAgain(await aRequest(8), {
      quantity: "5",
      expectedDeliveryDate: inDays(10),
      message: "Five hours from our team",
    });
  });

  it("with the same answers from two forms at once makes one pledge", async () => {
    const need = await aRequest(20);
    const fields = { quantity: "5", expectedDeliveryDate: inDays(10) };
    const answers = await Promise.all([pledge(need.id, fields), pledge(need.id, fields)]);
    expect(answers.map((a) => a.status)).toEqual([302, 302]);
    expect(answers[1].headers.get("location")).toBe(answers[0].headers.get("location"));
    expect(await pledgesOn(need.id)).toHaveLength(1);
  });

  it("with another quantity, date, message or commitment makes another pledge", async () => {
    const need = await aRequest(40);
    const commitment = await createVolunteeringCommitment(world, `S53-${crypto.randomUUID().slice(0, 8)}`);
    const fields = { quantity: "5", expectedDeliveryDate: inDays(10) };
    await pledge(need.id, fields);
    const others: Record<string, string>[] = [
      { quantity: "4" },
      { expectedDeliveryDate: inDays(11) },
      { message: "We can also bring tools" },
      { commitmentId: commitment.id },
    ];
    for (const other of others) {
      const again = await pledge(need.id, { ...fields, ...other });
      expect(again.status).toBe(302);
      expect(await flashMessageOf(again)).toBe("Pledge sent");
    }
    expect(await pledgesOn(need.id)).toHaveLength(5);
  });

  it("with the same answers makes another when a colleague sends it, long after, or once the first was accepted, declined or withdrawn", async () => {
    const fields = { quantity: "2", expectedDeliveryDate: inDays(10) };

    const byColleague = await aRequest(10);
    await pledge(byColleague.id, fields);
    await pledge(byColleague.id, fields, cookies.supplierMember);
    expect(await pledgesOn(byColleague.id)).toHaveLength(2);

    const later = await aRequest(10);
    await pledge(later.id, fields);
    await db.pledge.updateMany({ where: { requestId: later.id }, data: { createdAt: longAgo() } });
    await pledge(later.id, fields);
    expect(await pledgesOn(later.id)).toHaveLength(2);

    const cases: { to: string; by: string; form: Record<string, string> }[] = [
      { to: "ACCEPTED", by: cookies.vcseOwner, form: { intent: "accept" } },
      { to: "DECLINED", by: cookies.vcseOwner, form: { intent: "decline", reason: "We have enough" } },
      { to: "WITHDRAWN", by: cookies.supplierOwner, form: { intent: "withdraw" } },
    ];
    for (const { to, by, form } of cases) {
      const need = await aRequest(10);
      const first = await pledge(need.id, fields);
      const pledgeId = first.headers.get("location")!.split("/")[2]!;
      expect((await onPledge(pledgeId, by, form)).status).toBe(302);
      const again = await pledge(need.id, fields);
      expect(await flashMessageOf(again)).toBe("Pledge sent");
      expect((await pledgesOn(need.id)).map((p) => p.status)).toEqual([to, "OFFERED"]);
    }
  });
});
