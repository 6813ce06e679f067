// "No, I do not want to take part" sent from the survey's first page read before a colleague started the survey
// was answered "You chose not to take part. Nothing about your business was saved.", though the colleague's
// answers were saved and stay. It now says the business has already started the survey, nothing was changed, and
// its answers are kept.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import * as explainer from "~/routes/survey.$cycleId._index.tsx";
import { createMember, sessionCookieFor } from "../helpers/factories.ts";
import { flashOfRedirect } from "../helpers/flash.ts";
import { callAction } from "../helpers/routes.ts";
import { answer, consent, freshCycle } from "../helpers/survey-respondent.ts";

const decline = (cycleId: string, cookie: string) =>
  callAction(explainer.action, {
    path: `/survey/${cycleId}`,
    params: { cycleId },
    cookie,
    form: { consent: "no" },
  });

describe("'No, I do not want to take part' after a colleague started the survey", () => {
  it("does not say nothing was saved", async () => {
    const { cycleId, business } = await freshCycle();
    const owner = await sessionCookieFor((await createMember(business.id, "OWNER")).id);
    const colleague = await sessionCookieFor((await createMember(business.id, "MEMBER")).id);

    // before anyone started: as it was
    const first = await decline(cycleId, colleague);
    expect(first.headers.get("location")).toBe("/survey");
    expect((await flashOfRedirect(first))?.message).toBe(
      "You chose not to take part. Nothing about your business was saved.",
    );

    await consent(cycleId, owner);
    await answer(cycleId, owner, "age", { age: "35_49" });
    const late = await decline(cycleId, colleague);
    expect(late.headers.get("location")).toBe(`/survey/${cycleId}`);
    expect(await flashOfRedirect(late)).toEqual({
      kind: "info",
      message:
        "Your business has already started this survey, so nothing was changed and its answers are kept.",
    });
    expect(
      await db.surveyResponse.count({
        where: { cycleId, organisationId: business.id, status: "IN_PROGRESS" },
      }),
    ).toBe(1);
  });
});
