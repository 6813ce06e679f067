// "Delete your answers" pressed while a colleague sends the same answers: the delete, waiting for the send, finds
// them sent and withdraws them from the council (logged as sent, listed "Withdrawn"). It told the person "Your
// answers have been deleted", the words for answers the council never had, as it went by what the page had read
// before the send. It now says what was done under the lock.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { flashOfRedirect } from "../helpers/flash.ts";
import { formOf, postPage } from "../helpers/render-page.ts";
import { respondentInArea } from "../helpers/survey-respondent.ts";
import { secondWaitsForFirst } from "../helpers/while-open.ts";

describe("deleting answers a colleague sends at the same moment", () => {
  it("withdraws them as sent answers and says so", async () => {
    const { cycle, business, cookie, base, post } = await respondentInArea("ZW6", { consented: true });
    await post("/questions/barriers", { barriers: "SHORT_TIMESCALES" });

    const deleted = await secondWaitsForFirst(
      // the colleague's send, not yet committed when the delete is pressed
      (tx) =>
        tx.surveyResponse.updateMany({
          where: { cycleId: cycle.id, organisationId: business.id },
          data: { status: "SUBMITTED", submittedAt: new Date() },
        }),
      () => postPage(`${base}/withdraw`, formOf({}), cookie),
    );

    expect((await flashOfRedirect(deleted))?.message).toBe("Your answers have been withdrawn and deleted.");
    expect(
      await db.surveyResponse.findMany({
        where: { cycleId: cycle.id, organisationId: business.id },
        select: { status: true },
      }),
    ).toEqual([{ status: "WITHDRAWN" }]);
    const logged = await db.auditLog.findMany({
      where: { action: "survey.response.withdraw", actorOrganisationId: business.id },
      select: { details: true },
    });
    expect(logged).toEqual([{ details: { sent: true, cycleId: cycle.id } }]);
  });
});
