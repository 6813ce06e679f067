// The whole loop: supplier drafts and submits, officer queries, supplier amends and resubmits, officer
// accepts, and progress counts the accepted figure and the confirmed pledge once each. Plus who may do what.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { loadCommitmentProgress } from "~/domain/reporting/dashboard-progress.server.ts";
import { sendReturnReminders } from "~/domain/reporting/returns-jobs.server.ts";
import { loader as contractLoader } from "~/routes/contracts.$id._index/route.tsx";
import { action as returnAction, loader as returnLoader } from "~/routes/returns.$id._index/route.tsx";
import { action as reviewAction, loader as reviewLoader } from "~/routes/returns.$id.review.tsx";
import { loader as listLoader } from "~/routes/returns._index.tsx";
import { sessionCookieFor } from "../helpers/factories.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";
import { confirmedPledge, createReturnsWorld, returnForm } from "./returns-world.ts";

type World = Awaited<ReturnType<typeof createReturnsWorld>>;

const pathOf = (w: World) => `/returns/${w.kpiReturn.id}`;
const params = (w: World) => ({ id: w.kpiReturn.id });

function save(w: World, cookie: string, form: Record<string, string>) {
  return callAction(returnAction, { path: pathOf(w), params: params(w), cookie, form });
}
// as the review page sends it: with the submission time of the version it shows
async function review(w: World, cookie: string, form: Record<string, string>) {
  const { submittedAt } = await db.kpiReturn.findUniqueOrThrow({ where: { id: w.kpiReturn.id } });
  return callAction(reviewAction, {
    path: `${pathOf(w)}/review`,
    params: params(w),
    cookie,
    form: { submittedAt: submittedAt?.toISOString() ?? "", ...form },
  });
}
async function statusOf(w: World) {
  return (await db.kpiReturn.findUniqueOrThrow({ where: { id: w.kpiReturn.id } })).status;
}
type PageData = {
  page: {
    status: string;
    lines: {
      quantity: string | null;
      queryComment: string | null;
      pledgeTotal: string;
      progress: {
        kind: string;
        deliveredToDate?: string;
        fromPledges?: string;
        rag?: string;
        status?: string;
      };
    }[];
    history: { toStatus: string; comment: string | null }[];
  };
};

