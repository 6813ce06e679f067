// A council officer reading the audit log saw a change to sent survey answers as "Page: sexual-orientation", the
// key in the survey's address, not the page the business answered. The log now names the page by its title
// ("Sexual orientation"), and an entry naming a page the survey no longer has shows the key as recorded, as text.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { writeAudit } from "~/domain/audit/audit.server.ts";
import * as explainer from "~/routes/survey.$cycleId._index.tsx";
import * as checkAnswers from "~/routes/survey.$cycleId.check-answers.tsx";
import * as question from "~/routes/survey.$cycleId.questions.$topic.tsx";
import {
  createCouncil,
  createMember,
  createOrganisation,
  createSurveyCycle,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";
import { callAction } from "../helpers/routes.ts";

async function auditPage(councilId: string) {
  const reader = await createMember(councilId, "ADMIN", { surveyAccess: true });
  const response = await renderPage(
    "/council/audit?action=survey.response.update",
    await sessionCookieFor(reader.id),
  );
  expect(response.status).toBe(200);
  const html = (await response.text()).replace(/<!-- -->/g, "");
  return { html, text: readableMainText(html).split("Audit entries, newest first")[1]! };
}

describe("a change to sent survey answers in the audit log", () => {
  it("names the page by the title the business saw", async () => {
    const council = await createCouncil();
    const cycleId = (await createSurveyCycle({ councilId: council.id, year: 2026 })).id;
    const business = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    const cookie = await sessionCookieFor((await createMember(business.id, "OWNER")).id);
    const post = (path: string, action: typeof question.action, params: Record<string, string>, form = {}) =>
      callAction(action, { path: `/survey/${cycleId}${path}`, params: { cycleId, ...params }, cookie, form });
    const answer = (topic: string, form: Record<string, string>) =>
      post(`/questions/${topic}`, question.action, { topic }, form);

    await post("", explainer.action, {}, { consent: "yes" });
    await answer("sexual-orientation", { sexualOrientation: "PREFER_NOT_TO_SAY" });
    expect((await post("/check-answers", checkAnswers.action, {})).status).toBe(302);
    expect((await answer("sexual-orientation", { sexualOrientation: "NO_SINGLE_MAJORITY" })).status).toBe(
      302,
    );
    const { id: responseId } = await db.surveyResponse.findFirstOrThrow({ where: { cycleId } });
    expect(
      await db.auditLog.count({ where: { action: "survey.response.update", entityId: responseId } }),
    ).toBe(1);

    const { text } = await auditPage(council.id);
    expect(text).toContain("Changed sent survey answers");
    expect(text).toContain("Page: Sexual orientation");
    expect(text).not.toContain("sexual-orientation");
  });

  it("shows a page the survey no longer has as recorded, and as text", async () => {
    const council = await createCouncil();
    const business = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    await writeAudit({
      actorUserId: null,
      organisationId: council.id,
      actorOrganisationId: business.id,
      action: "survey.response.update",
      entityType: "SurveyResponse",
      entityId: "gone-response",
      details: { page: "<b>old-page</b>" },
    });

    const { html, text } = await auditPage(council.id);
    expect(text).toContain("Page: &lt;b&gt;old-page&lt;/b&gt;");
    expect(html).toContain("&lt;b&gt;old-page&lt;/b&gt;");
    expect(html).not.toContain("<b>old-page</b>");
  });
});
