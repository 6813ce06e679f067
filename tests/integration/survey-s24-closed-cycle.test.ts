// The receipt's "See your answers" link, followed once the survey has closed (s24): every respondent page answered
// 404, as if the survey had never existed. The survey's first page now says when it closed and whether the
// business's answers arrived, and the other pages lead there; a business the survey was never open to still gets 404.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { closeCycle } from "~/domain/survey/cycles.server.ts";
import { formatDate } from "~/ui/format.ts";
import { createCouncil, createMember, createOrganisation, sessionCookieFor } from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";
import { answer, consent, freshCycle, send } from "../helpers/survey-respondent.ts";

const text = async (response: Response) => readableText(await response.text()).replaceAll("&#x27;", "'");

describe("a survey's pages once it has closed", () => {
  it("tell the respondent when it closed and when their answers arrived, and lead every page there", async () => {
    const { council, cycleId, business } = await freshCycle();
    await db.organisation.update({
      where: { id: council.id },
      data: { contactEmail: "survey@council.test" },
    });
    const owner = await sessionCookieFor((await createMember(business.id, "OWNER")).id);
    const colleague = await sessionCookieFor((await createMember(business.id, "MEMBER")).id);
    await consent(cycleId, owner);
    await answer(cycleId, owner, "age", { age: "35_49" });
    await send(cycleId, owner);
    const { submittedAt } = await db.surveyResponse.findFirstOrThrow({
      where: { cycleId },
      select: { submittedAt: true },
    });
    const officer = await createMember(council.id, "OFFICER", { surveyAccess: true });
    expect(await closeCycle({ userId: officer.id, councilId: council.id }, cycleId)).toBe(true);
    const { closedAt } = await db.surveyCycle.findUniqueOrThrow({ where: { id: cycleId } });

    const page = await renderPage(`/survey/${cycleId}`, owner);
    expect(page.status).toBe(200);
    const mine = await text(page);
    expect(mine).toContain(`This survey closed on ${formatDate(closedAt)}.`);
    expect(mine).toContain(
      `We received your answers on ${formatDate(submittedAt)}. They can no longer be changed or withdrawn.`,
    );
    expect(mine).toContain("contact");
    expect(mine).toContain("survey@council.test");

    // a colleague learns that the business answered, not when nor what
    const theirs = await renderPage(`/survey/${cycleId}`, colleague);
    expect(theirs.status).toBe(200);
    const colleagueText = await text(theirs);
    expect(colleagueText).toContain(`Someone in ${business.name} sent answers for the business`);
    expect(colleagueText).not.toContain("We received your answers");

    // the other pages (the confirmation page a browser may have kept among them) lead to the first page
    for (const path of ["confirmation", "check-answers", "questions/age", "withdraw"]) {
      const response = await renderPage(`/survey/${cycleId}/${path}`, owner);
      expect(response.status, path).toBe(302);
      expect(response.headers.get("location"), path).toBe(`/survey/${cycleId}`);
    }
  });

  it("tell a business the survey was open to that it sent no answers", async () => {
    const { council, cycleId, business } = await freshCycle();
    const owner = await sessionCookieFor((await createMember(business.id, "OWNER")).id);
    // invited from outside the council's area, started, and never sent (the close deleted what was saved)
    const invited = await createOrganisation({
      kind: "SUPPLIER",
      councilId: council.id,
      registeredPostcode: "ZZ9 9ZZ",
    });
    await db.surveyInvitation.create({
      data: { cycleId, organisationId: invited.id, email: "x@invited.test", tokenHash: `s24-${invited.id}` },
    });
    const invitedOwner = await sessionCookieFor((await createMember(invited.id, "OWNER")).id);
    await consent(cycleId, invitedOwner);
    await answer(cycleId, invitedOwner, "age", { age: "35_49" });
    const officer = await createMember(council.id, "OFFICER", { surveyAccess: true });
    await closeCycle({ userId: officer.id, councilId: council.id }, cycleId);

    for (const [cookie, name] of [
      [owner, business.name],
      [invitedOwner, invited.name],
    ]) {
      const page = await renderPage(`/survey/${cycleId}`, cookie);
      expect(page.status).toBe(200);
      expect(await text(page)).toContain(`${name} did not send answers to this survey before it closed`);
    }
  });

  it("still answer 404 to a business the survey was never open to", async () => {
    const { council, cycleId, business } = await freshCycle();
    const owner = await sessionCookieFor((await createMember(business.id, "OWNER")).id);
    await consent(cycleId, owner);
    await send(cycleId, owner);
    const officer = await createMember(council.id, "OFFICER", { surveyAccess: true });
    await closeCycle({ userId: officer.id, councilId: council.id }, cycleId);

    const elsewhere = await createOrganisation({
      kind: "SUPPLIER",
      councilId: (await createCouncil()).id,
      registeredPostcode: "ZZ9 9ZZ",
    });
    const stranger = await sessionCookieFor((await createMember(elsewhere.id, "OWNER")).id);
    for (const path of ["", "/confirmation", "/check-answers"])
      expect((await renderPage(`/survey/${cycleId}${path}`, stranger)).status, path).toBe(404);
    // nor is a survey never opened shown
    await db.surveyCycle.update({ where: { id: cycleId }, data: { status: "DRAFT" } });
    expect((await renderPage(`/survey/${cycleId}`, owner)).status).toBe(404);
  });

  it("say, once the answers are anonymised, that they are no longer linked to any business", async () => {
    const { council, cycleId, business } = await freshCycle();
    const owner = await sessionCookieFor((await createMember(business.id, "OWNER")).id);
    await consent(cycleId, owner);
    await send(cycleId, owner);
    const officer = await createMember(council.id, "OFFICER", { surveyAccess: true });
    await closeCycle({ userId: officer.id, councilId: council.id }, cycleId);
    await db.surveyResponse.updateMany({ where: { cycleId }, data: { organisationId: null } });
    await db.surveyCycle.update({ where: { id: cycleId }, data: { anonymisedAt: new Date() } });

    const page = await renderPage(`/survey/${cycleId}`, owner);
    expect(page.status).toBe(200);
    const shown = await text(page);
    expect(shown).toContain("no longer linked to any business");
    expect(shown).not.toContain("did not send answers");
  });
});