describe("a return from draft to accepted", () => {
  it("goes round the whole loop, with events, emails and progress", async () => {
    const w = await createReturnsWorld();
    await confirmedPledge(w, 15, new Date("2026-05-10"));

    // the supplier sees it due; the pledge is pre-filled beside their own figure
    const list = await jsonOf<{ toDo: { items: { id: string }[] } }>(
      await callLoader(listLoader, { path: "/returns", cookie: w.cookies.supplierOwner }),
    );
    expect(list.toDo.items.map((r) => r.id)).toEqual([w.kpiReturn.id]);
    let page = await jsonOf<PageData>(
      await callLoader(returnLoader, { path: pathOf(w), params: params(w), cookie: w.cookies.supplierOwner }),
    );
    expect(page.page.lines[0].pledgeTotal).toBe("15");

    // save a draft with blanks allowed
    let response = await save(w, w.cookies.supplierOwner, returnForm(w, "save", { hours: "20" }));
    expect(response.status).toBe(302);
    expect(await statusOf(w)).toBe("DRAFT");

    // submit needs every answer and the declaration; the input is kept
    response = await save(w, w.cookies.supplierOwner, returnForm(w, "submit", { hours: "25" }));
    expect(response.status).toBe(400);
    const reply = await jsonOf<{
      reply: { error: Record<string, string[]>; initialValue: Record<string, unknown> };
    }>(response);
    expect(Object.keys(reply.reply.error).sort()).toEqual(["declaration", "lines[1].narrative"]);
    expect(JSON.stringify(reply.reply.initialValue)).toContain('"25"');
    expect(await statusOf(w)).toBe("DRAFT");

    response = await save(
      w,
      w.cookies.supplierMember,
      returnForm(w, "submit", { hours: "25", narrative: "One careers fair", declaration: true }),
    );
    expect(response.status).toBe(302);
    expect(await statusOf(w)).toBe("SUBMITTED");
    const submitted = await db.kpiReturn.findUniqueOrThrow({ where: { id: w.kpiReturn.id } });
    expect(submitted.declarationAccepted).toBe(true);
    expect(submitted.submittedById).toBe(w.users.supplierMember.id);
    const toManager = await db.emailOutbox.findMany({ where: { template: "returns-submitted" } });
    expect(toManager.map((e) => e.to)).toEqual([w.users.officerA.email]);

    // a second submit is harmless: no new event, no new email
    response = await save(
      w,
      w.cookies.supplierOwner,
      returnForm(w, "submit", { hours: "99", narrative: "Changed", declaration: true }),
    );
    expect(response.status).toBe(302);
    expect(
      await db.kpiReturnEvent.count({ where: { returnId: w.kpiReturn.id, toStatus: "SUBMITTED" } }),
    ).toBe(1);
    expect(await db.emailOutbox.count({ where: { template: "returns-submitted" } })).toBe(1);
    expect(
      (
        await db.kpiReturnLine.findFirstOrThrow({ where: { commitmentId: w.hoursCommitment.id } })
      ).quantity?.toString(),
    ).toBe("25");

    // nothing counts until accepted: only the pledge
    page = await jsonOf<PageData>(
      await callLoader(reviewLoader, {
        path: `${pathOf(w)}/review`,
        params: params(w),
        cookie: w.cookies.officerA,
      }),
    );
    expect(page.page.lines[0].progress.deliveredToDate).toBe("15.00");

    // the officer queries one line
    response = await review(w, w.cookies.officerA, { intent: "query" });
    expect(response.status).toBe(400);
    response = await review(w, w.cookies.officerA, {
      intent: "query",
      "lineComments[0].commitmentId": w.hoursCommitment.id,
      "lineComments[0].comment": "Please attach the timesheets",
    });
    expect(response.status).toBe(302);
    expect(await statusOf(w)).toBe("QUERIED");
    const queried = await db.emailOutbox.findMany({ where: { template: "returns-queried" } });
    expect(queried.map((e) => e.to).sort()).toEqual(
      [w.users.supplierOwner.email, w.users.supplierMember.email].sort(),
    );
    expect(queried[0].text).toContain("Please attach the timesheets");

    // the supplier sees the query, amends and resubmits
    page = await jsonOf<PageData>(
      await callLoader(returnLoader, { path: pathOf(w), params: params(w), cookie: w.cookies.supplierOwner }),
    );
    expect(page.page.lines[0].queryComment).toBe("Please attach the timesheets");
    response = await save(
      w,
      w.cookies.supplierOwner,
      returnForm(w, "save", { hours: "30", narrative: "One fair" }),
    );
    expect(response.status).toBe(302);
    expect(await statusOf(w)).toBe("QUERIED");
    response = await save(
      w,
      w.cookies.supplierOwner,
      returnForm(w, "submit", { hours: "30", narrative: "One careers fair", declaration: true }),
    );
    expect(await statusOf(w)).toBe("SUBMITTED");

    // accepted: the figure counts, alongside the pledge, once each
    response = await review(w, w.cookies.officerA, { intent: "accept", comment: "Thank you" });
    expect(response.status).toBe(302);
    expect(await statusOf(w)).toBe("ACCEPTED");
    expect(await db.emailOutbox.count({ where: { template: "returns-accepted" } })).toBe(2);
    // accepting twice is harmless
    response = await review(w, w.cookies.officerA, { intent: "accept" });
    expect(response.status).toBe(302);
    expect(await db.kpiReturnEvent.count({ where: { returnId: w.kpiReturn.id, toStatus: "ACCEPTED" } })).toBe(
      1,
    );

    for (const cookie of [w.cookies.supplierOwner, w.cookies.officerA]) {
      page = await jsonOf<PageData>(
        await callLoader(returnLoader, { path: pathOf(w), params: params(w), cookie }),
      );
      const hours = page.page.lines[0].progress;
      expect(hours).toMatchObject({ kind: "numeric", deliveredToDate: "45.00", fromPledges: "15.00" });
      expect(page.page.lines[1].progress).toMatchObject({ kind: "qualitative", status: "REPORTED" });
      expect(page.page.history.map((h) => h.toStatus)).toEqual([
        "DRAFT",
        "SUBMITTED",
        "QUERIED",
        "SUBMITTED",
        "ACCEPTED",
      ]);
      expect(page.page.history[2].comment).toContain("Please attach the timesheets");
    }
    // the dashboards' loader (sums in SQL, narratives left in the database) agrees with the return page
    const many = await loadCommitmentProgress({ contractId: w.contract.id });
    const byUnit = (unit: string) => many.commitments.find((c) => c.measure.unit === unit)!.id;
    expect(many.progress.get(byUnit("HOURS"))).toMatchObject({
      deliveredToDate: "45.00",
      fromPledges: "15.00",
    });
    expect(many.progress.get(byUnit("QUALITATIVE"))).toMatchObject({
      kind: "qualitative",
      status: "REPORTED",
    });

    // an accepted return cannot be changed
    response = await save(w, w.cookies.supplierOwner, returnForm(w, "save", { hours: "1000" }));
    expect(response.status).toBe(409);
    expect(await db.auditLog.count({ where: { entityId: w.kpiReturn.id } })).toBe(4);
  });
});

