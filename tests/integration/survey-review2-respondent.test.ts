// Found in the second survey review: the respondent's journey.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import * as explainer from "~/routes/survey.$cycleId._index.tsx";
import * as checkAnswers from "~/routes/survey.$cycleId.check-answers.tsx";
import * as withdraw from "~/routes/survey.$cycleId.withdraw.tsx";
import * as surveyList from "~/routes/survey._index.tsx";
import { createMember, sessionCookieFor } from "../helpers/factories.ts";
import { callAction, callLoader } from "../helpers/routes.ts";
import { answer, consent, freshCycle, send } from "../helpers/survey-respondent.ts";

describe("a business that answered, after the council changes its area", () => {
  it("can still see, change and withdraw its answers until the survey closes", async () => {
    const { council, cycleId, business } = await freshCycle({ postcodeAreas: ["GU1"] });
    const owner = await sessionCookieFor((await createMember(business.id, "OWNER")).id);
    await consent(cycleId, owner);
    await answer(cycleId, owner, "ethnic-group", { ethnicGroup: "ASIAN" });
    expect((await send(cycleId, owner)).headers.get("location")).toBe(`/survey/${cycleId}/confirmation`);

    // the council's officers move GU1 to a neighbouring council on the districts or settings page
    await db.councilSettings.update({
      where: { organisationId: council.id },
      data: { postcodeAreas: ["RH1"] },
    });

    // the receipt's link, the list of surveys and the answers still reach the business...
    const start = await callLoader(explainer.loader, {
      path: `/survey/${cycleId}`,
      params: { cycleId },
      cookie: owner,
    });
    expect(start.status).toBe(200);
    const list = await callLoader(surveyList.loader, { path: "/survey", cookie: owner });
    expect(await list.text()).toContain(cycleId);
    const check = await callLoader(checkAnswers.loader, {
      path: `/survey/${cycleId}/check-answers`,
      params: { cycleId },
      cookie: owner,
    });
    expect(check.status).toBe(200);
    // ...and it can still take them back: they count in the report until it does
    const out = await callAction(withdraw.action, {
      path: `/survey/${cycleId}/withdraw`,
      params: { cycleId },
      cookie: owner,
      form: {},
    });
    expect(out.status).toBe(302);
    expect(await db.surveyResponse.findFirstOrThrow({ where: { cycleId } })).toMatchObject({
      status: "WITHDRAWN",
    });
    expect(await db.surveyProtectedAnswers.count({ where: { response: { cycleId } } })).toBe(0);

    // withdrawn, and no longer in the council's area: the survey is no longer open to it
    const after = await callLoader(explainer.loader, {
      path: `/survey/${cycleId}`,
      params: { cycleId },
      cookie: owner,
    });
    expect(after.status).toBe(404);
  });
});
