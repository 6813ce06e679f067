// The registration forms (a business, a charity or group) and the choice of kind read the page they lead back to
// through their schemas, by the rule every journey uses (pageOfThisSite): it was read beside the schema, so a field
// sent twice went through with its first value where every other page-filled field is refused. Another site, or a
// value too long to be a page of this site, leads nowhere special.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { HIDDEN_SENT_TWICE } from "~/server/parse-form.server.ts";
import { createCouncil, createUser, sessionCookieFor, unique } from "../helpers/factories.ts";
import { formOf, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";

// the pages are built once for the file, which takes a while on a busy machine
beforeAll(() => renderPage("/"), 120_000);
afterAll(() => closeRateLimits());

const decoded = (html: string) => html.replace(/&amp;/g, "&");

describe("where a registration form leads back to", () => {
  const businessForm = (councilId: string) =>
    formOf({
      name: `Meadow Works ${unique("b")}`,
      councilId,
      companyNumber: String(10_000_000 + Math.floor(Math.random() * 89_999_999)),
      registeredPostcode: "GU1 3UW",
      staffHeadcount: "12",
      turnoverBand: "UP_TO_2M",
      balanceSheetBand: "UP_TO_2M",
    });

  it("sent twice with different pages, refuses the form as a whole, keeping what was typed", async () => {
    const council = await createCouncil();
    const user = await createUser({ verified: true });
    const cookie = await sessionCookieFor(user.id);
    const form = businessForm(council.id);
    form.append("redirectTo", "/survey/invitation/one");
    form.append("redirectTo", "/survey/invitation/two");
    const refused = await postPage("/organisations/new/supplier", form, cookie);
    expect(refused.status).toBe(400);
    const html = decoded(await refused.text());
    expect(readableMainText(html)).toContain(HIDDEN_SENT_TWICE.replace(/:.*/, ""));
    expect(html).toContain(`value="${form.get("name") as string}"`);
    expect(await db.membership.count({ where: { userId: user.id } })).toBe(0);
  });

  it("too long to be a page of this site, leads to the new organisation's page", async () => {
    const council = await createCouncil();
    const user = await createUser({ verified: true });
    const form = businessForm(council.id);
    form.append("redirectTo", `/survey/${"x".repeat(2100)}`);
    const registered = await postPage("/organisations/new/supplier", form, await sessionCookieFor(user.id));
    expect(registered.status).toBe(302);
    expect(registered.headers.get("location")).toMatch(/^\/organisations\/[a-z0-9]+$/);
  });

  it("the choice of kind passes on only a page of this site", async () => {
    const user = await createUser({ verified: true });
    const cookie = await sessionCookieFor(user.id);
    const elsewhere = await postPage(
      "/organisations/new",
      formOf({ kind: "vcse", redirectTo: "https://evil.example/steal" }),
      cookie,
    );
    expect(elsewhere.headers.get("location")).toBe("/organisations/new/vcse");
    const refused = await postPage("/organisations/new", formOf({ redirectTo: "/survey/x" }), cookie);
    expect(refused.status).toBe(400);
    expect(readableMainText(await refused.text())).toContain("Select the type of organisation");
  });
});
