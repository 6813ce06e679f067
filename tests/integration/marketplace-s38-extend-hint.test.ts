// The form to extend a request's needed-by date said only "For example, 27/03/2027": a volunteer found out the new
// date had to be later than the current one by being refused. Its hint now names the day it must be later than.
import { describe, expect, test } from "vitest";
import { createRequest } from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";
import { createReturnsWorld } from "./returns-world.ts";
import { daysAfter, londonToday } from "../helpers/london-days.ts";

const inWords = (iso: string) =>
  new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${iso}T00:00:00.000Z`));

describe("the new needed-by date's hint", () => {
  test("names the current needed-by date the new one must be later than", async () => {
    const w = await createReturnsWorld();
    const neededBy = daysAfter(londonToday(), 30);
    const need = await createRequest({
      councilId: w.councilA.id,
      organisationId: w.vcse.id,
      categoryId: w.category.id,
      status: "OPEN",
      neededBy: new Date(`${neededBy}T00:00:00.000Z`),
    });
    const page = await renderPage(`/requests/${need.id}/manage`, w.cookies.vcseOwner);
    expect(page.status).toBe(200);
    const text = readableMainText(await page.text());
    const example = new RegExp(
      `New needed-by date Later than ${inWords(neededBy)}, the date it is needed by now, for example (\\d{2})/(\\d{2})/(\\d{4})`,
    ).exec(text);
    expect(example, text).not.toBeNull();
    // the example is a day the form takes: later than the current needed-by date
    expect(`${example![3]}-${example![2]}-${example![1]}` > neededBy).toBe(true);
  });
});
