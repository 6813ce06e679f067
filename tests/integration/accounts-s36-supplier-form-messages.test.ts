// The supplier form's fields are "Business name" and "Council you supply": its errors asked for "the organisation's
// name" and "the council area you work in" (the VCSE form's wording). They now use the form's own words.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { action as supplierAction } from "~/routes/organisations.new.supplier.tsx";
import { action as vcseAction } from "~/routes/organisations.new.vcse.tsx";
import { createUser, sessionCookieFor } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";

afterAll(() => closeRateLimits());

const user = await createUser();

const complete = {
  name: "Ada Builders Ltd",
  companyNumber: "01234567",
  registeredPostcode: "GU1 3UW",
  staffHeadcount: "12",
  turnoverBand: "UP_TO_2M",
  balanceSheetBand: "UP_TO_2M",
  contactEmail: "",
};

describe("registering a business with fields left out", () => {
  it("asks for the business name and the council it supplies", async () => {
    const answer = await callAction(supplierAction, {
      path: "/organisations/new/supplier",
      cookie: await sessionCookieFor(user.id),
      form: { ...complete, name: "", councilId: "" },
    });
    expect(answer.status).toBe(400);
    const body = await answer.text();
    expect(body).toContain("Enter your business name");
    expect(body).toContain("Select the council you supply");
    expect(body).not.toContain("Enter the organisation's name");
    expect(body).not.toContain("council area you work in");
  });

  it("says the same of a council that is not one (a page left open while it was removed)", async () => {
    const answer = await callAction(supplierAction, {
      path: "/organisations/new/supplier",
      cookie: await sessionCookieFor(user.id),
      form: { ...complete, councilId: "not-a-council" },
    });
    expect(answer.status).toBe(400);
    expect(await answer.text()).toContain("Select the council you supply");
  });

  it("keeps the VCSE form's own words", async () => {
    const answer = await callAction(vcseAction, {
      path: "/organisations/new/vcse",
      cookie: await sessionCookieFor(user.id),
      form: { name: "", councilId: "", charityNumber: "", areaServed: "", description: "" },
    });
    const body = await answer.text();
    expect(body).toContain("Enter the organisation's name");
    expect(body).toContain("Select the council area you work in");
  });
});
