// The council settings form's error summary listed the refusal of the reminder before the due date last, below the
// brand colour's and the source's, because that check is made after every field's own: it now follows the page, as
// GOV.UK's summary does, on the page a browser without JavaScript gets.
import { beforeAll, describe, expect, it } from "vitest";
import { createWorldSignedInAs } from "../helpers/factories.ts";
import { formOf, postPage } from "../helpers/render-page.ts";
import { errorSummaryOrder } from "../helpers/error-summary.ts";

let cookie: string;

beforeAll(async () => {
  ({ cookie } = await createWorldSignedInAs("councilAdmin"));
});

describe("the council settings form's error summary", () => {
  it("lists every refusal in the order of the fields on the page, the reminder's among them", async () => {
    const response = await postPage(
      "/council/settings",
      formOf({
        councilName: "",
        contactEmail: "not an address",
        // each a whole number in range, but the reminder would come before the return opens
        returnDueDays: "5",
        reminderDaysBefore: "7",
        overdueReminderDays: "many",
        brandColour: "blue-ish",
        proxyValueSource: "x".repeat(301),
      }),
      cookie,
    );
    expect(response.status).toBe(400);
    const { linked, onPage } = errorSummaryOrder(await response.text());
    expect(linked).toEqual([
      "councilName",
      "contactEmail",
      "reminderDaysBefore",
      "overdueReminderDays",
      "brandColour",
      "proxyValueSource",
    ]);
    expect(linked).toEqual(onPage);
  });
});
