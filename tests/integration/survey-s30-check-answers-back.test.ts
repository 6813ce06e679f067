// Check your answers, opened from the survey's page ("See or change your answers") or the confirmation once the
// answers were sent, had a Back link to the Meet the Buyer question, a page the respondent had not come from. While
// the answers are being given Back still goes to the last question; once sent it goes to the survey's page.
import { describe, expect, it } from "vitest";
import {
  createCouncil,
  createMember,
  createOrganisation,
  createSurveyCycle,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { formOf, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";

const backOf = async (path: string, cookie: string) => {
  const html = await (await renderPage(path, cookie)).text();
  return html.match(/<a[^>]*href="([^"]*)"[^>]*><span aria-hidden="true">‹ <\/span>Back<\/a>/)?.[1];
};

describe("Back on check your answers", () => {
  it("goes to the last question while answering, and to the survey's page once the answers are sent", async () => {
    const council = await createCouncil({ postcodeAreas: ["ZP6"] });
    const cycle = await createSurveyCycle({ councilId: council.id });
    const business = await createOrganisation({
      kind: "SUPPLIER",
      councilId: council.id,
      registeredPostcode: "ZP6 1AA",
      businessSize: "MICRO",
    });
    const cookie = await sessionCookieFor((await createMember(business.id, "OWNER")).id);
    const base = `/survey/${cycle.id}`;
    await postPage(base, formOf({ consent: "yes" }), cookie);

    expect(await backOf(`${base}/check-answers`, cookie)).toBe(`${base}/questions/meet-the-buyer`);
    expect((await postPage(`${base}/check-answers`, formOf({}), cookie)).headers.get("location")).toBe(
      `${base}/confirmation`,
    );
    expect(await backOf(`${base}/check-answers`, cookie)).toBe(base);
    // a change saved from it comes back to it, with the same Back
    await postPage(`${base}/questions/age?return=check`, formOf({ age: "50_64" }), cookie);
    expect(await backOf(`${base}/check-answers`, cookie)).toBe(base);
  });
});

describe("who to contact on check your answers", () => {
  it("is shown only when the business agreed to be contacted, not as 'Not answered' after a no", async () => {
    const council = await createCouncil({ postcodeAreas: ["ZP6"] });
    const cycle = await createSurveyCycle({ councilId: council.id });
    const business = await createOrganisation({
      kind: "SUPPLIER",
      councilId: council.id,
      registeredPostcode: "ZP6 1AA",
      businessSize: "MICRO",
    });
    const cookie = await sessionCookieFor((await createMember(business.id, "OWNER")).id);
    const base = `/survey/${cycle.id}`;
    await postPage(base, formOf({ consent: "yes" }), cookie);
    const rows = async () =>
      readableMainText(await (await renderPage(`${base}/check-answers`, cookie)).text());

    await postPage(`${base}/questions/meet-the-buyer`, formOf({ contactConsent: "NO" }), cookie);
    expect(await rows()).toContain(
      "May the council contact the business about its answers and about events? No",
    );
    expect(await rows()).not.toContain("Who should we contact?");
    expect(await rows()).not.toContain("Their email address");

    await postPage(
      `${base}/questions/meet-the-buyer`,
      formOf({ contactConsent: "YES", contactName: "Kit Kite", contactEmail: "kit@kite.example" }),
      cookie,
    );
    expect(await rows()).toContain("Who should we contact? Kit Kite");
    expect(await rows()).toContain("Their email address kit@kite.example");
  });
});
