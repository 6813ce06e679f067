// The request form's error summary listed "Enter where the help is needed" and a category of another council last,
// below the date and the number of people, because those checks are made after every field's own: it now follows
// the page, as GOV.UK's summary does, on the page a browser without JavaScript gets (new request and edit alike).
import { beforeAll, describe, expect, it } from "vitest";
import { createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { formOf, postPage } from "../helpers/render-page.ts";
import { errorSummaryOrder } from "../helpers/error-summary.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let cookie: string;

beforeAll(async () => {
  world = await createWorld();
  cookie = await sessionCookieFor(world.users.vcseOwner.id);
});

// no title, no place, a number of people that is not one and a date that is not a date
const wrong = () => ({
  intent: "draft",
  title: "",
  description: "Twenty refurbished laptops for children without one at home.",
  councilId: world.councilA.id,
  categoryId: world.category.id,
  helpType: "GOODS",
  quantity: "20",
  unitLabel: "laptops",
  districtId: "",
  postcodeArea: "",
  neededBy: "not a date",
  beneficiaries: "",
  beneficiaryCount: "many",
  contactPreference: "",
});

describe("the request form's error summary", () => {
  it("lists where the help is needed where the field is on the page, above the date and the people", async () => {
    const response = await postPage(
      "/requests/new",
      formOf({ ...wrong(), submissionKey: `order-${Date.now()}` }),
      cookie,
    );
    expect(response.status).toBe(400);
    const { linked, onPage } = errorSummaryOrder(await response.text());
    expect(linked).toEqual(["title", "districtId", "neededBy", "beneficiaryCount"]);
    expect(linked).toEqual(onPage);
  });

  it("does so on the edit form too", async () => {
    const need = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      status: "DRAFT",
    });
    const response = await postPage(`/requests/${need.id}/edit`, formOf(wrong()), cookie);
    expect(response.status).toBe(400);
    const { linked, onPage } = errorSummaryOrder(await response.text());
    expect(linked).toEqual(["title", "districtId", "neededBy", "beneficiaryCount"]);
    expect(linked).toEqual(onPage);
  });
});
