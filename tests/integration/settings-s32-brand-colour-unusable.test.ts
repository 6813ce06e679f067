// A brand colour stored without the settings form's checks (saved before them, or by hand) is replaced where it is
// shown by the default colour (s31), but the settings page still showed the stored colour in its field, and said
// nothing: an admin saw a colour the header did not have and was not told why. The page now says plainly that the
// stored colour could not be used and the default is shown, with the default in the field, so they can set their own.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { DEFAULT_BRAND_COLOUR } from "~/domain/content/brand-colour.ts";
import { createCouncil, createMember, sessionCookieFor } from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";

const NOTICE = "Your brand colour could not be used";
let councilId: string;
let cookie: string;

beforeAll(async () => {
  await renderPage("/");
  councilId = (await createCouncil()).id;
  cookie = await sessionCookieFor((await createMember(councilId, "ADMIN")).id);
});

async function settingsPageWith(brandColour: string) {
  await db.councilSettings.update({ where: { organisationId: councilId }, data: { brandColour } });
  const response = await renderPage("/council/settings", cookie);
  expect(response.status).toBe(200);
  const html = await response.text();
  return {
    html,
    text: readableMainText(html),
    field: html.match(/<input[^>]*id="brandColour"[^>]*>/)?.[0].match(/value="([^"]*)"/)?.[1],
  };
}

describe("the settings page of a council whose stored brand colour cannot be used", () => {
  it.each(["red; background:url(x)", "#zzz", "#ffff00"])(
    "says the default colour is shown instead of %s, and has the default in the field",
    async (stored) => {
      const page = await settingsPageWith(stored);
      expect(page.text).toContain(NOTICE);
      expect(page.text).toContain(
        `pages and emails show the default colour, ${DEFAULT_BRAND_COLOUR}, instead`,
      );
      expect(page.html).toContain('href="#brandColour"');
      expect(page.field).toBe(DEFAULT_BRAND_COLOUR);
    },
  );

  it("says nothing of the kind for a colour an admin could save, written as they wrote it", async () => {
    const page = await settingsPageWith("#005A30");
    expect(page.text).not.toContain(NOTICE);
    expect(page.field).toBe("#005A30");
  });
});