describe("who hears about a submitted return", () => {
  const submit = (w: World) =>
    save(
      w,
      w.cookies.supplierOwner,
      returnForm(w, "submit", { hours: "5", narrative: "A fair", declaration: true }),
    );
  const recipients = async (w: World) =>
    (await db.emailOutbox.findMany({ where: { template: "returns-submitted", councilId: w.councilA.id } }))
      .map((e) => e.to)
      .sort();

  it("the contract manager while they work for the council", async () => {
    const w = await createReturnsWorld();
    expect((await submit(w)).status).toBe(302);
    expect(await recipients(w)).toEqual([w.users.officerA.email]);
    const page = await jsonOf<{ contract: { managerHasLeft: boolean } }>(
      await callLoader(contractLoader, {
        path: `/contracts/${w.contract.id}`,
        params: { id: w.contract.id },
        cookie: w.cookies.officerA,
      }),
    );
    expect(page.contract.managerHasLeft).toBe(false);
  });

  it("the council's admins once the manager has left it (their address gets nothing)", async () => {
    const w = await createReturnsWorld();
    await db.membership.deleteMany({ where: { userId: w.users.officerA.id, organisationId: w.councilA.id } });
    expect((await submit(w)).status).toBe(302);
    expect(await recipients(w)).toEqual([w.users.councilAdmin.email]);

    // and the contract's page says the manager has left, so the council picks a new one
    const contractPage = (cookie: string) =>
      callLoader(contractLoader, {
        path: `/contracts/${w.contract.id}`,
        params: { id: w.contract.id },
        cookie,
      });
    const page = await jsonOf<{ contract: { contractManager: string; managerHasLeft: boolean } }>(
      await contractPage(await sessionCookieFor(w.users.councilAdmin.id)),
    );
    expect(page.contract).toMatchObject({ contractManager: w.users.officerA.name, managerHasLeft: true });
    const asSupplier = await jsonOf<{ contract: { managerHasLeft: boolean } }>(
      await contractPage(w.cookies.supplierOwner),
    );
    expect(asSupplier.contract.managerHasLeft).toBe(true);
  });

  it("the council's admins once the manager has deleted their account", async () => {
    const w = await createReturnsWorld();
    await db.user.update({ where: { id: w.users.officerA.id }, data: { deletedAt: new Date() } });
    expect((await submit(w)).status).toBe(302);
    expect(await recipients(w)).toEqual([w.users.councilAdmin.email]);
  });
});

