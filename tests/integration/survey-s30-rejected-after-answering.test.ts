// A business may answer the survey while it waits to be verified. Rejected after answering, its survey pages
// answered "Page not found" and the list no longer showed the survey: the special category answers it gave stayed
// with the council, and it could no longer see or withdraw them until the survey closed, as it had been told it could.
// It now keeps its answers' pages (and may withdraw them) until the close, but may not start again once withdrawn.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { closeCycle } from "~/domain/survey/cycles.server.ts";
import { createMember } from "../helpers/factories.ts";
import { formOf, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";
import { locationOf, respondentInArea } from "../helpers/survey-respondent.ts";

async function answeredThenRejected() {
  const { council, cycle, business, cookie, base, post } = await respondentInArea("ZP7", {
    status: "PENDING",
    consented: true,
  });
  await post("/questions/ethnic-group", { ethnicGroup: "MIXED" });
  expect(locationOf(await post("/check-answers", {}))).toBe(`${base}/confirmation`);
  await db.organisation.update({ where: { id: business.id }, data: { status: "REJECTED" } });
  const officer = await createMember(council.id, "OFFICER", { surveyAccess: true });
  return { council, cycle, business, cookie, base, officer };
}

describe("a business rejected after answering the survey", () => {
  it("can still see and withdraw its answers, then cannot take part again", async () => {
    const { business, cookie, base } = await answeredThenRejected();
    expect(readableMainText(await (await renderPage("/survey", cookie)).text())).toContain("Submitted");
    const page = await renderPage(base, cookie);
    expect(page.status).toBe(200);
    expect(readableMainText(await page.text())).toContain("You sent your answers");
    expect((await renderPage(`${base}/check-answers`, cookie)).status).toBe(200);
    const ask = readableMainText(await (await renderPage(`${base}/withdraw`, cookie)).text());
    expect(ask).toContain("it cannot take part again");
    expect(ask).not.toContain("You can take part again");

    const withdrawn = await postPage(`${base}/withdraw`, formOf({}), cookie);
    expect(withdrawn.headers.get("location")).toBe("/survey");
    expect(
      await db.surveyResponse.findFirst({ where: { organisationId: business.id }, select: { status: true } }),
    ).toEqual({ status: "WITHDRAWN" });
    // no way back in: the survey is not its to answer
    expect((await renderPage(base, cookie)).status).toBe(404);
    expect((await postPage(base, formOf({ consent: "yes" }), cookie)).status).toBe(404);
    expect(readableMainText(await (await renderPage("/survey", cookie)).text())).toContain(
      "There are no surveys open to your business",
    );
  });

  it("is told what became of its answers once the survey has closed", async () => {
    const { council, cycle, cookie, base, officer } = await answeredThenRejected();
    await closeCycle({ userId: officer.id, councilId: council.id }, cycle.id);
    const page = await renderPage(base, cookie);
    expect(page.status).toBe(200);
    expect(readableMainText(await page.text())).toContain("We received your answers on");
  });
});
