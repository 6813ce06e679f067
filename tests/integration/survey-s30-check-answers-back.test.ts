// Check your answers, opened from the survey's page ("See or change your answers") or the confirmation once the
// answers were sent, had a Back link to the Meet the Buyer question, a page the respondent had not come from. While
// the answers are being given Back still goes to the last question; once sent it goes to the survey's page.
import { describe, expect, it } from "vitest";
import { locationOf, respondentInArea } from "../helpers/survey-respondent.ts";

describe("Back on check your answers", () => {
  it("goes to the last question while answering, and to the survey's page once the answers are sent", async () => {
    const { base, post, page } = await respondentInArea("ZP6", { consented: true });

    expect((await page("/check-answers")).back).toBe(`${base}/questions/meet-the-buyer`);
    expect(locationOf(await post("/check-answers", {}))).toBe(`${base}/confirmation`);
    expect((await page("/check-answers")).back).toBe(base);
    // a change saved from it comes back to it, with the same Back
    await post("/questions/age?return=check", { age: "50_64" });
    expect((await page("/check-answers")).back).toBe(base);
  });
});

describe("who to contact on check your answers", () => {
  it("is shown only when the business agreed to be contacted, not as 'Not answered' after a no", async () => {
    const { post, page } = await respondentInArea("ZP6", { consented: true });
    const rows = async () => (await page("/check-answers")).text;

    await post("/questions/meet-the-buyer", { contactConsent: "NO" });
    expect(await rows()).toContain(
      "May the council contact the business about its answers and about events? No",
    );
    expect(await rows()).not.toContain("Who should we contact?");
    expect(await rows()).not.toContain("Their email address");

    await post("/questions/meet-the-buyer", {
      contactConsent: "YES",
      contactName: "Kit Kite",
      contactEmail: "kit@kite.example",
    });
    expect(await rows()).toContain("Who should we contact? Kit Kite");
    expect(await rows()).toContain("Their email address kit@kite.example");
  });
});
