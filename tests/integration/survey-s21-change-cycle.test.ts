// An officer can correct a survey cycle until it closes (s21): before, a mistyped closing date or notice could
// not be put right. Once open, its opening date and privacy notice stay (businesses agreed on what it said).
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createCouncil, createMember, createSurveyCycle, sessionCookieFor } from "../helpers/factories.ts";
import { postPage, readableText, renderPage } from "../helpers/render-page.ts";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

describe("changing a survey cycle", () => {
  it("changes a cycle not yet open, refuses overlapping dates, keeps an open cycle's notice, and logs the change", async () => {
    const council = await createCouncil({ postcodeAreas: ["ZZ5"] });
    const officer = await createMember(council.id, "OFFICER", { surveyAccess: true });
    const cookie = await sessionCookieFor(officer.id);
    const later = await createSurveyCycle({
      councilId: council.id,
      year: 2041,
      opensOn: new Date("2041-03-01"),
      closesOn: new Date("2041-04-30"),
    });
    await createSurveyCycle({
      councilId: council.id,
      year: 2042,
      opensOn: new Date("2042-03-01"),
      closesOn: new Date("2042-04-30"),
    });
    const page = await renderPage(`/council/survey/${later.id}/edit`, cookie);
    expect(page.status).toBe(200);
    expect(readableText(await page.text())).toContain(
      "You can change the privacy notice until the survey opens",
    );

    const change = (fields: Record<string, string>) =>
      postPage(
        `/council/survey/${later.id}/edit`,
        form({
          opensOn: "2041-03-01",
          closesOn: "2041-05-31",
          privacyNotice: "We use your answers to plan how we buy from small businesses, and nothing else.",
          dpiaReference: "DPIA-S21-2",
          retentionMonths: "12",
          ...fields,
        }),
        cookie,
      );
    const overlapping = await change({ closesOn: "2042-03-15" });
    expect(overlapping.status).toBe(400);
    expect(readableText(await overlapping.text())).toContain("These dates overlap the 2042 survey");
    const wrongYear = await change({ opensOn: "2040-12-01" });
    expect(wrongYear.status).toBe(400);
    expect(readableText(await wrongYear.text())).toContain(
      "The year must be the year the survey opens (2040)",
    );

    expect((await change({})).status).toBe(302);
    expect(await db.surveyCycle.findUniqueOrThrow({ where: { id: later.id } })).toMatchObject({
      closesOn: new Date("2041-05-31"),
      privacyNotice: "We use your answers to plan how we buy from small businesses, and nothing else.",
      dpiaReference: "DPIA-S21-2",
      retentionMonths: 12,
    });
    expect(
      await db.auditLog.findFirst({
        where: { action: "survey.cycle.change", entityId: later.id, actorUserId: officer.id },
        select: { details: true },
      }),
    ).toEqual({ details: { changed: ["closesOn", "privacyNotice", "dpiaReference", "retentionMonths"] } });

    // an open cycle: its closing date moves, its notice and opening date do not
    const open = await createSurveyCycle({ councilId: council.id, year: 2030 });
    const notice = open.privacyNotice;
    const edit = (fields: Record<string, string>) =>
      postPage(
        `/council/survey/${open.id}/edit`,
        form({
          opensOn: open.opensOn.toISOString().slice(0, 10),
          closesOn: open.closesOn.toISOString().slice(0, 10),
          privacyNotice: notice,
          dpiaReference: open.dpiaReference,
          retentionMonths: "36",
          ...fields,
        }),
        cookie,
      );
    const renotice = await edit({ privacyNotice: "A different notice from the one businesses agreed to." });
    expect(renotice.status).toBe(400);
    expect(readableText(await renotice.text())).toContain("businesses have agreed to this privacy notice");
    expect((await db.surveyCycle.findUniqueOrThrow({ where: { id: open.id } })).privacyNotice).toBe(notice);
    const closesLater = new Date(open.closesOn.getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
    expect((await edit({ closesOn: closesLater })).status).toBe(302);
    expect((await db.surveyCycle.findUniqueOrThrow({ where: { id: open.id } })).closesOn).toEqual(
      new Date(closesLater),
    );
  });
});
