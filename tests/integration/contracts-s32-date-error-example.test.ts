// The register-a-contract form hints "For example, 27/03/2027" under each date, the way UK officers write one, but
// a date it could not read was refused with "Enter a real date, for example 2027-03-27": the fix it asked for was
// in another form from the one the page had just shown. The error now gives the example the hint gives.
import { describe, expect, it } from "vitest";
import { createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { newContractForm } from "../helpers/contract-forms.ts";
import { formOf, postPage, readableMainText } from "../helpers/render-page.ts";

describe("a contract date the form cannot read", () => {
  it("is refused with the example the field's hint gives", async () => {
    const world = await createWorld();
    const response = await postPage(
      "/contracts/new?index",
      formOf(newContractForm(world.supplier.id, { reference: "DATE-1", startDate: "31/02/2026" })),
      await sessionCookieFor(world.users.officerA.id),
    );
    expect(response.status).toBe(400);
    const text = readableMainText((await response.text()).replace(/<!-- -->/g, ""));
    expect(text).toContain(
      "Start date For example, 27/03/2027 Error: Enter a real date, for example 27/03/2027",
    );
    expect(text).not.toContain("2027-03-27");
  });
});
