// A form sent without JavaScript whose action refused it (a form it could not read, an address naming two councils,
// a record the person may not change) showed the portal's error page under the signed-out header ("Sign in",
// "Create an account") to the person signed in: Remix runs only the loaders above the error page that shows an
// action's error, and the root's own error page is the one these pages use, so the root's loader (the header's
// data) did not run. The page now shows the header of the person signed in, and hands the same data to the browser's
// scripts, so the header stays when the page wakes up.
import { beforeAll, describe, expect, it } from "vitest";
import { routeRefusalText } from "~/ui/error-text.ts";
import { sessionCookieFor } from "../helpers/factories.ts";
import { formOf, postPage, postRawPage, readableText, renderPage } from "../helpers/render-page.ts";
import { createReturnsWorld } from "./returns-world.ts";

let world: Awaited<ReturnType<typeof createReturnsWorld>>;
let admin: string;

beforeAll(async () => {
  await renderPage("/");
  world = await createReturnsWorld();
  admin = await sessionCookieFor(world.users.councilAdmin.id);
});

const header = (html: string) => readableText(html.slice(html.indexOf("<header"), html.indexOf("</header>")));

// the root's data as the page hands it to its scripts (window.__remixContext)
const rootDataHandedOn = (html: string) => {
  const handoff = /window\.__remixContext = (\{.*?\});<\/script>/s.exec(html)?.[1];
  expect(handoff).toBeDefined();
  return (JSON.parse(handoff!) as { state: { loaderData: { root?: { user?: { name: string } } | null } } })
    .state.loaderData.root;
};

const refusedForms: [
  what: string,
  status: number,
  title: string,
  send: () => Promise<Response>,
  who: () => { name: string },
][] = [
  [
    "a form the route cannot read",
    400,
    routeRefusalText.unreadableForm.title,
    () =>
      postRawPage(
        "/account/name",
        '--cut\r\nContent-Disposition: form-data; name="name"\r\n\r\nAmara',
        "multipart/form-data; boundary=cut",
        world.cookies.supplierOwner,
      ),
    () => world.users.supplierOwner,
  ],
  [
    "a form sent to an address naming two councils",
    400,
    routeRefusalText.councilNamedTwice.title,
    () =>
      postPage(
        `/council/categories?council=${world.councilA.id}&council=${world.councilA.id}x`,
        formOf({ intent: "add", name: "Twice" }),
        admin,
      ),
    () => world.users.councilAdmin,
  ],
  [
    "a form for a return of another supplier",
    404,
    "Page not found",
    () =>
      postPage(
        `/returns/${world.kpiReturn.id}`,
        formOf({ intent: "save" }),
        world.cookies.otherSupplierOwner,
      ),
    () => world.users.otherSupplierOwner,
  ],
];

describe("a form refused by its action, sent without JavaScript", () => {
  it.each(refusedForms)(
    "(%s) shows the error page under the header of the person signed in",
    async (what, status, title, send, who) => {
      const response = await send();
      expect(response.status, what).toBe(status);
      const html = await response.text();
      expect(html, what).toContain(`<title>${title} – Social Value Marketplace</title>`);
      const shown = header(html);
      expect(shown, what).toContain("Sign out");
      expect(shown, what).toContain(who().name);
      expect(shown, what).not.toContain("Sign in");
      expect(rootDataHandedOn(html)?.user?.name, what).toBe(who().name);
    },
  );

  it("still shows the signed-out header to a visitor refused by an action", async () => {
    const response = await postRawPage(
      "/sign-in",
      '--cut\r\nContent-Disposition: form-data; name="email"\r\n\r\nx',
      "multipart/form-data; boundary=cut",
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(header(html)).toContain("Sign in");
    expect(rootDataHandedOn(html)?.user ?? null).toBeNull();
  });
});
