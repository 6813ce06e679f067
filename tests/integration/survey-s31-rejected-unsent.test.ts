// A business may start the survey while it waits to be verified. Rejected before sending, it kept the survey's pages
// (for the answers it had given) and could go on answering and send them, though the council does not survey a
// business it rejected. Its unsent answers can now be seen and deleted, with the reason, but not changed or sent.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { topicBySlug } from "~/domain/survey/questions.ts";
import { saveTopicAnswers, submitResponse } from "~/domain/survey/responses.server.ts";
import { createMember, sessionCookieFor } from "../helpers/factories.ts";
import { flashOfRedirect } from "../helpers/flash.ts";
import { formOf, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";
import { respondentInArea } from "../helpers/survey-respondent.ts";

const NOT_VERIFIED = "The council did not verify your business, so it cannot take part in this survey.";

// the notice above answers that cannot be sent, as read (s32: the survey's page and check your answers said it each
// in words of their own; it is one notice now)
const NOTICE_TITLE = "Your business cannot send answers to this survey";
const noticeIn = (text: string) => {
  const from = text.indexOf(NOTICE_TITLE);
  const to = text.indexOf("See the reason the council gave", from);
  return from < 0 || to < 0 ? "" : text.slice(from, to);
};

async function startedThenRejected() {
  const { council, cycle, business, owner, cookie, base, post } = await respondentInArea("ZQ8", {
    status: "PENDING",
    consented: true,
  });
  await post("/questions/ethnic-group", { ethnicGroup: "MIXED" });
  await post("/questions/barriers", { barriers: "SHORT_TIMESCALES" });
  await db.organisation.update({ where: { id: business.id }, data: { status: "REJECTED" } });
  const response = await db.surveyResponse.findFirstOrThrow({
    where: { cycleId: cycle.id, organisationId: business.id },
    select: { id: true },
  });
  return { council, cycle, business, owner, cookie, base, responseId: response.id };
}

const stored = (responseId: string) =>
  db.surveyResponse.findUniqueOrThrow({
    where: { id: responseId },
    select: { status: true, barriers: true, submittedAt: true },
  });

describe("a business rejected with survey answers it never sent", () => {
  it("is told on the survey's page and list that it cannot send them, and may see or delete them", async () => {
    const { business, cookie, base } = await startedThenRejected();
    const list = readableMainText(await (await renderPage("/survey", cookie)).text());
    expect(list).toContain("Cannot be sent");
    expect(list).not.toContain("In progress");

    const page = await renderPage(base, cookie);
    expect(page.status).toBe(200);
    const html = await page.text();
    const text = readableMainText(html);
    expect(text).toContain(NOTICE_TITLE);
    expect(text).toContain(NOT_VERIFIED);
    expect(text).not.toContain("Continue the survey");
    expect(text).not.toContain("send them by");
    expect(html).toContain(`href="/organisations/${business.id}"`);
    expect(html).toContain(`href="${base}/check-answers"`);
    expect(html).toContain(`href="${base}/withdraw"`);
  });

  it("sees its answers without a Send button or Change links, and sending them sends nothing", async () => {
    const { cookie, base, responseId } = await startedThenRejected();
    const page = await renderPage(`${base}/check-answers`, cookie);
    expect(page.status).toBe(200);
    const html = await page.text();
    const text = readableMainText(html);
    // the survey's page's notice, word for word
    const surveyPage = readableMainText(await (await renderPage(base, cookie)).text());
    expect(noticeIn(surveyPage)).toContain(NOT_VERIFIED);
    expect(noticeIn(text)).toBe(noticeIn(surveyPage));
    expect(text).toContain("Mixed");
    expect(text).not.toContain("Send answers");
    expect(text).not.toContain("Now send your answers");
    expect(html).not.toContain("?return=check");
    expect(html).toContain(`href="${base}/withdraw"`);

    const send = await postPage(`${base}/check-answers`, formOf({}), cookie);
    expect(send.headers.get("location")).toBe(base);
    expect((await flashOfRedirect(send))?.message).toBe(`Your answers were not sent. ${NOT_VERIFIED}`);
    expect(await stored(responseId)).toMatchObject({ status: "IN_PROGRESS", submittedAt: null });
    const confirmation = readableMainText(await (await renderPage(`${base}/confirmation`, cookie)).text());
    expect(confirmation).toContain("the answers cannot be sent");
    expect(confirmation).not.toContain("continue the survey");
  });

  it("cannot open or save a question page", async () => {
    const { cookie, base, responseId } = await startedThenRejected();
    const page = await renderPage(`${base}/questions/barriers`, cookie);
    expect(page.status).toBe(302);
    expect(page.headers.get("location")).toBe(base);

    const save = await postPage(`${base}/questions/barriers`, formOf({ barriers: "NO_FEEDBACK" }), cookie);
    expect(save.headers.get("location")).toBe(base);
    expect((await flashOfRedirect(save))?.message).toBe(`Your answers were not saved. ${NOT_VERIFIED}`);
    expect((await stored(responseId)).barriers).toEqual(["SHORT_TIMESCALES"]);
    // nor start afresh from the survey's first page
    const consent = await postPage(base, formOf({ consent: "yes" }), cookie);
    expect(consent.headers.get("location")).toBe(base);
  });

  it("is refused by the saving and sending themselves, for a rejection after the page was read", async () => {
    const { council, cycle, business, owner, responseId } = await startedThenRejected();
    const by = { userId: owner.id };
    expect(
      await saveTopicAnswers(responseId, topicBySlug("barriers")!, { barriers: ["NO_FEEDBACK"] }, by),
    ).toBe("not-verified");
    expect(
      await submitResponse({
        responseId,
        userId: owner.id,
        organisationId: business.id,
        email: "owner@example.test",
        councilId: council.id,
        cycleId: cycle.id,
        year: cycle.year,
      }),
    ).toEqual({ sent: false, notVerified: true });
    expect(await stored(responseId)).toEqual({
      status: "IN_PROGRESS",
      barriers: ["SHORT_TIMESCALES"],
      submittedAt: null,
    });
  });

  it("can delete them, and is not offered the survey again", async () => {
    const { business, cookie, base, responseId } = await startedThenRejected();
    const ask = readableMainText(await (await renderPage(`${base}/withdraw`, cookie)).text());
    expect(ask).toContain("Are you sure you want to delete your answers?");
    expect(ask).toContain("They have not been sent to the council");
    expect(ask).toContain("Delete my answers");
    expect(ask).not.toContain("You can take part again");
    const deleted = await postPage(`${base}/withdraw`, formOf({}), cookie);
    expect(deleted.headers.get("location")).toBe("/survey");
    expect((await flashOfRedirect(deleted))?.message).toBe("Your answers have been deleted.");
    // answers never sent are deleted outright, not kept as withdrawn (s33)
    expect(await db.surveyResponse.count({ where: { id: responseId } })).toBe(0);
    expect((await renderPage(base, cookie)).status).toBe(404);
    expect(await db.organisation.count({ where: { id: business.id, status: "REJECTED" } })).toBe(1);
  });

  it("tells a colleague the answers cannot be sent", async () => {
    const { business, base } = await startedThenRejected();
    const colleague = await sessionCookieFor((await createMember(business.id, "MEMBER")).id);
    const text = readableMainText(await (await renderPage(base, colleague)).text());
    expect(text).toContain(NOTICE_TITLE);
    expect(text).toContain("those answers have not been sent and will not be used");
  });
});
