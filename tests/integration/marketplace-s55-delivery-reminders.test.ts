// A delivery the supplier reported and the requestor never confirmed or disputed sat for ever: nobody was reminded,
// and the supplier's social value never counted. The nightly job now reminds the group that posted the request a
// week after the report and once more three weeks after it, each reminder once (two runs at once, or a run
// repeated, send nothing twice), and never confirms the delivery itself.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { londonDay, londonMidnight } from "~/domain/calendar.ts";
import { formatDate } from "~/domain/format.ts";
import { sendDeliveryReminders } from "~/domain/marketplace/delivery-reminders.server.ts";
import { changePledge } from "~/domain/marketplace/pledges.server.ts";
import { appUrl } from "~/env.server.ts";
import { createMember, createWorld, sessionCookieFor, type World } from "../helpers/factories.ts";
import { londonToday } from "../helpers/london-days.ts";
import { createPartlyPledgedRequest } from "../helpers/pledged-request.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";

const DAY = 24 * 60 * 60 * 1000;
const TEMPLATE = "marketplace.deliveryReminder";

let world: World;

beforeAll(async () => {
  world = await createWorld();
});

const oneLine = (text: string) => text.replace(/\s+/g, " ");

// An accepted pledge of 4 hours that the world's supplier reports delivered today; the request was posted by the
// world's VCSE member unless `postedBy` says otherwise (null: by someone no longer there).
async function reportedDelivery({ postedBy }: { postedBy?: string | null } = {}) {
  const { need, pledge } = await createPartlyPledgedRequest(world, {
    request: { createdById: postedBy === undefined ? world.users.vcseMember.id : (postedBy ?? undefined) },
    pledge: { status: "ACCEPTED", createdById: world.users.supplierOwner.id },
  });
  const reportedAt = await report(pledge.id);
  return { need, pledge, reportedAt };
}

