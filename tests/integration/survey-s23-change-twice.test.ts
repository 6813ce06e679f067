// "Save changes" on a survey cycle sent twice (a double click, or again after a slow answer): the first saves the
// change, the second finds nothing left to change. The browser shows the second's answer, which said "Nothing was
// changed", so the officer believed the change had failed (decision 024). The repeat is now answered as the first.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createCouncil, createMember, createSurveyCycle, sessionCookieFor } from "../helpers/factories.ts";
import { flashOf } from "../helpers/flash.ts";
import { postPage } from "../helpers/render-page.ts";

describe("'Save changes' on a survey cycle sent twice", () => {
  it("answers both as changed, changes and logs once; a colleague saving nothing is told nothing changed", async () => {
    const council = await createCouncil({ postcodeAreas: ["ZZ6"] });
    const cycle = await createSurveyCycle({
      councilId: council.id,
      year: 2043,
      opensOn: new Date("2043-03-01"),
      closesOn: new Date("2043-04-30"),
    });
    const cookieOf = async () =>
      sessionCookieFor((await createMember(council.id, "OFFICER", { surveyAccess: true })).id);
    const [officer, colleague] = [await cookieOf(), await cookieOf()];
    const save = (cookie: string, fields: Record<string, string> = {}) => {
      const form = new FormData();
      for (const [name, value] of Object.entries({
        opensOn: "2043-03-01",
        closesOn: "2043-05-31",
        privacyNotice: cycle.privacyNotice,
        dpiaReference: cycle.dpiaReference,
        retentionMonths: String(cycle.retentionMonths),
        ...fields,
      }))
        form.set(name, value);
      return postPage(`/council/survey/${cycle.id}/edit`, form, cookie);
    };
    const changed = { kind: "success", message: "The 2043 survey is changed" };

    const both = await Promise.all([save(officer), save(officer)]);
    expect(both.map((r) => r.status)).toEqual([302, 302]);
    expect(await Promise.all(both.map(flashOf))).toEqual([changed, changed]);
    // and once more, after a slow answer
    expect(await flashOf(await save(officer))).toEqual(changed);
    expect(
      await db.auditLog.findMany({
        where: { action: "survey.cycle.change", entityId: cycle.id },
        select: { details: true },
      }),
    ).toEqual([{ details: { changed: ["closesOn"] } }]);

    // a colleague saving the form as it stands did change nothing, and is told so
    expect(await flashOf(await save(colleague))).toEqual({ kind: "success", message: "Nothing was changed" });

    // a new opening year sent twice: both say what the first did
    const moved = {
      kind: "success",
      message: "The survey is changed: it now opens in 2044, so it is the 2044 survey",
    };
    const again = await Promise.all([
      save(officer, { opensOn: "2044-03-01", closesOn: "2044-04-30" }),
      save(officer, { opensOn: "2044-03-01", closesOn: "2044-04-30" }),
    ]);
    expect(await Promise.all(again.map(flashOf))).toEqual([moved, moved]);
    expect(await db.auditLog.count({ where: { action: "survey.cycle.change", entityId: cycle.id } })).toBe(2);
  });
});
