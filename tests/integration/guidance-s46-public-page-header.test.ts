// A council's public guidance page showed, in the header, the council the signed-in viewer's switcher was on, not
// the page's: someone working for two councils read council B's page under council A's name and colour. The page
// now acts for its own council, as a council's other pages about one record do (app/ui/acting-for.ts), so the
// header names the page's council for anyone in it, whichever council the switcher is on.
import { beforeAll, describe, expect, it } from "vitest";
import { ORGANISATION_COOKIE } from "~/auth/permissions.server.ts";
import {
  addMember,
  createGuidancePage,
  createMember,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import {
  colourCouncils,
  councilIn,
  expectHeaderOf,
  recordPage,
  type Council,
} from "../helpers/record-header.ts";
import { renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let session: string;

beforeAll(async () => {
  await renderPage("/");
  world = await createWorld();
  await colourCouncils(world);
  const officer = await createMember(world.councilA.id, "OFFICER");
  await addMember(world.councilB.id, officer.id, "OFFICER");
  session = await sessionCookieFor(officer.id);
});

const switchedTo = (organisationId: string) => `${session}; ${ORGANISATION_COOKIE}=${organisationId}`;

describe("a public guidance page's header, for someone in two councils", () => {
  it.each<[Council, Council]>([
    ["B", "A"],
    ["A", "B"],
  ])("names council %s, whose page it is, with the switcher on %s", async (pageOf, switcher) => {
    const council = councilIn(world, pageOf);
    const page = await createGuidancePage({ councilId: council.id, title: `Guidance of ${pageOf}` });
    const location = `/guidance/${council.id}/${page.slug}`;
    const shown = await recordPage(location, switchedTo(councilIn(world, switcher).id));
    expect(shown.main).toContain(`Guidance of ${pageOf}`);
    expectHeaderOf(world, shown, pageOf, location);
  });
});
