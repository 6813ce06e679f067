// An invitation sent before the survey's opening day named only its closing date, so a business following the
// link at once found it not open yet with no word of when it would be. It now says when the survey opens.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { inviteAddress } from "~/domain/survey/cycles.server.ts";
import { formatDate } from "~/domain/format.ts";
import { createCouncil, createMember, createSurveyCycle } from "../helpers/factories.ts";

const day = 24 * 60 * 60 * 1000;

async function invitationText(opensOn: Date, closesOn: Date) {
  const council = await createCouncil({ postcodeAreas: ["GU1"] });
  const officer = await createMember(council.id, "OFFICER", { surveyAccess: true });
  const cycle = await createSurveyCycle({ councilId: council.id, year: 2027, opensOn, closesOn });
  const email = `owner-${cycle.id}@example.test`;
  const sent = await inviteAddress(
    { councilId: council.id, userId: officer.id, ipAddress: null },
    cycle.id,
    email,
  );
  expect(sent).toEqual({ sent: 1, resent: 0, repeat: false });
  const queued = await db.emailOutbox.findFirstOrThrow({
    where: { to: email, template: "survey-invitation" },
  });
  return queued.text;
}

describe("a survey invitation", () => {
  it("sent before the opening day says when the survey opens and closes", async () => {
    const opensOn = new Date(Date.now() + 20 * day);
    const closesOn = new Date(Date.now() + 80 * day);
    const text = await invitationText(opensOn, closesOn);
    expect(text).toContain(
      `The survey opens on ${formatDate(opensOn)} and closes on ${formatDate(closesOn)}.`,
    );
  });

  it("sent while it is open names only the closing date", async () => {
    const closesOn = new Date(Date.now() + 30 * day);
    const text = await invitationText(new Date(Date.now() - 10 * day), closesOn);
    expect(text).toContain(`The survey closes on ${formatDate(closesOn)}.`);
    expect(text).not.toContain("opens on");
  });
});
