// Reviewing a return: any officer of the return's council may open the review page from the email or the
// return page, whichever council they are acting for; and an accept or query applies only to the version
// the officer saw.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as returnAction } from "~/routes/returns.$id._index/route.tsx";
import { action as reviewAction, loader as reviewLoader } from "~/routes/returns.$id.review.tsx";
import { addMember, createCouncil, createMember, sessionCookieFor } from "../helpers/factories.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";
import { createReturnsWorld, returnForm } from "./returns-world.ts";

type World = Awaited<ReturnType<typeof createReturnsWorld>>;

const reviewPath = (w: World) => `/returns/${w.kpiReturn.id}/review`;
const params = (w: World) => ({ id: w.kpiReturn.id });

function openReview(w: World, cookie: string) {
  return callLoader(reviewLoader, { path: reviewPath(w), params: params(w), cookie });
}
function review(w: World, cookie: string, form: Record<string, string>) {
  return callAction(reviewAction, { path: reviewPath(w), params: params(w), cookie, form });
}
function submit(w: World, hours: string) {
  return callAction(returnAction, {
    path: `/returns/${w.kpiReturn.id}`,
    params: params(w),
    cookie: w.cookies.supplierOwner,
    form: returnForm(w, "submit", { hours, narrative: "A careers fair", declaration: true }),
  });
}
async function submittedAtShown(w: World, cookie: string) {
  const data = await jsonOf<{ page: { submittedAt: string } }>(await openReview(w, cookie));
  return data.page.submittedAt;
}
async function statusOf(w: World) {
  return (await db.kpiReturn.findUniqueOrThrow({ where: { id: w.kpiReturn.id } })).status;
}

describe("who reaches the review page", () => {
  it("a partnership-wide officer of a partner council reviews without choosing the council first", async () => {
    const w = await createReturnsWorld();
    // a member of council B (the partner) whom B's admins made partnership-wide; no organisation cookie,
    // so they are acting for B, their own council, when they follow the emailed link to A's return
    const shared = await createMember(w.councilB.id, "OFFICER");
    await db.membership.updateMany({ where: { userId: shared.id }, data: { partnershipWide: true } });
    const cookie = await sessionCookieFor(shared.id);
    expect((await submit(w, "10")).status).toBe(302);

    const page = await openReview(w, cookie);
    expect(page.status).toBe(200);
    const { page: shown } = await jsonOf<{ page: { id: string; submittedAt: string } }>(page);
    expect(shown.id).toBe(w.kpiReturn.id);
    const response = await review(w, cookie, { intent: "accept", submittedAt: shown.submittedAt });
    expect(response.status).toBe(302);
    expect(await statusOf(w)).toBe("ACCEPTED");
    const event = await db.kpiReturnEvent.findFirstOrThrow({
      where: { returnId: w.kpiReturn.id, toStatus: "ACCEPTED" },
    });
    expect(event.actorUserId).toBe(shared.id);
  });

  it("an officer of two councils, acting for the other one, reviews", async () => {
    const w = await createReturnsWorld();
    const both = await createMember(w.councilB.id, "OFFICER"); // B first: B is where they act by default
    await addMember(w.councilA.id, both.id, "OFFICER");
    const cookie = await sessionCookieFor(both.id);
    await submit(w, "10");
    const submittedAt = await submittedAtShown(w, cookie);
    expect((await review(w, cookie, { intent: "query", comment: "Timesheets?", submittedAt })).status).toBe(
      302,
    );
    expect(await statusOf(w)).toBe("QUERIED");
  });

  it("an officer of an unrelated council, or a partner officer who is not partnership-wide, still gets 404", async () => {
    const w = await createReturnsWorld();
    await submit(w, "10");
    const submittedAt = (
      await db.kpiReturn.findUniqueOrThrow({ where: { id: w.kpiReturn.id } })
    ).submittedAt!.toISOString();
    const elsewhere = await createCouncil(); // in no partnership
    const outsider = await createMember(elsewhere.id, "ADMIN");
    const wideOutsider = await createMember(elsewhere.id, "OFFICER");
    await db.membership.updateMany({ where: { userId: wideOutsider.id }, data: { partnershipWide: true } });
    for (const cookie of [
      await sessionCookieFor(outsider.id),
      await sessionCookieFor(wideOutsider.id),
      w.cookies.officerB,
      w.cookies.supplierOwner,
    ]) {
      expect((await openReview(w, cookie)).status).toBe(404);
      expect((await review(w, cookie, { intent: "accept", submittedAt })).status).toBe(404);
    }
    expect(await statusOf(w)).toBe("SUBMITTED");
  });

  it("a return that does not exist is 404, and signing in is asked for first", async () => {
    const w = await createReturnsWorld();
    const missing = { path: "/returns/nope/review", params: { id: "nope" } };
    expect((await callLoader(reviewLoader, { ...missing, cookie: w.cookies.officerA })).status).toBe(404);
    const anonymous = await callLoader(reviewLoader, { path: reviewPath(w), params: params(w) });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/sign-in/);
  });
});

describe("reviewing the version the officer saw", () => {
  it("refuses to accept a return resubmitted since the review page was opened", async () => {
    const w = await createReturnsWorld();
    await submit(w, "10");
    const seen = await submittedAtShown(w, w.cookies.officerA);

    // meanwhile another officer queries it and the supplier resubmits a different figure
    const other = await sessionCookieFor((await createMember(w.councilA.id, "OFFICER")).id);
    expect(
      (await review(w, other, { intent: "query", comment: "Check the hours", submittedAt: seen })).status,
    ).toBe(302);
    expect((await submit(w, "500")).status).toBe(302);
    expect(await statusOf(w)).toBe("SUBMITTED");

    // the first officer's old page accepts: refused, nothing changes
    const response = await review(w, w.cookies.officerA, { intent: "accept", submittedAt: seen });
    expect(response.status).toBe(409);
    expect(JSON.stringify(await response.json())).toContain(
      "This return was changed and resubmitted since you opened it. Review the new version.",
    );
    expect(await statusOf(w)).toBe("SUBMITTED");
    expect(await db.kpiReturnEvent.count({ where: { returnId: w.kpiReturn.id, toStatus: "ACCEPTED" } })).toBe(
      0,
    );

    // reloaded, the page shows the new version, which can be accepted
    const fresh = await submittedAtShown(w, w.cookies.officerA);
    expect(fresh).not.toBe(seen);
    expect((await review(w, w.cookies.officerA, { intent: "accept", submittedAt: fresh })).status).toBe(302);
    expect(await statusOf(w)).toBe("ACCEPTED");
    // and a second click on the same page is still harmless
    expect((await review(w, w.cookies.officerA, { intent: "accept", submittedAt: fresh })).status).toBe(302);
  });

  it("a review without the version it was made on is refused as out of date", async () => {
    const w = await createReturnsWorld();
    await submit(w, "10");
    const response = await review(w, w.cookies.officerA, { intent: "accept" });
    expect(response.status).toBe(409);
    expect(await statusOf(w)).toBe("SUBMITTED");
  });
});
