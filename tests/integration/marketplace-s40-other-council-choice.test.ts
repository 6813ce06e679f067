// The request form lists every council's categories and districts, each named with its council. One chosen under
// another council than the request is for was told only by the domain, once every other error was put right: with
// JavaScript off, a second round of errors. It is now told with the others, by its field, with what was typed kept.
import { describe, expect, test } from "vitest";
import { CATEGORY_OF_OTHER_COUNCIL, DISTRICT_OF_OTHER_COUNCIL } from "~/domain/marketplace/schemas.ts";
import { createCategory, createDistrict, createRequest } from "../helpers/factories.ts";
import { formOf, postPage, readableMainText } from "../helpers/render-page.ts";
import { createReturnsWorld } from "./returns-world.ts";
import { daysFromToday, ukDate } from "../helpers/london-days.ts";

const inThirtyDays = () => ukDate(daysFromToday(30));

// the page's text as readableMainText gives it: an apostrophe as the HTML writes it
const asShown = (message: string) => message.replace(/'/g, "&#x27;");

async function world() {
  const w = await createReturnsWorld();
  const otherCategory = await createCategory(w.councilB.id);
  const otherDistrict = await createDistrict(w.councilB.id);
  return { ...w, otherCategory, otherDistrict };
}

describe("a category or district of another council is told in the first round", () => {
  for (const intent of ["submit", "draft"]) {
    test(`posting a request (${intent})`, async () => {
      const w = await world();
      const response = await postPage(
        "/requests/new",
        formOf({
          intent,
          submissionKey: `s40-other-${intent}`,
          title: "Hi",
          description: "Volunteers to help at our lunch club on Fridays",
          councilId: w.councilA.id,
          categoryId: w.otherCategory.id,
          helpType: "VOLUNTEERING",
          quantity: "10",
          districtId: w.otherDistrict.id,
          neededBy: inThirtyDays(),
        }),
        w.cookies.vcseOwner,
      );
      expect(response.status).toBe(400);
      const html = await response.text();
      const text = readableMainText(html);
      expect(text).toContain("Title must be 5 characters or more");
      expect(text).toContain(asShown(CATEGORY_OF_OTHER_COUNCIL));
      expect(text).toContain(asShown(DISTRICT_OF_OTHER_COUNCIL));
      expect(html).toContain('href="#categoryId"');
      expect(html).toContain('href="#districtId"');
      expect(html).toContain("Volunteers to help at our lunch club on Fridays");
    });
  }

  test("editing a request", async () => {
    const w = await world();
    const need = await createRequest({
      organisationId: w.vcse.id,
      councilId: w.councilA.id,
      categoryId: w.category.id,
      status: "DRAFT",
    });
    const response = await postPage(
      `/requests/${need.id}/edit`,
      formOf({
        intent: "draft",
        title: "Hi",
        description: "Volunteers to help at our lunch club on Fridays",
        councilId: w.councilA.id,
        categoryId: w.otherCategory.id,
        helpType: "VOLUNTEERING",
        quantity: "10",
        isRemote: "on",
        neededBy: inThirtyDays(),
      }),
      w.cookies.vcseOwner,
    );
    expect(response.status).toBe(400);
    const text = readableMainText(await response.text());
    expect(text).toContain("Title must be 5 characters or more");
    expect(text).toContain(asShown(CATEGORY_OF_OTHER_COUNCIL));
  });
});
