// A pledge's expected delivery date and an extension's new needed-by date answered a date that does not exist with
// "for example 27/03/2027": a day the field refuses when the request is needed sooner (a pledge must be on or
// before it), or later (an extension must be after it), and for every field from 28/03/2027. The page's hint and
// the error now give the same example, a day the field takes, and the date box its min and max.
import { describe, expect, test } from "vitest";
import { createRequest } from "../helpers/factories.ts";
import { formOf, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";
import { createReturnsWorld } from "./returns-world.ts";
import { daysAfter, londonToday, ukDate } from "../helpers/london-days.ts";

const asIso = (day: string) => day.split("/").reverse().join("-");

/** The example day a piece of text gives ("for example 27/03/2027"), as an ISO day. */
function exampleIn(text: string, after: string) {
  const found = new RegExp(`${after}[^]*?for example,? (\\d{2}/\\d{2}/\\d{4})`, "i").exec(text)?.[1];
  expect(found, `an example after "${after}"`).toBeDefined();
  return asIso(found!);
}

describe("a future-only date's example is a day the field takes, in the hint and the error alike", () => {
  test("a pledge to a request needed in 20 days: on or before its needed-by date", async () => {
    const w = await createReturnsWorld();
    const today = londonToday();
    const neededBy = daysAfter(today, 20);
    const need = await createRequest({
      councilId: w.councilA.id,
      organisationId: w.vcse.id,
      categoryId: w.category.id,
      neededBy: new Date(`${neededBy}T00:00:00.000Z`),
    });
    const page = await renderPage(`/requests/${need.id}/pledge`, w.cookies.supplierOwner);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(new RegExp(`name="expectedDeliveryDate"[^>]*min="${today}"[^>]*max="${neededBy}"`));
    const hinted = exampleIn(readableMainText(html), "the date it is needed by,");
    expect(hinted >= today && hinted <= neededBy).toBe(true);

    const response = await postPage(
      `/requests/${need.id}/pledge`,
      formOf({ submissionKey: "key-s33-future-date", quantity: "2", expectedDeliveryDate: "31/02/2027" }),
      w.cookies.supplierOwner,
    );
    expect(response.status).toBe(400);
    const text = readableMainText(await response.text());
    expect(text).toContain(
      `Error: The expected delivery date must be a real date, for example ${ukDate(hinted)}`,
    );
  });

  test("extending a request needed in 200 days: the day after its needed-by date", async () => {
    const w = await createReturnsWorld();
    const today = londonToday();
    const neededBy = daysAfter(today, 200);
    const need = await createRequest({
      councilId: w.councilA.id,
      organisationId: w.vcse.id,
      categoryId: w.category.id,
      neededBy: new Date(`${neededBy}T00:00:00.000Z`),
    });
    const page = await renderPage(`/requests/${need.id}/manage`, w.cookies.vcseOwner);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(new RegExp(`name="neededBy"[^>]*min="${daysAfter(neededBy, 1)}"`));
    // a date before that min is refused by the page, next to the field, not by the browser in its own words
    expect(html).toMatch(/<form[^>]*novalidate[^>]*>(?:(?!<\/form>)[^])*name="neededBy"/i);
    expect(exampleIn(readableMainText(html), "New needed-by date")).toBe(daysAfter(neededBy, 1));

    const response = await postPage(
      `/requests/${need.id}/manage`,
      formOf({ intent: "extend", neededBy: "31/02/2027" }),
      w.cookies.vcseOwner,
    );
    expect(response.status).toBe(400);
    expect(readableMainText(await response.text())).toContain(
      `Error: The new date must be a real date, for example ${ukDate(daysAfter(neededBy, 1))}`,
    );
  });
});
