// The local £ page of a council followed from its dashboard's figure (`?council=`), for someone working for two
// councils, led "Back to the dashboard" to the plain dashboard: the header switcher's council's, not the one shown.
// The link now names the council the page shows.
import { beforeAll, describe, expect, it } from "vitest";
import { ORGANISATION_COOKIE } from "~/auth/permissions.server.ts";
import { addMember, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let workingForA: string;

beforeAll(async () => {
  world = await createWorld();
  await addMember(world.councilB.id, world.users.officerA.id, "OFFICER");
  workingForA = `${await sessionCookieFor(world.users.officerA.id)}; ${ORGANISATION_COOKIE}=${world.councilA.id}`;
});

describe("the local £ page's link back to the dashboard", () => {
  it.each([
    ["named in the address", () => world.councilB.id],
    ["the switcher's", () => world.councilA.id],
  ])("leads to the dashboard of the council shown, %s", async (_, council) => {
    const response = await renderPage(`/council/reports/local-value?council=${council()}`, workingForA);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(
      new RegExp(`href="/council/dashboard\\?council=${council()}"[^>]*>[^<]*Back to the dashboard`),
    );
  });
});
