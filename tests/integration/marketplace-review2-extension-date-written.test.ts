// The requestor's and the officers' timelines write an extension's new date as every other date on the page is
// written ("27 March 2027"), as the public request page already did. Before, they showed the stored reason
// itself: "Extended to 2027-03-27".
import { beforeAll, describe, expect, it } from "vitest";
import { action as manageAction } from "~/routes/requests.$id.manage.tsx";
import { createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";
import { callAction } from "../helpers/routes.ts";

type World = Awaited<ReturnType<typeof createWorld>>;
let world: World;

beforeAll(async () => {
  world = await createWorld();
});

describe("an extended request's timeline", () => {
  it("writes the new date out on the manage and moderation pages", { timeout: 120_000 }, async () => {
    const need = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
    });
    const newDate = new Date(Date.now() + 200 * 86400000).toISOString().slice(0, 10);
    const written = new Intl.DateTimeFormat("en-GB", {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    }).format(new Date(newDate));
    const vcseCookie = await sessionCookieFor(world.users.vcseOwner.id);
    const extended = await callAction(manageAction, {
      path: "/",
      params: { id: need.id },
      cookie: vcseCookie,
      form: { intent: "extend", neededBy: newDate },
    });
    expect(extended.status).toBe(302);
    const pages = [
      await renderPage(`/requests/${need.id}/manage`, vcseCookie),
      await renderPage(`/council/moderation/${need.id}`, await sessionCookieFor(world.users.officerA.id)),
    ];
    for (const response of pages) {
      expect(response.status).toBe(200);
      // what the page shows, not the loader data behind it
      const html = (await response.text()).replace(/<script[\s\S]*?<\/script>/g, "");
      expect(html).toContain(`Needed-by date extended to ${written}`);
      expect(html).not.toContain(`Extended to ${newDate}`);
    }
  });
});