describe("a return queried after its due date", () => {
  it("is chased again only after the council's usual interval, and the emails say it is waiting for changes", async () => {
    const w = await createReturnsWorld();
    // submitted late (due 31 July 2026), then queried today
    const submit = returnForm(w, "submit", { hours: "5", narrative: "A fair", declaration: true });
    expect((await save(w, w.cookies.supplierOwner, submit)).status).toBe(302);
    const queried = await review(w, w.cookies.officerA, {
      intent: "query",
      comment: "Split the hours by site",
    });
    expect(queried.status).toBe(302);
    expect(await statusOf(w)).toBe("QUERIED");

    const day = 24 * 60 * 60 * 1000;
    await sendReturnReminders(new Date(Date.now() + day));
    expect(await db.emailOutbox.count({ where: { template: { startsWith: "returns-overdue" } } })).toBe(0);

    await sendReturnReminders(new Date(Date.now() + 8 * day));
    const toSupplier = await db.emailOutbox.findMany({ where: { template: "returns-overdue-supplier" } });
    expect(toSupplier).toHaveLength(2);
    expect(toSupplier[0].text).toContain("The council queried it");
    expect(toSupplier[0].text).not.toContain("has not been submitted");
    const toManager = await db.emailOutbox.findMany({ where: { template: "returns-overdue-manager" } });
    expect(toManager.map((e) => e.to)).toEqual([w.users.officerA.email]);
    expect(toManager[0].text).toContain("has not yet sent the changes asked for");
  });
});

describe("double submissions", () => {
  it("two submits at once make one submission, one event and one email, and both succeed", async () => {
    const w = await createReturnsWorld();
    const form = returnForm(w, "submit", { hours: "5", narrative: "A fair", declaration: true });
    const responses = await Promise.all([
      save(w, w.cookies.supplierOwner, form),
      save(w, w.cookies.supplierMember, form),
    ]);
    expect(responses.map((r) => r.status)).toEqual([302, 302]);
    expect(
      await db.kpiReturnEvent.count({ where: { returnId: w.kpiReturn.id, toStatus: "SUBMITTED" } }),
    ).toBe(1);
    expect(
      await db.emailOutbox.count({ where: { template: "returns-submitted", councilId: w.councilA.id } }),
    ).toBe(1);
  });

  it("two accepts at once accept once", async () => {
    const w = await createReturnsWorld();
    await save(
      w,
      w.cookies.supplierOwner,
      returnForm(w, "submit", { hours: "5", narrative: "A fair", declaration: true }),
    );
    const responses = await Promise.all([
      review(w, w.cookies.officerA, { intent: "accept" }),
      review(w, w.cookies.officerA, { intent: "accept" }),
    ]);
    expect(responses.map((r) => r.status)).toEqual([302, 302]);
    expect(await db.kpiReturnEvent.count({ where: { returnId: w.kpiReturn.id, toStatus: "ACCEPTED" } })).toBe(
      1,
    );
  });
});

describe("figures are validated", () => {
  it.each([
    ["-5", "Enter the amount for Volunteering hours as 0 or more"],
    ["12.345", "Enter the amount for Volunteering hours with no more than 2 decimal places"],
    ["lots", "Enter the amount for Volunteering hours as a number, like 12 or 12.5"],
    ["2000000", "Enter the amount for Volunteering hours of 1,000,000 or less for one quarter"],
  ])("%s is refused with a field error and the input kept", async (hours, message) => {
    const w = await createReturnsWorld();
    const response = await save(w, w.cookies.supplierOwner, returnForm(w, "save", { hours }));
    expect(response.status).toBe(400);
    const body = await jsonOf<{ reply: { error: Record<string, string[]>; initialValue: unknown } }>(
      response,
    );
    expect(body.reply.error["lines[0].quantity"]).toEqual([message]);
    expect(JSON.stringify(body.reply.initialValue)).toContain(JSON.stringify(hours));
    expect(await statusOf(w)).toBe("NOT_STARTED");
  });

  it("refuses a percentage over 100", async () => {
    const w = await createReturnsWorld();
    await db.measure.update({ where: { id: w.hours.id }, data: { unit: "PERCENT" } });
    const response = await save(w, w.cookies.supplierOwner, returnForm(w, "save", { hours: "101" }));
    expect(response.status).toBe(400);
  });
});

