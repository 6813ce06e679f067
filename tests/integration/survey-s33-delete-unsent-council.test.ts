// A business that deleted survey answers it had never sent was counted on the council's cycle page as a withdrawn
// response: the council was told of a withdrawal of answers it never had. Such a business is now counted as the
// survey not started (among the businesses reached, not among those started, sent or withdrawn), and a withdrawal
// of sent answers is counted as before. Answers deleted before the fix, stored as withdrawn, are removed by the
// migration that came with it.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import * as cyclePage from "~/routes/council.survey.$cycleId._index.tsx";
import {
  createMember,
  createOrganisation,
  createSurveyResponse,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";
import { answer, consent, send, surveyPages } from "../helpers/survey-respondent.ts";
import { officerInviting } from "./survey-invite-world.ts";

type Rates = {
  eligible: number | null;
  inProgress: number;
  submitted: string;
  withdrawn: number;
  rate: number | null;
};

describe("the council's figures for a survey under way", () => {
  it("count a business that deleted its unsent answers as not started, and sent answers withdrawn as withdrawn", async () => {
    const { council, cycle, cookie, path } = await officerInviting("ZW6", "deleted-draft");
    const owners: string[] = [];
    for (let i = 0; i < 4; i++) {
      const business = await createOrganisation({
        kind: "SUPPLIER",
        councilId: council.id,
        registeredPostcode: "ZW6 1AA",
        businessSize: "SMALL",
      });
      owners.push(await sessionCookieFor((await createMember(business.id, "OWNER")).id));
    }
    // the second keeps its answers unsent
    const [deletesDraft, , withdrawsSent, sends] = owners;
    const withdraw = (owner: string) => surveyPages(`/survey/${cycle.id}`, owner).post("/withdraw", {});
    for (const owner of owners) {
      expect((await consent(cycle.id, owner)).status).toBe(302);
      await answer(cycle.id, owner, "age", { age: "35_49" });
    }
    await send(cycle.id, withdrawsSent);
    await send(cycle.id, sends);
    expect((await withdraw(deletesDraft)).status).toBe(302);
    expect((await withdraw(withdrawsSent)).status).toBe(302);

    const { rates } = await jsonOf<{ rates: Rates }>(
      await callLoader(cyclePage.loader, { path, params: { cycleId: cycle.id }, cookie }),
    );
    // 4 reached; 1 started and not sent (not 2), 1 sent, 1 withdrawn (not 2)
    expect(rates).toMatchObject({ eligible: 4, inProgress: 1, submitted: "1", withdrawn: 1, rate: 25 });

    const shown = await renderPage(path, cookie);
    expect(shown.status).toBe(200);
    const text = readableMainText(await shown.text());
    expect(text).toMatch(/Started, not yet sent\s+1\b/);
    expect(text).toMatch(/Withdrawn\s+1\b/);
  });
});

describe("the migration for answers deleted before the fix", () => {
  it("removes a withdrawn response whose last withdrawal had not been sent, and keeps the others", async () => {
    const { council, cycle } = await officerInviting("ZW7", "deleted-draft-migration");
    const business = () => createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    const withdrawnResponse = async (sent: boolean[] | null) => {
      const response = await createSurveyResponse({
        cycleId: cycle.id,
        organisationId: (await business()).id,
      });
      await db.surveyResponse.update({ where: { id: response.id }, data: { status: "WITHDRAWN" } });
      for (const [i, wasSent] of (sent ?? [true]).entries())
        await db.auditLog.create({
          data: {
            action: "survey.response.withdraw",
            entityType: "SurveyResponse",
            entityId: response.id,
            organisationId: council.id,
            // an entry from before the log said whether the answers were sent has no details
            details: sent === null ? undefined : { sent: wasSent },
            createdAt: new Date(Date.UTC(2026, 0, 10 + i)),
          },
        });
      return response.id;
    };
    const deletedDraft = await withdrawnResponse([false]);
    const withdrawnThenDraftDeleted = await withdrawnResponse([true, false]);
    const draftDeletedThenSentAndWithdrawn = await withdrawnResponse([false, true]);
    const withdrawnSent = await withdrawnResponse([true]);
    const loggedBeforeItSaid = await withdrawnResponse(null);
    const stillStarted = (
      await createSurveyResponse({ cycleId: cycle.id, organisationId: (await business()).id })
    ).id;

    // The migration's one statement, run on this test's cycle only: run as it is, it would also delete the
    // responses the file's other tests left (each test file has its own database, tests/helpers/setup-db.ts),
    // so what they prove would depend on the order they run in.
    const sql = fs
      .readFileSync("prisma/migrations/20261213090000_survey_deleted_drafts_removed/migration.sql", "utf8")
      .replace(/--.*$/gm, "")
      .trim();
    expect(sql).toMatch(/^DELETE FROM "SurveyResponse" r\s+WHERE [^;]+;$/);
    await db.$executeRawUnsafe(`${sql.slice(0, -1)}\n  AND r."cycleId" = $1;`, cycle.id);

    const left = (
      await db.surveyResponse.findMany({ where: { cycleId: cycle.id }, select: { id: true } })
    ).map((r) => r.id);
    expect(left.sort()).toEqual(
      [draftDeletedThenSentAndWithdrawn, withdrawnSent, loggedBeforeItSaid, stillStarted].sort(),
    );
    expect(left).not.toContain(deletedDraft);
    expect(left).not.toContain(withdrawnThenDraftDeleted);
    // the log is kept
    expect(
      await db.auditLog.count({ where: { entityId: { in: [deletedDraft, withdrawnThenDraftDeleted] } } }),
    ).toBe(3);
  });
});
