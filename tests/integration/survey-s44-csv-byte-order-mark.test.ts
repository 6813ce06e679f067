// The survey's CSV downloads (the aggregate figures and the businesses that agreed to be contacted) start with a
// UTF-8 byte-order mark, as every other CSV does, so a spreadsheet reads "£", "é" and curly apostrophes as written;
// and a business name is still never run as a formula.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import * as aggregateCsv from "~/routes/council.survey.$cycleId.aggregate[.]csv.ts";
import * as contactsCsv from "~/routes/council.survey.$cycleId.contacts[.]csv.ts";
import {
  createMember,
  createOrganisation,
  createSurveyCycle,
  createSurveyResponse,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { callLoader } from "../helpers/routes.ts";

const BOM = [0xef, 0xbb, 0xbf];
const names = ["Café £ Supplies", "O’Brien’s Bakery", "=SUM(A1)", "Ordinary Ltd", "Plain Co", "Other Ltd"];
const comment = "Pay within 30 days: £5,000 is a lot to a café’s cash flow";

let cookie: string;
let cycleId: string;

beforeAll(async () => {
  const world = await createWorld();
  cookie = await sessionCookieFor(
    (await createMember(world.councilA.id, "OFFICER", { surveyAccess: true })).id,
  );
  cycleId = (await createSurveyCycle({ councilId: world.councilA.id, year: 2026, status: "CLOSED" })).id;
  for (const [i, name] of names.entries()) {
    const org = await createOrganisation({ kind: "SUPPLIER", councilId: world.councilA.id, name });
    const response = await createSurveyResponse({
      cycleId,
      organisationId: org.id,
      protectedAnswers: {},
      contactConsent: i < 3,
    });
    await db.surveyResponse.update({
      where: { id: response.id },
      data: {
        contactName: i < 3 ? `Zoë Owner ${i}` : null,
        contactEmail: i < 3 ? `owner${i}@example.test` : null,
        councilCouldDo: i === 0 ? comment : null,
      },
    });
  }
});

async function download(loader: typeof aggregateCsv.loader) {
  const response = await callLoader(loader, {
    path: `/council/survey/${cycleId}/x.csv`,
    params: { cycleId },
    cookie,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { bytes, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes) };
}

describe("the survey's CSV downloads", () => {
  it("start the contacts CSV with a byte-order mark, and its names read back as written", async () => {
    const { bytes, text } = await download(contactsCsv.loader);
    expect(Array.from(bytes.slice(0, 3))).toEqual(BOM);
    // the mark once, then the header row
    expect(text.startsWith("\uFEFFBusiness,Contact name,Contact email,Barriers,Other barriers\n")).toBe(true);
    expect(text).toContain("Café £ Supplies,Zoë Owner 0,owner0@example.test,");
    expect(text).toContain("O’Brien’s Bakery,Zoë Owner 1,owner1@example.test,");
    // a name a spreadsheet would run as a formula is made text
    expect(text).toContain("'=SUM(A1),Zoë Owner 2,");
    expect(text).not.toContain("Ordinary Ltd");
  });

  it("start the aggregate CSV with a byte-order mark, and what a business wrote reads back as written", async () => {
    const { bytes, text } = await download(aggregateCsv.loader);
    expect(Array.from(bytes.slice(0, 3))).toEqual(BOM);
    expect(text.startsWith("\uFEFFQuestion,Answer,Count 2026,Percent 2026,")).toBe(true);
    expect(text).toContain(`What the council could do (in the business's words),"${comment}"`);
    expect(text).toMatch(/\nResponses,Total,6,/);
  });
});