describe("who may do what", () => {
  it("another supplier, a VCSE and another council's officer get 404 for the return", async () => {
    const w = await createReturnsWorld();
    for (const cookie of [w.cookies.otherSupplierOwner, w.cookies.vcseOwner, w.cookies.officerB]) {
      const get = await callLoader(returnLoader, { path: pathOf(w), params: params(w), cookie });
      expect(get.status).toBe(404);
      const post = await save(w, cookie, returnForm(w, "save", { hours: "1" }));
      expect(post.status).toBe(404);
    }
    expect(await statusOf(w)).toBe("NOT_STARTED");
  });

  it("only the council's officers review; suppliers cannot accept their own return", async () => {
    const w = await createReturnsWorld();
    await db.kpiReturn.update({ where: { id: w.kpiReturn.id }, data: { status: "SUBMITTED" } });
    for (const cookie of [w.cookies.supplierOwner, w.cookies.officerB]) {
      expect((await review(w, cookie, { intent: "accept" })).status).toBe(404);
      const get = await callLoader(reviewLoader, { path: `${pathOf(w)}/review`, params: params(w), cookie });
      expect(get.status).toBe(404);
    }
    expect(await statusOf(w)).toBe("SUBMITTED");
    // officers read but do not fill in returns
    expect((await save(w, w.cookies.officerA, returnForm(w, "save", { hours: "1" }))).status).toBe(404);
  });

  it("a return cannot be reviewed before it is submitted", async () => {
    const w = await createReturnsWorld();
    const response = await review(w, w.cookies.officerA, { intent: "accept" });
    expect(response.status).toBe(409);
    expect(await statusOf(w)).toBe("NOT_STARTED");
  });

  it("a terminated contract's unsent return is not on the supplier's to-do list: it is listed as not owed", async () => {
    const w = await createReturnsWorld();
    await db.contract.update({
      where: { id: w.contract.id },
      data: { status: "TERMINATED", terminatedOn: new Date("2026-06-15") },
    });
    const list = await jsonOf<{
      toDo: { total: number; items: unknown[] };
      done: { total: number; items: { id: string; notOwed: string | null }[] };
    }>(await callLoader(listLoader, { path: "/returns", cookie: w.cookies.supplierOwner }));
    expect(list.toDo).toMatchObject({ total: 0, items: [] });
    expect(list.done.total).toBe(1);
    expect(list.done.items).toEqual([expect.objectContaining({ id: w.kpiReturn.id, notOwed: "TERMINATED" })]);

    // once sent, it is an ordinary sent return
    await db.kpiReturn.update({ where: { id: w.kpiReturn.id }, data: { status: "SUBMITTED" } });
    const after = await jsonOf<{ done: { items: { notOwed: string | null }[] } }>(
      await callLoader(listLoader, { path: "/returns", cookie: w.cookies.supplierOwner }),
    );
    expect(after.done.items.map((r) => r.notOwed)).toEqual([null]);
  });

  it("lists show each side only its own returns", async () => {
    const w = await createReturnsWorld();
    await db.kpiReturn.update({ where: { id: w.kpiReturn.id }, data: { status: "SUBMITTED" } });
    const other = await jsonOf<{ toDo: { items: unknown[] }; done: { items: unknown[] } }>(
      await callLoader(listLoader, { path: "/returns", cookie: w.cookies.otherSupplierOwner }),
    );
    expect(other.toDo.items).toEqual([]);
    expect(other.done.items).toEqual([]);
    const queueA = await jsonOf<{ list: { items: { id: string }[] } }>(
      await callLoader(listLoader, { path: "/returns?queue=review", cookie: w.cookies.officerA }),
    );
    expect(queueA.list.items.map((r) => r.id)).toEqual([w.kpiReturn.id]);
    const queueB = await jsonOf<{ list: { items: unknown[] } }>(
      await callLoader(listLoader, { path: "/returns?queue=review", cookie: w.cookies.officerB }),
    );
    expect(queueB.list.items).toEqual([]);
    expect((await callLoader(listLoader, { path: "/returns", cookie: w.cookies.vcseOwner })).status).toBe(
      404,
    );
  });
});
