// Found in the s29 survey QA: the survey's first page tells a business, before it agrees to take part, how many
// months after the close its answers are anonymised. Once a cycle had opened its privacy notice could no longer be
// changed, for that reason, but the months could be raised (36 to 120), keeping special category answers for years
// longer than the businesses that had agreed were told. Once opened they can be shortened, not lengthened.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import * as edit from "~/routes/council.survey.$cycleId.edit.tsx";
import { isoDate } from "~/ui/format.ts";
import { createCouncil, createMember, createSurveyCycle, sessionCookieFor } from "../helpers/factories.ts";
import { callAction, jsonOf } from "../helpers/routes.ts";

type Reply = { error?: Record<string, string[] | null> };

async function cycleBeingChanged(opensOn: Date) {
  const council = await createCouncil();
  const cycle = await createSurveyCycle({
    councilId: council.id,
    year: opensOn.getUTCFullYear(),
    opensOn,
    closesOn: new Date(opensOn.getTime() + 60 * 86_400_000),
    retentionMonths: 36,
  });
  const cookie = await sessionCookieFor(
    (await createMember(council.id, "OFFICER", { surveyAccess: true })).id,
  );
  const save = (retentionMonths: string) =>
    callAction(edit.action, {
      path: `/council/survey/${cycle.id}/edit`,
      params: { cycleId: cycle.id },
      cookie,
      form: {
        opensOn: isoDate(cycle.opensOn),
        closesOn: isoDate(cycle.closesOn),
        privacyNotice: cycle.privacyNotice,
        dpiaReference: cycle.dpiaReference,
        retentionMonths,
      },
    });
  const kept = async () =>
    (await db.surveyCycle.findUniqueOrThrow({ where: { id: cycle.id } })).retentionMonths;
  return { save, kept };
}

describe("how long answers are kept, once the survey has opened", () => {
  it("can be shortened but not lengthened", async () => {
    const { save, kept } = await cycleBeingChanged(new Date(Date.now() - 10 * 86_400_000));

    const longer = await save("120");
    expect(longer.status).toBe(400);
    expect((await jsonOf<Reply>(longer)).error?.retentionMonths).toEqual([
      "The survey has opened: businesses agreed to their answers being kept for 36 months after it closes, so this can be shortened but not lengthened",
    ]);
    expect(await kept()).toBe(36);

    expect((await save("24")).status).toBe(302);
    expect(await kept()).toBe(24);
  });

  it("can still be lengthened before the survey opens", async () => {
    const later = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 2, 1));
    const { save, kept } = await cycleBeingChanged(later);
    expect((await save("48")).status).toBe(302);
    expect(await kept()).toBe(48);
  });
});
