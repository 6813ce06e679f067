// Changing the broad ethnic group from check your answers leads on to the background question, whose Back link went
// to check your answers, past the group page the respondent had just left; and a "Prefer not to say" background kept
// from the old group skipped the new group's follow-up question altogether.
import { beforeEach, describe, expect, it } from "vitest";
import {
  createCouncil,
  createMember,
  createOrganisation,
  createSurveyCycle,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { formOf, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";

let base: string;
let cookie: string;

beforeEach(async () => {
  const council = await createCouncil({ postcodeAreas: ["ZQ3"] });
  const cycle = await createSurveyCycle({ councilId: council.id, year: 2026 });
  const business = await createOrganisation({
    kind: "SUPPLIER",
    councilId: council.id,
    registeredPostcode: "ZQ3 1AA",
    businessSize: "SMALL",
  });
  cookie = await sessionCookieFor((await createMember(business.id, "OWNER")).id);
  base = `/survey/${cycle.id}`;
  expect((await postPage(base, formOf({ consent: "yes" }), cookie)).status).toBe(302);
});

const post = (path: string, values: Record<string, string>) =>
  postPage(`${base}${path}`, formOf(values), cookie);
const locationOf = (response: Response) => response.headers.get("location");
/** A page as the browser shows it: its Back link, the address its form posts to, its words. */
async function page(path: string) {
  const response = await renderPage(`${base}${path}`, cookie);
  expect(response.status).toBe(200);
  const html = await response.text();
  const decode = (s: string | undefined) => s?.replaceAll("&amp;", "&");
  return {
    back: decode(html.match(/<a[^>]*href="([^"]*)"[^>]*><span aria-hidden="true">‹ <\/span>Back<\/a>/)?.[1]),
    formAction: decode(html.match(/<form method="post" action="([^"]*)"[^>]*novalidate/)?.[1]),
    text: readableMainText(html),
  };
}

describe("changing the ethnic group from check your answers", () => {
  it("asks the new group's background, with Back to the group page, then returns to check your answers", async () => {
    await post("/questions/ethnic-group", { ethnicGroup: "ASIAN" });
    await post("/questions/ethnic-background", { ethnicBackground: "ASIAN_INDIAN" });

    // the Change link beside the group
    const group = await page("/questions/ethnic-group?return=check");
    expect(group.back).toBe(`${base}/check-answers`);
    const changed = await post("/questions/ethnic-group?return=check", { ethnicGroup: "WHITE" });
    const background = locationOf(changed)!;
    expect(background).toMatch(new RegExp(`^${base}/questions/ethnic-background\\?`));

    const followUp = await page(background.slice(base.length));
    expect(followUp.text).toContain("White background");
    expect(followUp.back).toBe(`${base}/questions/ethnic-group?return=check`);
    // Back, and the group saved again as it is: on to the same question, Back the same way
    expect(locationOf(await post("/questions/ethnic-group?return=check", { ethnicGroup: "WHITE" }))).toBe(
      background,
    );
    // a wrong answer keeps the page as it was, Back link and all
    const wrong = await postPage(followUp.formAction!, formOf({ ethnicBackground: "ASIAN_INDIAN" }), cookie);
    expect(wrong.status).toBe(400);
    const wrongHtml = await wrong.text();
    expect(wrongHtml).toContain(`href="${`${base}/questions/ethnic-group?return=check`}"`);
    const saved = await postPage(followUp.formAction!, formOf({ ethnicBackground: "WHITE_IRISH" }), cookie);
    expect(locationOf(saved)).toBe(`${base}/check-answers`);
    expect((await page("/check-answers")).text).toContain("Irish");
  });

  it("keeps Back to check your answers for the Change link beside the background itself", async () => {
    await post("/questions/ethnic-group", { ethnicGroup: "BLACK" });
    const background = await page("/questions/ethnic-background?return=check");
    expect(background.back).toBe(`${base}/check-answers`);
    // the same group saved again keeps its background and goes straight back
    expect(
      locationOf(
        await post("/questions/ethnic-background?return=check", { ethnicBackground: "BLACK_AFRICAN" }),
      ),
    ).toBe(`${base}/check-answers`);
    expect(locationOf(await post("/questions/ethnic-group?return=check", { ethnicGroup: "BLACK" }))).toBe(
      `${base}/check-answers`,
    );
  });

  it("asks the new group's background when the old one was 'Prefer not to say'", async () => {
    await post("/questions/ethnic-group", { ethnicGroup: "ASIAN" });
    await post("/questions/ethnic-background", { ethnicBackground: "PREFER_NOT_TO_SAY" });
    const changed = await post("/questions/ethnic-group?return=check", { ethnicGroup: "MIXED" });
    expect(locationOf(changed)).toMatch(new RegExp(`^${base}/questions/ethnic-background\\?return=check`));
    expect((await page(locationOf(changed)!.slice(base.length))).text).toContain(
      "Mixed or Multiple ethnic groups background",
    );
  });
});
