// An accepted return's review page said only "This return is not waiting for review": the officer who opened it
// from an email could not tell who had accepted it or when without reading the history, and the council's view
// of the return said nothing either. Both now say "Accepted by … on …" from the return's history, as the
// supplier's page does; an officer whose account was deleted since is named as the app names them.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { deleteAccount } from "~/domain/accounts/deletion.server.ts";
import { formatDate } from "~/ui/format.ts";
import { createMember, sessionCookieFor, TEST_PASSWORD } from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";
import {
  createQueriedReturnWorld,
  createSubmittedReturnWorld,
  reviewReturn,
} from "./returns-review-world.ts";

beforeAll(() => renderPage("/"));

const pageText = async (path: string, cookie: string) => {
  const response = await renderPage(path, cookie);
  expect(response.status).toBe(200);
  return readableMainText(await response.text());
};

/** A submitted return accepted by an officer of its council named `name`, and when its history says it was. */
async function acceptedBy(name: string) {
  const w = await createSubmittedReturnWorld();
  const officer = await createMember(w.councilA.id, "OFFICER");
  await db.user.update({ where: { id: officer.id }, data: { name } });
  const accepted = await reviewReturn(w, await sessionCookieFor(officer.id), {
    intent: "accept",
    submittedAt: w.submittedAt,
  });
  expect(accepted.status).toBe(302);
  const event = await db.kpiReturnEvent.findFirstOrThrow({
    where: { returnId: w.kpiReturn.id, toStatus: "ACCEPTED" },
  });
  return { ...w, officer, on: formatDate(event.createdAt.toISOString()) };
}

describe("an accepted return", () => {
  it("says who accepted it and when on the review page, the council's view and the supplier's page", async () => {
    const w = await acceptedBy("Jo Bloggs");
    const review = await pageText(`/returns/${w.kpiReturn.id}/review`, w.cookies.officerA);
    expect(review).toContain(`This return has been accepted Accepted by Jo Bloggs on ${w.on}.`);
    expect(review).not.toContain("This return is not waiting for review");

    const council = await pageText(`/returns/${w.kpiReturn.id}`, w.cookies.officerA);
    expect(council).toContain(`This return has been accepted Accepted by Jo Bloggs on ${w.on}.`);

    const supplier = await pageText(`/returns/${w.kpiReturn.id}`, w.cookies.supplierOwner);
    expect(supplier).toContain(`Accepted by Jo Bloggs on ${w.on}. Nothing more is needed for this quarter.`);
  });

  it("names an officer whose account was deleted since as the app does, 'Deleted user'", async () => {
    const w = await acceptedBy("Sam Reviewer");
    const deleted = await deleteAccount(
      w.officer.id,
      { currentPassword: TEST_PASSWORD, leaveWithoutMembers: [] },
      { ip: null },
    );
    expect(deleted).toEqual({ ok: true });
    const review = await pageText(`/returns/${w.kpiReturn.id}/review`, w.cookies.officerA);
    expect(review).toContain(`Accepted by Deleted user on ${w.on}.`);
    expect(review).not.toContain("Sam Reviewer");
    const supplier = await pageText(`/returns/${w.kpiReturn.id}`, w.cookies.supplierOwner);
    expect(supplier).toContain(`Accepted by Deleted user on ${w.on}.`);
  });

  it("a return not accepted says nothing of an acceptance", async () => {
    const w = await createQueriedReturnWorld("Please split the hours by site.");
    const review = await pageText(`/returns/${w.kpiReturn.id}/review`, w.cookies.officerA);
    expect(review).toContain("This return is not waiting for review");
    expect(review).not.toContain("Accepted by");
  });

  it("with no history of its acceptance (stored by hand), says who the return names as its reviewer", async () => {
    const w = await acceptedBy("Kim Stored");
    await db.kpiReturnEvent.deleteMany({ where: { returnId: w.kpiReturn.id, toStatus: "ACCEPTED" } });
    const { reviewedAt } = await db.kpiReturn.findUniqueOrThrow({ where: { id: w.kpiReturn.id } });
    const supplier = await pageText(`/returns/${w.kpiReturn.id}`, w.cookies.supplierOwner);
    expect(supplier).toContain(`Accepted by Kim Stored on ${formatDate(reviewedAt!.toISOString())}.`);
  });
});
