// QA in session 46 found a supplier's staff typed "-0" taken while a return's figure so typed is refused. The survey
// has no headcount to type (its staff question is bands); its one typed number, the months a cycle keeps its answers,
// already refused a signed zero or a negative number, below its lower bound of 1 month. This keeps it so through both
// cycle forms: 400, the bound beside the box, which keeps what was typed, as a return's figure is refused; nothing saved.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createCouncil, createMember, createSurveyCycle, sessionCookieFor } from "../helpers/factories.ts";
import { daysFromToday, ukDate } from "../helpers/london-days.ts";
import { formOf, postPage } from "../helpers/render-page.ts";

const errorOf = (html: string, field: string) =>
  new RegExp(`<p id="${field}-error"[^>]*><span[^>]*>Error:\\s*</span>([^<]*)</p>`).exec(html)?.[1];
const boxOf = (html: string, field: string) =>
  new RegExp(`<input[^>]*name="${field}"[^>]*value="([^"]*)"`).exec(html)?.[1];

let councilId = "";
let cycleId = "";
let cookie = "";

beforeAll(async () => {
  const council = await createCouncil({ postcodeAreas: ["ZZ46"] });
  councilId = council.id;
  // opened for a later opening day: every field of its edit form is read from the form
  cycleId = (
    await createSurveyCycle({
      councilId,
      opensOn: new Date(daysFromToday(20)),
      closesOn: new Date(daysFromToday(60)),
    })
  ).id;
  cookie = await sessionCookieFor((await createMember(councilId, "OFFICER", { surveyAccess: true })).id);
});

const forms = [
  ["a new survey", () => "/council/survey/new"],
  ["a survey's edit form", () => `/council/survey/${cycleId}/edit`],
] as const;

const saved = async () =>
  JSON.stringify(
    await db.surveyCycle.findMany({
      where: { councilId },
      orderBy: { id: "asc" },
      select: { id: true, retentionMonths: true },
    }),
  );

describe.each(forms)("%s", (_, path) => {
  it.each(["-0", "+0", "-0.0", "-12"])(
    'refuses "%s" months with the lower bound beside the box, which keeps it',
    async (typed) => {
      const before = await saved();
      const response = await postPage(
        path(),
        formOf({
          opensOn: ukDate(daysFromToday(30)),
          closesOn: ukDate(daysFromToday(90)),
          privacyNotice: "We use your answers to understand the barriers small businesses face.",
          dpiaReference: "DPIA-2027-001",
          retentionMonths: typed,
        }),
        cookie,
      );
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(errorOf(html, "retentionMonths")).toBe("Keep answers for at least 1 month");
      expect(boxOf(html, "retentionMonths")).toBe(typed);
      expect(await saved()).toBe(before);
    },
  );
});
