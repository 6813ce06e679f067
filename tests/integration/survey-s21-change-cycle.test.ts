// An officer can correct a survey cycle until it closes (s21): before, a mistyped closing date or notice could
// not be put right. Once open, its opening date and privacy notice stay (businesses agreed on what it said). Since
// s22 the year is not asked: a new opening date gives the cycle that date's year.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createCouncil, createMember, createSurveyCycle, sessionCookieFor } from "../helpers/factories.ts";
import { flashOf } from "../helpers/flash.ts";
import { postPage, readableText, renderPage } from "../helpers/render-page.ts";

// the message by a field, as the page shows it
const errorBy = (html: string, field: string) =>
  readableText(html.match(new RegExp(`<p id="${field}-error"[^>]*>([\\s\\S]*?)</p>`))?.[1] ?? "");

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
    // opening early in 2042, before the 2042 survey: that year is taken, said by the opening date
    const yearTaken = await change({ opensOn: "2042-01-05", closesOn: "2042-02-15" });
    expect(yearTaken.status).toBe(400);
    expect(errorBy(await yearTaken.text(), "opensOn")).toContain(
      "There is already a survey opening in 2042 (open 1 March 2042 to 30 April 2042): a council has one survey a year, so choose an opening date in another year",
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

    // a new opening date in another (free) year gives the cycle that year: the year is not asked
    const earlier = await change({ opensOn: "2040-12-01", year: "2041" });
    expect(earlier.status).toBe(302);
    expect((await flashOf(earlier))?.message).toBe(
      "The survey is changed: it now opens in 2040, so it is the 2040 survey",
    );
    expect(await db.surveyCycle.findUniqueOrThrow({ where: { id: later.id } })).toMatchObject({
      year: 2040,
      opensOn: new Date("2040-12-01"),
    });
    expect(
      await db.auditLog.findFirst({
        where: {
          action: "survey.cycle.change",
          entityId: later.id,
          details: { path: ["changed"], array_contains: ["year"] },
        },
        select: { details: true },
      }),
    ).toEqual({ details: { changed: ["opensOn", "year"] } });

    // an open cycle: its closing date moves, its notice and opening date do not. The page does not send them back
    // (a browser can change a notice's line endings on the way), and anything sent for them is not taken.
    const open = await createSurveyCycle({ councilId: council.id, year: 2030 });
    const notice = "We use your answers to plan our buying.\r\nThey are kept for 36 months.";
    await db.surveyCycle.update({ where: { id: open.id }, data: { privacyNotice: notice } });
    const openPage = await renderPage(`/council/survey/${open.id}/edit`, cookie);
    const openHtml = await openPage.text();
    expect(openHtml).not.toContain('name="privacyNotice"');
    expect(openHtml).not.toContain('name="opensOn"');
    const edit = (fields: Record<string, string>) =>
      postPage(
        `/council/survey/${open.id}/edit`,
        form({
          closesOn: open.closesOn.toISOString().slice(0, 10),
          dpiaReference: open.dpiaReference,
          retentionMonths: "36",
          ...fields,
        }),
        cookie,
      );
    const renotice = await edit({
      privacyNotice: "A different notice from the one businesses agreed to.",
      opensOn: "2029-01-01",
    });
    expect(renotice.status).toBe(302);
    expect(await db.surveyCycle.findUniqueOrThrow({ where: { id: open.id } })).toMatchObject({
      privacyNotice: notice,
      opensOn: open.opensOn,
    });
    const closesLater = new Date(open.closesOn.getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
    expect((await edit({ closesOn: closesLater })).status).toBe(302);
    expect(await db.surveyCycle.findUniqueOrThrow({ where: { id: open.id } })).toMatchObject({
      closesOn: new Date(closesLater),
      privacyNotice: notice,
    });
  });
});

describe("a cycle saved before the year and overlap rules", () => {
  it("takes other corrections while its dates stay, even though they overlap another cycle", async () => {
    const council = await createCouncil({ postcodeAreas: ["ZZ8"] });
    const cookie = await sessionCookieFor(
      (await createMember(council.id, "OFFICER", { surveyAccess: true })).id,
    );
    await createSurveyCycle({
      councilId: council.id,
      year: 2044,
      opensOn: new Date("2045-02-01"),
      closesOn: new Date("2045-03-31"),
    });
    // opened as "2045" but overlapping the one above, and not yet open
    const legacy = await createSurveyCycle({
      councilId: council.id,
      year: 2045,
      opensOn: new Date("2045-03-01"),
      closesOn: new Date("2045-04-30"),
    });
    const fields = {
      opensOn: "2045-03-01",
      closesOn: "2045-04-30",
      privacyNotice: legacy.privacyNotice,
      dpiaReference: "DPIA-CORRECTED",
      retentionMonths: "36",
    };
    const fixed = await postPage(`/council/survey/${legacy.id}/edit`, form(fields), cookie);
    expect(fixed.status).toBe(302);
    expect((await db.surveyCycle.findUniqueOrThrow({ where: { id: legacy.id } })).dpiaReference).toBe(
      "DPIA-CORRECTED",
    );
    // nor does its year move while its opening date stays
    expect((await db.surveyCycle.findUniqueOrThrow({ where: { id: legacy.id } })).year).toBe(2045);
    // moving its dates is checked as ever
    const moved = await postPage(
      `/council/survey/${legacy.id}/edit`,
      form({ ...fields, closesOn: "2045-05-31" }),
      cookie,
    );
    expect(moved.status).toBe(400);
    expect(readableText(await moved.text())).toContain("These dates overlap the 2044 survey");
  });
});
