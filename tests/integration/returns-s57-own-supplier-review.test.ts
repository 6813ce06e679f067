// A council admin invited the owner of a supplier as an officer; working for the council, he accepted the return
// his own company had sent, and its figures counted as delivered social value. An officer who also works for a
// return's supplier now reads it, told another officer must review it, with no way to accept or query it; a review
// they send anyway is refused and changes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as reviewAction } from "~/routes/returns.$id.review.tsx";
import { addMember } from "../helpers/factories.ts";
import { pageHtmlAs, readableMainText } from "../helpers/render-page.ts";
import { callAction } from "../helpers/routes.ts";
import { createReturnsWorld } from "./returns-world.ts";

let w: Awaited<ReturnType<typeof createReturnsWorld>>;
const submittedAt = "2026-07-10T10:00:00.000Z";

beforeAll(async () => {
  w = await createReturnsWorld();
  // the supplier's owner is made an officer of the council too
  await addMember(w.councilA.id, w.users.supplierOwner.id, "OFFICER");
  await db.kpiReturn.update({
    where: { id: w.kpiReturn.id },
    data: {
      status: "SUBMITTED",
      submittedAt: new Date(submittedAt),
      submittedById: w.users.supplierOwner.id,
    },
  });
});

const expected = () =>
  `You also work for ${w.supplier.name}, which sent this return, so another officer of the council must accept or query it.`;

describe("an officer who also works for the return's supplier", () => {
  it("is told on the review page that another officer must review it, and offered no review", async () => {
    const html = await pageHtmlAs(
      `/returns/${w.kpiReturn.id}/review?council=${w.councilA.id}`,
      w.users.supplierOwner.id,
    );
    const text = readableMainText(html);
    expect(text).toContain("Another officer must review this return");
    expect(text).toContain(expected());
    expect(html).not.toContain('value="accept"');
    expect(html).not.toContain('value="query"');
    // another officer is offered both
    const other = await pageHtmlAs(`/returns/${w.kpiReturn.id}/review`, w.users.officerA.id);
    expect(other).toContain('value="accept"');
    expect(readableMainText(other)).not.toContain("Another officer must review");
  });

  it("cannot accept it by sending the form anyway: refused, the return still waiting", async () => {
    const response = await callAction(reviewAction, {
      path: `/returns/${w.kpiReturn.id}/review`,
      params: { id: w.kpiReturn.id },
      cookie: w.cookies.supplierOwner,
      form: { intent: "accept", submittedAt },
    });
    expect(response.status).toBe(409);
    expect(await response.text()).toContain(expected());
    expect(await db.kpiReturn.findUniqueOrThrow({ where: { id: w.kpiReturn.id } })).toMatchObject({
      status: "SUBMITTED",
      reviewedById: null,
    });
    // another officer accepts it
    const accepted = await callAction(reviewAction, {
      path: `/returns/${w.kpiReturn.id}/review`,
      params: { id: w.kpiReturn.id },
      cookie: w.cookies.officerA,
      form: { intent: "accept", submittedAt },
    });
    expect(accepted.status).toBe(302);
    expect((await db.kpiReturn.findUniqueOrThrow({ where: { id: w.kpiReturn.id } })).status).toBe("ACCEPTED");
  });
});
