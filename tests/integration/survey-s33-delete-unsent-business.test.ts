// A business that deleted survey answers it had never sent ("Delete your answers") saw the survey listed as
// "Withdrawn", though it had sent nothing: the deletion was stored as a withdrawal. Answers never sent are now deleted
// outright, response and all: the list says "Not started" and the business may start again with a blank form. The
// form sent twice is still told "deleted", and sent answers are still withdrawn, and listed so.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { flashOfRedirect } from "../helpers/flash.ts";
import { formOf, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";
import { locationOf, respondentInArea } from "../helpers/survey-respondent.ts";

// the business's row in its list of surveys
const listRow = async (cookie: string, councilName: string) => {
  const response = await renderPage("/survey", cookie);
  expect(response.status).toBe(200);
  const text = readableMainText(await response.text());
  const row = text.split("\n").find((line) => line.includes(`${councilName} 2026`));
  expect(row).toBeDefined();
  return row!;
};

const responsesOf = (cycleId: string, organisationId: string) =>
  db.surveyResponse.findMany({ where: { cycleId, organisationId }, select: { status: true } });

describe("answers deleted before they were sent", () => {
  it("leave the survey listed as not started, not withdrawn, and nothing of them is kept", async () => {
    const { council, cycle, business, cookie, base, post } = await respondentInArea("ZW1", {
      consented: true,
    });
    await post("/questions/barriers", { barriers: "SHORT_TIMESCALES" });
    await post("/questions/age", { age: "35_49" });
    expect(await listRow(cookie, council.name)).toContain("In progress");

    const deleted = await post("/withdraw", {});
    expect(locationOf(deleted)).toBe(base);
    expect((await flashOfRedirect(deleted))?.message).toBe("Your answers have been deleted.");

    const row = await listRow(cookie, council.name);
    expect(row).toContain("Not started");
    expect(row).not.toContain("Withdrawn");
    expect(await responsesOf(cycle.id, business.id)).toEqual([]);
    expect(await db.surveyProtectedAnswers.count({ where: { response: { cycleId: cycle.id } } })).toBe(0);
    // the deletion is still logged, saying the answers had not been sent
    const logged = await db.auditLog.findMany({
      where: { action: "survey.response.withdraw", actorOrganisationId: business.id },
      select: { details: true, organisationId: true },
    });
    expect(logged).toEqual([{ details: { sent: false, cycleId: cycle.id }, organisationId: council.id }]);
  });

  it("sent twice (at once, or again after a slow answer) are deleted once and both told they were deleted", async () => {
    const { cycle, business, cookie, base, post } = await respondentInArea("ZW2", { consented: true });
    await post("/questions/barriers", { barriers: "SHORT_TIMESCALES" });

    const [a, b] = await Promise.all([
      postPage(`${base}/withdraw`, formOf({}), cookie),
      postPage(`${base}/withdraw`, formOf({}), cookie),
    ]);
    const again = await postPage(`${base}/withdraw`, formOf({}), cookie);
    for (const response of [a, b, again]) {
      expect(locationOf(response)).toBe(base);
      expect((await flashOfRedirect(response))?.message).toBe("Your answers have been deleted.");
    }
    expect(await responsesOf(cycle.id, business.id)).toEqual([]);
    expect(
      await db.auditLog.count({
        where: { action: "survey.response.withdraw", actorOrganisationId: business.id },
      }),
    ).toBe(1);
  });

  it("let the business start again with a blank form", async () => {
    const { council, cycle, business, cookie, base, post, page } = await respondentInArea("ZW3", {
      consented: true,
    });
    await post("/questions/barriers", { barriers: "SHORT_TIMESCALES" });
    await post("/withdraw", {});
    expect(await listRow(cookie, council.name)).toContain("Not started");

    // the survey's first page asks for consent again, as for a business that never started
    const first = await page("");
    expect(first.text).toContain("I agree");
    expect(first.text).not.toMatch(/withdrawn/i);
    expect(locationOf(await postPage(base, formOf({ consent: "yes" }), cookie))).not.toBe("/survey");

    expect(await responsesOf(cycle.id, business.id)).toEqual([{ status: "IN_PROGRESS" }]);
    const restarted = await db.surveyResponse.findFirstOrThrow({
      where: { cycleId: cycle.id, organisationId: business.id },
      select: { barriers: true, protectedAnswers: true },
    });
    expect(restarted).toEqual({ barriers: [], protectedAnswers: null });
    expect(await listRow(cookie, council.name)).toContain("In progress");
  });

  it("after sent answers were withdrawn and the survey started again, leave it not started", async () => {
    const { council, cycle, business, cookie, base, post } = await respondentInArea("ZW4", {
      consented: true,
    });
    await post("/questions/age", { age: "35_49" });
    await post("/check-answers", {});
    await post("/withdraw", {});
    expect(await listRow(cookie, council.name)).toContain("Withdrawn");

    // started again, and that draft deleted: the council has no answers, sent or withdrawn, from it now
    await postPage(base, formOf({ consent: "yes" }), cookie);
    const deleted = await post("/withdraw", {});
    expect((await flashOfRedirect(deleted))?.message).toBe("Your answers have been deleted.");
    expect(await responsesOf(cycle.id, business.id)).toEqual([]);
    expect(await listRow(cookie, council.name)).toContain("Not started");
  });
});

describe("answers deleted by a business the council rejected", () => {
  it("sent twice, are answered as the first was, not 'Page not found'", async () => {
    const { business, cycle, cookie, base, post } = await respondentInArea("ZW8", {
      status: "PENDING",
      consented: true,
    });
    await post("/questions/barriers", { barriers: "SHORT_TIMESCALES" });
    await db.organisation.update({ where: { id: business.id }, data: { status: "REJECTED" } });

    for (let i = 0; i < 2; i++) {
      const deleted = await postPage(`${base}/withdraw`, formOf({}), cookie);
      expect(locationOf(deleted)).toBe("/survey");
      expect((await flashOfRedirect(deleted))?.message).toBe("Your answers have been deleted.");
    }
    expect(await responsesOf(cycle.id, business.id)).toEqual([]);
    // the survey is no longer open to it: its page and its form answer 404 for anyone else, or later
    expect((await renderPage(base, cookie)).status).toBe(404);
  });
});

describe("sent answers withdrawn", () => {
  it("are still listed as withdrawn, their response kept without answers", async () => {
    const { council, cycle, business, cookie, post } = await respondentInArea("ZW5", { consented: true });
    await post("/questions/age", { age: "35_49" });
    await post("/check-answers", {});
    const withdrawn = await post("/withdraw", {});
    expect((await flashOfRedirect(withdrawn))?.message).toBe("Your answers have been withdrawn and deleted.");
    const again = await post("/withdraw", {});
    expect((await flashOfRedirect(again))?.message).toBe("Your answers have been withdrawn and deleted.");

    expect(await listRow(cookie, council.name)).toContain("Withdrawn");
    expect(await responsesOf(cycle.id, business.id)).toEqual([{ status: "WITHDRAWN" }]);
    const logged = await db.auditLog.findMany({
      where: { action: "survey.response.withdraw", actorOrganisationId: business.id },
      select: { details: true },
    });
    expect(logged).toEqual([{ details: { sent: true, cycleId: cycle.id } }]);
  });
});
