// Found in the s39 survey QA: a survey whose opening day has not come showed "Response rate 0%" on the officer's
// page, as if nobody had answered, and its report page offered the rate and a contacts download though no business
// could have answered yet. Both now say it is not open yet, and when it opens.
import { describe, expect, it } from "vitest";
import { londonDay } from "~/domain/calendar.ts";
import { inviteAddress } from "~/domain/survey/cycles.server.ts";
import { formatDate } from "~/ui/format.ts";
import {
  createCouncil,
  createMember,
  createSurveyCycle,
  sessionCookieFor,
  unique,
} from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";

const DAY = 24 * 60 * 60 * 1000;

async function cycleOpeningIn(days: number) {
  const council = await createCouncil();
  const officer = await createMember(council.id, "OFFICER", { surveyAccess: true });
  const today = londonDay(new Date()).getTime();
  const opensOn = new Date(today + days * DAY);
  const cycle = await createSurveyCycle({
    councilId: council.id,
    year: opensOn.getUTCFullYear(),
    opensOn,
    closesOn: new Date(today + (days + 60) * DAY),
  });
  // one business invited: a rate worked out over it would read 0%
  await inviteAddress(
    { userId: officer.id, councilId: council.id },
    cycle.id,
    `${unique("early")}@example.test`,
  );
  const cookie = await sessionCookieFor(officer.id);
  const text = async (path: string) => readableText(await (await renderPage(path, cookie)).text());
  return { cycle, text };
}

describe("a survey that has not opened yet", () => {
  it("shows when it opens in place of a response rate", async () => {
    const { cycle, text } = await cycleOpeningIn(30);
    const page = await text(`/council/survey/${cycle.id}`);
    expect(page).toContain(`Not open yet – opens ${formatDate(cycle.opensOn)}`);
    expect(page).not.toContain("0%");
  });

  it("has a report page saying there are no answers yet", async () => {
    const { cycle, text } = await cycleOpeningIn(30);
    const report = await text(`/council/survey/${cycle.id}/report`);
    expect(report).toContain(
      `The survey opens on ${formatDate(cycle.opensOn)}. No business can answer it before then, so there are no answers yet.`,
    );
    expect(report).not.toContain("0%");
    expect(report).not.toContain("Download businesses that agreed to be contacted");
  });
});

describe("a survey that has opened", () => {
  it("still shows its response rate", async () => {
    const { cycle, text } = await cycleOpeningIn(-1);
    expect(await text(`/council/survey/${cycle.id}`)).not.toContain("Not open yet –");
    expect(await text(`/council/survey/${cycle.id}/report`)).toContain(
      "The report is available once the survey closes",
    );
  });
});
