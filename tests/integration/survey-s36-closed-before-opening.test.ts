// An officer's cycle page showed "Open 10 February 2027 to 31 March 2027" beside "Closed" for a survey closed before
// its opening day, as if it had run those dates. It now says when it closed and what its dates were to be; one
// closed before its closing day says it closed early.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { londonDay } from "~/domain/calendar.ts";
import { closeCycle } from "~/domain/survey/cycles.server.ts";
import { formatDate } from "~/ui/format.ts";
import { createCouncil, createMember, createSurveyCycle, sessionCookieFor } from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";

const DAY = 24 * 60 * 60 * 1000;

async function closedCycle(opensIn: number, closesIn: number) {
  const council = await createCouncil();
  const officer = await createMember(council.id, "OFFICER", { surveyAccess: true });
  const today = londonDay(new Date()).getTime();
  const cycle = await createSurveyCycle({
    councilId: council.id,
    opensOn: new Date(today + opensIn * DAY),
    closesOn: new Date(today + closesIn * DAY),
  });
  // a survey is cancelled (deleted), not closed, before its opening day since s38: one closed before then is kept
  // from before, as it was written
  if (opensIn > 0)
    await db.surveyCycle.update({
      where: { id: cycle.id },
      data: { status: "CLOSED", closedAt: new Date() },
    });
  else expect(await closeCycle({ userId: officer.id, councilId: council.id }, cycle.id)).toBe(true);
  const closed = await db.surveyCycle.findUniqueOrThrow({ where: { id: cycle.id } });
  const page = await renderPage(`/council/survey/${cycle.id}`, await sessionCookieFor(officer.id));
  expect(page.status).toBe(200);
  return { cycle: closed, text: readableText(await page.text()) };
}

describe("an officer's page for a closed survey", () => {
  it("says one closed before its opening day never opened", async () => {
    const { cycle, text } = await closedCycle(30, 80);
    expect(text).toContain(
      `Closed on ${formatDate(cycle.closedAt)} before it opened. It was to open on ${formatDate(cycle.opensOn)} and close on ${formatDate(cycle.closesOn)}.`,
    );
    expect(text).not.toContain(`${formatDate(cycle.opensOn)} to ${formatDate(cycle.closesOn)}`);
  });

  it("says one closed before its closing day closed early", async () => {
    const { cycle, text } = await closedCycle(-10, 40);
    expect(text).toContain(
      `Opened on ${formatDate(cycle.opensOn)}. Closed early on ${formatDate(cycle.closedAt)}: it was to close on ${formatDate(cycle.closesOn)}.`,
    );
    expect(text).not.toContain(`${formatDate(cycle.opensOn)} to ${formatDate(cycle.closesOn)}`);
  });

  it("gives the dates it ran for one closed at its end", async () => {
    const { cycle, text } = await closedCycle(-60, -1);
    expect(text).toContain(`Open ${formatDate(cycle.opensOn)} to ${formatDate(cycle.closesOn)}`);
  });
});
