// A council's survey cycles may not overlap, and a cycle's year is the year it opens in (s21). Before, two cycles
// could run over the same days (a business invited twice for one period, year on year ambiguous) and a "2042"
// cycle could run in 2041. Since s22 the year is not asked at all: it is worked out from the opening date, and a
// year taken is the opening date's error.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createCouncil, createMember, createSurveyCycle, sessionCookieFor } from "../helpers/factories.ts";
import { postPage, readableText } from "../helpers/render-page.ts";

// the message by a field, as the page shows it
const errorBy = (html: string, field: string) =>
  readableText(html.match(new RegExp(`<p id="${field}-error"[^>]*>([\\s\\S]*?)</p>`))?.[1] ?? "");

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  const all = {
    privacyNotice: "We use your answers to plan how we buy from small businesses.",
    dpiaReference: "DPIA-S21",
    retentionMonths: "24",
    ...fields,
  };
  for (const [name, value] of Object.entries(all)) data.set(name, value);
  return data;
};

describe("opening a survey cycle", () => {
  it("refuses dates overlapping another cycle of the council, naming it, and an opening date in a year another has", async () => {
    const council = await createCouncil({ postcodeAreas: ["ZZ6"] });
    const cookie = await sessionCookieFor(
      (await createMember(council.id, "OFFICER", { surveyAccess: true })).id,
    );
    await createSurveyCycle({
      councilId: council.id,
      year: 2040,
      opensOn: new Date("2040-11-01"),
      closesOn: new Date("2041-01-31"),
    });
    // another council's cycle on the same days is no obstacle
    await createSurveyCycle({
      councilId: (await createCouncil()).id,
      year: 2041,
      opensOn: new Date("2041-02-01"),
      closesOn: new Date("2041-03-31"),
    });
    const cycles = () => db.surveyCycle.count({ where: { councilId: council.id } });

    const overlapping = await postPage(
      "/council/survey/new",
      form({ opensOn: "2041-01-15", closesOn: "2041-03-31" }),
      cookie,
    );
    expect(overlapping.status).toBe(400);
    const overlapText = readableText(await overlapping.text());
    expect(overlapText).toContain(
      "These dates overlap the 2040 survey, open 1 November 2040 to 31 January 2041: choose dates before it opens or after it closes",
    );
    expect(await cycles()).toBe(1);

    // earlier in 2040, on days the 2040 survey does not take: the year is taken, said by the opening date
    const yearTaken = await postPage(
      "/council/survey/new",
      form({ opensOn: "2040-02-01", closesOn: "2040-03-31" }),
      cookie,
    );
    expect(yearTaken.status).toBe(400);
    const takenHtml = await yearTaken.text();
    expect(errorBy(takenHtml, "opensOn")).toContain(
      "There is already a survey opening in 2040 (open 1 November 2040 to 31 January 2041): a council has one survey a year, so choose an opening date in another year",
    );
    expect(takenHtml).not.toContain('name="year"');
    expect(await cycles()).toBe(1);

    // the day after the other closes: no overlap. A year still sent (by a page from before) is ignored: the
    // survey is for the year it opens in.
    const next = await postPage(
      "/council/survey/new",
      form({ year: "2042", opensOn: "2041-02-01", closesOn: "2041-03-31" }),
      cookie,
    );
    expect(next.status).toBe(302);
    expect(await cycles()).toBe(2);
    expect(
      await db.surveyCycle.count({
        where: { councilId: council.id, year: 2041, opensOn: new Date("2041-02-01") },
      }),
    ).toBe(1);
  });
});

describe("a cycle closed early", () => {
  it("takes its days only up to the day it was closed: a later cycle may open after that day, and is told that day when too early", async () => {
    const council = await createCouncil({ postcodeAreas: ["ZZ7"] });
    const cookie = await sessionCookieFor(
      (await createMember(council.id, "OFFICER", { surveyAccess: true })).id,
    );
    // planned to 31 March 2051, closed on 10 January 2051
    const early = await createSurveyCycle({
      councilId: council.id,
      year: 2050,
      opensOn: new Date("2050-11-01"),
      closesOn: new Date("2051-03-31"),
      status: "CLOSED",
    });
    await db.surveyCycle.update({
      where: { id: early.id },
      data: { closedAt: new Date("2051-01-10T15:00:00Z") },
    });

    const tooEarly = await postPage(
      "/council/survey/new",
      form({ opensOn: "2051-01-10", closesOn: "2051-02-28" }),
      cookie,
    );
    expect(tooEarly.status).toBe(400);
    expect(readableText(await tooEarly.text())).toContain(
      "These dates overlap the 2050 survey, open 1 November 2050 until it was closed on 10 January 2051",
    );

    const after = await postPage(
      "/council/survey/new",
      form({ opensOn: "2051-01-11", closesOn: "2051-02-28" }),
      cookie,
    );
    expect(after.status).toBe(302);
    expect(await db.surveyCycle.count({ where: { councilId: council.id } })).toBe(2);
  });
});

describe("a cycle closed just after midnight on a summer night", () => {
  it("took the London day it was closed on, as its message says", async () => {
    const council = await createCouncil({ postcodeAreas: ["ZZ9"] });
    const cookie = await sessionCookieFor(
      (await createMember(council.id, "OFFICER", { surveyAccess: true })).id,
    );
    const early = await createSurveyCycle({
      councilId: council.id,
      year: 2052,
      opensOn: new Date("2052-05-01"),
      closesOn: new Date("2052-07-31"),
      status: "CLOSED",
    });
    // 00:30 on 10 June 2052 in London is 23:30 UTC on 9 June
    await db.surveyCycle.update({
      where: { id: early.id },
      data: { year: 2051, closedAt: new Date("2052-06-09T23:30:00Z") },
    });
    const sameDay = await postPage(
      "/council/survey/new",
      form({ opensOn: "2052-06-10", closesOn: "2052-06-30" }),
      cookie,
    );
    expect(sameDay.status).toBe(400);
    expect(readableText(await sameDay.text())).toContain("until it was closed on 10 June 2052");
    const nextDay = await postPage(
      "/council/survey/new",
      form({ opensOn: "2052-06-11", closesOn: "2052-06-30" }),
      cookie,
    );
    expect(nextDay.status).toBe(302);
  });
});
