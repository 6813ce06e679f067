// A council's public guidance page showed, in the header, the council the signed-in viewer's switcher was on, not
// the page's: someone working for two councils read council B's page under council A's name and colour. The page
// now acts for its own council, as a council's other pages about one record do (app/ui/acting-for.ts), so the
// header names the page's council for anyone in it, whichever council the switcher is on.
import { beforeAll, describe, expect, it } from "vitest";
import { ORGANISATION_COOKIE } from "~/auth/permissions.server.ts";
import { db } from "~/db.server.ts";
import {
  addMember,
  createGuidancePage,
  createMember,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { readableMainText, readableText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let session: string;
const COLOURS = { A: "#005a30", B: "#6f2c91" };

beforeAll(async () => {
  await renderPage("/");
  world = await createWorld();
  for (const [council, colour] of [
    [world.councilA, COLOURS.A],
    [world.councilB, COLOURS.B],
  ] as const)
    await db.councilSettings.update({ where: { organisationId: council.id }, data: { brandColour: colour } });
  const officer = await createMember(world.councilA.id, "OFFICER");
  await addMember(world.councilB.id, officer.id, "OFFICER");
  session = await sessionCookieFor(officer.id);
});

const switchedTo = (organisationId: string) => `${session}; ${ORGANISATION_COOKIE}=${organisationId}`;

async function header(location: string, cookie: string) {
  const response = await renderPage(location, cookie);
  expect(response.status, location).toBe(200);
  const html = await response.text();
  const headerHtml = html.slice(html.indexOf("<header"), html.indexOf("</header>"));
  return {
    text: readableText(headerHtml),
    tag: headerHtml.match(/<header[^>]*>/)![0],
    main: readableMainText(html),
  };
}

describe("a public guidance page's header, for someone in two councils", () => {
  it.each([
    ["B", "A"],
    ["A", "B"],
  ] as const)("names council %s, whose page it is, with the switcher on %s", async (pageOf, switcher) => {
    const council = { A: world.councilA, B: world.councilB };
    const page = await createGuidancePage({ councilId: council[pageOf].id, title: `Guidance of ${pageOf}` });
    const shown = await header(
      `/guidance/${council[pageOf].id}/${page.slug}`,
      switchedTo(council[switcher].id),
    );
    expect(shown.main).toContain(`Guidance of ${pageOf}`);
    expect(shown.text).toContain(council[pageOf].name);
    expect(shown.text).not.toContain(council[switcher].name);
    expect(shown.tag).toContain(`--color-brand:${COLOURS[pageOf]}`);
  });
});