async function report(pledgeId: string) {
  const result = await changePledge({
    pledgeId,
    action: "reportDelivery",
    roles: ["SUPPLIER"],
    actor: { userId: world.users.supplierOwner.id },
    deliveredQuantity: 4,
    deliveredOn: londonToday(),
    deliveryNote: "Four hours of gardening",
  });
  expect(result).toMatchObject({ ok: true, status: "DELIVERED" });
  const event = await db.pledgeEvent.findFirstOrThrow({
    where: { pledgeId, toStatus: "DELIVERED" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return event.createdAt;
}

function answer(pledgeId: string, action: "confirm" | "dispute") {
  return changePledge({
    pledgeId,
    action,
    roles: ["REQUESTOR"],
    actor: { userId: world.users.vcseMember.id },
    ...(action === "dispute" ? { reason: "Only two hours were done" } : { rating: 4 }),
  });
}

// 08:30 in London, `days` London days after the day of `reportedAt` (the job runs each morning)
const runOn = (reportedAt: Date, days: number) =>
  new Date(londonMidnight(new Date(londonDay(reportedAt).getTime() + days * DAY)).getTime() + 8.5 * 3600_000);

const remindersOf = (pledgeId: string) =>
  db.emailOutbox.findMany({
    where: { template: TEMPLATE, html: { contains: `/pledges/${pledgeId}` } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });

const stagesOf = (pledgeId: string) =>
  db.deliveryReminder
    .findMany({ where: { deliveryEvent: { pledgeId } }, orderBy: { stage: "asc" } })
    .then((rows) => rows.map((r) => r.stage));

describe("the first reminder", () => {
  it("is not sent in the first week, then sent once on the seventh day, to the group that posted the request", async () => {
    const { pledge, reportedAt } = await reportedDelivery();
    await sendDeliveryReminders(runOn(reportedAt, 0));
    await sendDeliveryReminders(runOn(reportedAt, 6));
    expect(await remindersOf(pledge.id)).toEqual([]);

    await sendDeliveryReminders(runOn(reportedAt, 7));
    // the same morning again (a retry), and the mornings after: nothing more until the second is due
    await sendDeliveryReminders(runOn(reportedAt, 7));
    await sendDeliveryReminders(runOn(reportedAt, 8));
    await sendDeliveryReminders(runOn(reportedAt, 20));
    const reminders = await remindersOf(pledge.id);
    // who posted the request, as the report's own email went to: not the group's other member, nor anyone else's
    const reported = await db.emailOutbox.findMany({
      where: { template: "marketplace.reportDelivery", html: { contains: `/pledges/${pledge.id}` } },
    });
    expect(reminders.map((e) => e.to)).toEqual([world.users.vcseMember.email]);
    expect(reported.map((e) => e.to)).toEqual([world.users.vcseMember.email]);
    expect(reminders[0]).toMatchObject({ councilId: world.councilA.id, userId: world.users.vcseMember.id });
    expect(await stagesOf(pledge.id)).toEqual([1]);
    // reminded, never confirmed for them
    expect(await db.pledge.findUniqueOrThrow({ where: { id: pledge.id } })).toMatchObject({
      status: "DELIVERED",
      confirmedAt: null,
    });
  });

  it("says who delivered what and when, and leads to the pledge's page to confirm or dispute it", async () => {
    const { need, pledge, reportedAt } = await reportedDelivery();
    await sendDeliveryReminders(runOn(reportedAt, 7));
    const [email] = await remindersOf(pledge.id);
    const supplier = await db.organisation.findUniqueOrThrow({ where: { id: world.supplier.id } });
    expect(email.subject).toBe(`Reminder: please confirm delivery: ${need.title}`);
    const text = oneLine(email.text);
    expect(text).toContain(
      `On ${formatDate(reportedAt)}, ${supplier.name} reported delivering 4 hours for your request “${need.title}”, delivered on ${formatDate(londonDay(reportedAt))}. Nobody from your group has confirmed it yet.`,
    );
    expect(text).toContain("Please confirm you received it.");
    expect(text).toContain("The delivery counts as social value delivered only once you confirm it.");
    expect(text).toContain(world.councilA.name);
    expect(email.html).toContain(`href="${appUrl()}/pledges/${pledge.id}"`);
    expect(text).toContain("Confirm or dispute the delivery");
    // the footer says why a reminder came, and what stops it
    expect(text).toContain(
      "You received this reminder because a supplier reported a delivery for your group’s request and nobody from your group has confirmed or disputed it yet. Confirming or disputing it stops the reminders.",
    );
    expect(text).not.toContain("because you use the Social Value Marketplace");
    expect(text).not.toContain("last reminder");
  });
});

describe("the second reminder", () => {
  it("is sent once, three weeks after the report, and says it is the last", async () => {
    const { need, pledge, reportedAt } = await reportedDelivery();
    await sendDeliveryReminders(runOn(reportedAt, 7));
    await sendDeliveryReminders(runOn(reportedAt, 21));
    await sendDeliveryReminders(runOn(reportedAt, 21));
    await sendDeliveryReminders(runOn(reportedAt, 22));
    await sendDeliveryReminders(runOn(reportedAt, 60));
    const reminders = await remindersOf(pledge.id);
    expect(reminders.map((e) => e.subject)).toEqual([
      `Reminder: please confirm delivery: ${need.title}`,
      `Last reminder: please confirm delivery: ${need.title}`,
    ]);
    expect(oneLine(reminders[1].text)).toContain(
      "This is the last reminder we will send about this delivery.",
    );
    expect(await stagesOf(pledge.id)).toEqual([1, 2]);
  });

  it("is the only one a delivery gets when the first was never sent before it was due", async () => {
    const { pledge, reportedAt } = await reportedDelivery();
    await sendDeliveryReminders(runOn(reportedAt, 30));
    await sendDeliveryReminders(runOn(reportedAt, 31));
    expect((await remindersOf(pledge.id)).map((e) => e.subject)).toEqual([
      expect.stringMatching(/^Last reminder: /),
    ]);
    expect(await stagesOf(pledge.id)).toEqual([2]);
  });
});

describe("a delivery the requestor has answered", () => {
  it("confirmed before the first reminder, is never reminded", async () => {
    const { pledge, reportedAt } = await reportedDelivery();
    expect(await answer(pledge.id, "confirm")).toMatchObject({ ok: true, status: "CONFIRMED" });
    await sendDeliveryReminders(runOn(reportedAt, 7));
    await sendDeliveryReminders(runOn(reportedAt, 21));
    expect(await remindersOf(pledge.id)).toEqual([]);
  });

  it("confirmed after the first reminder, gets no second", async () => {
    const { pledge, reportedAt } = await reportedDelivery();
    await sendDeliveryReminders(runOn(reportedAt, 7));
    expect(await answer(pledge.id, "confirm")).toMatchObject({ ok: true, status: "CONFIRMED" });
    await sendDeliveryReminders(runOn(reportedAt, 21));
    expect(await remindersOf(pledge.id)).toHaveLength(1);
  });

  it("disputed, is not reminded; reported again, it is reminded a week after the new report", async () => {
    const { pledge, reportedAt } = await reportedDelivery();
    await sendDeliveryReminders(runOn(reportedAt, 7));
    expect(await answer(pledge.id, "dispute")).toMatchObject({ ok: true, status: "DISPUTED" });
    await sendDeliveryReminders(runOn(reportedAt, 21));
    expect(await remindersOf(pledge.id)).toHaveLength(1);

    // put right: the supplier reports it again, the week counts from that report (here moved back to day 10)
    await report(pledge.id);
    const again = await db.pledgeEvent.findFirstOrThrow({
      where: { pledgeId: pledge.id, toStatus: "DELIVERED" },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
    const reportedAgainAt = new Date(reportedAt.getTime() + 10 * DAY);
    await db.pledgeEvent.update({ where: { id: again.id }, data: { createdAt: reportedAgainAt } });
    await sendDeliveryReminders(runOn(reportedAgainAt, 6));
    expect(await remindersOf(pledge.id)).toHaveLength(1);
    await sendDeliveryReminders(runOn(reportedAgainAt, 7));
    const reminders = await remindersOf(pledge.id);
    expect(reminders.map((e) => e.subject)).toEqual([
      expect.stringMatching(/^Reminder: /),
      expect.stringMatching(/^Reminder: /),
    ]);
    expect(oneLine(reminders[1].text)).toContain(`On ${formatDate(reportedAgainAt)},`);
    expect(
      await db.deliveryReminder.findMany({
        where: { deliveryEvent: { pledgeId: pledge.id } },
        select: { deliveryEventId: true, stage: true },
      }),
    ).toEqual(expect.arrayContaining([{ deliveryEventId: again.id, stage: 1 }]));
  });
});

describe("runs at the same time", () => {
  it("send each reminder once, as two instances running the job together would", async () => {
    const { pledge, reportedAt } = await reportedDelivery();
    const now = runOn(reportedAt, 7);
    const runs = await Promise.all([
      sendDeliveryReminders(now),
      sendDeliveryReminders(now),
      sendDeliveryReminders(now),
    ]);
    expect(await remindersOf(pledge.id)).toHaveLength(1);
    expect(runs.map((r) => r.failed)).toEqual([0, 0, 0]);
    expect(await stagesOf(pledge.id)).toEqual([1]);
  });

  it("reach every delivery due however many batches they read them in", async () => {
    const due = [await reportedDelivery(), await reportedDelivery(), await reportedDelivery()];
    const now = runOn(new Date(Math.max(...due.map((d) => d.reportedAt.getTime()))), 7);
    const run = await sendDeliveryReminders(now, { batchSize: 2 });
    expect(run.failed).toBe(0);
    expect(run.batches).toBeGreaterThanOrEqual(2);
    for (const { pledge } of due) expect(await remindersOf(pledge.id)).toHaveLength(1);
  });
});

describe("who is reminded", () => {
  it("the group's owners, when whoever posted the request is no longer there; nobody from another group", async () => {
    const secondOwner = await createMember(world.vcse.id, "OWNER");
    const { pledge, reportedAt } = await reportedDelivery({ postedBy: null });
    await sendDeliveryReminders(runOn(reportedAt, 7));
    const to = (await remindersOf(pledge.id)).map((e) => e.to).sort();
    expect(to).toEqual([world.users.vcseOwner.email, secondOwner.email].sort());
    const outsiders = [
      world.users.vcseMember,
      world.users.otherVcseOwner,
      world.users.supplierOwner,
      world.users.supplierMember,
      world.users.otherSupplierOwner,
      world.users.councilAdmin,
      world.users.officerA,
    ].map((u) => u.email);
    expect(to.filter((address) => outsiders.includes(address))).toEqual([]);
  });
});

describe("the supplier's pledge page", () => {
  it("says when the requestor is reminded of a delivery they have not confirmed", async () => {
    const { pledge } = await reportedDelivery();
    const response = await renderPage(
      `/pledges/${pledge.id}`,
      await sessionCookieFor(world.users.supplierOwner.id),
    );
    expect(response.status).toBe(200);
    expect(readableMainText(await response.text())).toContain(
      "If they have not confirmed or disputed it 7 days after you reported it, we remind them, and once more after 21 days. Only a confirmed delivery counts as social value delivered.",
    );
  });
});

// s56: the page said only when the requestor would be reminded, never that they had been, nor that the last
// reminder had gone and the supplier was now the one to get in touch.
describe("the supplier's pledge page once reminders are sent", () => {
  const pageText = async (pledgeId: string, userId = world.users.supplierOwner.id) => {
    const response = await renderPage(`/pledges/${pledgeId}`, await sessionCookieFor(userId));
    expect(response.status).toBe(200);
    return oneLine(readableMainText(await response.text()));
  };

  it("says when the first reminder went, and that one more will follow", async () => {
    const { pledge, reportedAt } = await reportedDelivery();
    const first = runOn(reportedAt, 7);
    await sendDeliveryReminders(first);
    expect(await pageText(pledge.id)).toContain(
      `We reminded them on ${formatDate(first)}, and will once more if they have not confirmed or disputed it 21 days after you reported it.`,
    );
  });

  it("says when both went, that no more will, and to get in touch", async () => {
    const { pledge, reportedAt } = await reportedDelivery();
    const [first, last] = [runOn(reportedAt, 7), runOn(reportedAt, 21)];
    await sendDeliveryReminders(first);
    await sendDeliveryReminders(last);
    const text = await pageText(pledge.id);
    expect(text).toContain(
      `We reminded them on ${formatDate(first)} and ${formatDate(last)}, the last reminder we send: if they still have not answered, get in touch with them using the contact details above.`,
    );
    // the group's own page of the pledge has its buttons to confirm or dispute, not the supplier's words
    expect(await pageText(pledge.id, world.users.vcseMember.id)).not.toContain("We reminded them");
  });

  it("speaks of the latest report only: a delivery reported again after a dispute starts afresh", async () => {
    const { pledge, reportedAt } = await reportedDelivery();
    await sendDeliveryReminders(runOn(reportedAt, 7));
    expect(await answer(pledge.id, "dispute")).toMatchObject({ ok: true });
    await report(pledge.id);
    const text = await pageText(pledge.id);
    expect(text).not.toContain("We reminded them");
    expect(text).toContain(
      "If they have not confirmed or disputed it 7 days after you reported it, we remind them",
    );
  });
});
