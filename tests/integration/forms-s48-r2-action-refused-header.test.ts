// A form sent without JavaScript whose action refused it (a form it could not read, an address naming two councils,
// a record the person may not change) showed the portal's error page under the signed-out header ("Sign in",
// "Create an account") to the person signed in: Remix runs only the loaders above the error page that shows an
// action's error, and the root's own error page is the one these pages use, so the root's loader (the header's
// data) did not run. The page now shows the header of the person signed in, and hands the same data to the browser's
// scripts, so the header stays when the page wakes up.
//
// Session 49 (review of decision 049): the root's loader is run this way only when Remix left it out, never again
// after it threw itself; a one-off message waiting to be shown is left for the next page (the error page does not
// show it) instead of being cleared unseen; and a failure of the loader run this way is logged.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { logger } from "~/server/logger.ts";
import { routeRefusalText } from "~/ui/error-text.ts";
import type * as FlashModule from "~/ui/flash.server.ts";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { sessionCookieFor } from "../helpers/factories.ts";
import { formOf, postPage, postRawPage, readableText, renderPage } from "../helpers/render-page.ts";
import { createReturnsWorld } from "./returns-world.ts";

// The root's loader reads the flash first: counting those reads counts the root loader's runs, and failing one fails
// the loader (a database gone away, say), without changing anything else it does.
const rootRuns = vi.hoisted(() => ({ count: 0, fail: false }));
vi.mock("~/ui/flash.server.ts", async (importActual) => {
  const actual = await importActual<typeof FlashModule>();
  return {
    ...actual,
    readFlash: async (request: Request) => {
      rootRuns.count += 1;
      if (rootRuns.fail) throw new Error("could not read Amara's flash");
      return actual.readFlash(request);
    },
  };
});

beforeEach(() => {
  rootRuns.count = 0;
  rootRuns.fail = false;
});
afterEach(() => {
  vi.restoreAllMocks();
});

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
  return (
    JSON.parse(handoff!) as {
      state: { loaderData: { root?: { user?: { name: string }; flash?: unknown } | null } };
    }
  ).state.loaderData.root;
};

const unreadableNameForm = (cookie?: string) =>
  postRawPage(
    "/account/name",
    '--cut\r\nContent-Disposition: form-data; name="name"\r\n\r\nAmara',
    "multipart/form-data; boundary=cut",
    cookie,
  );

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
    () => unreadableNameForm(world.cookies.supplierOwner),
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

describe("the root's loader run for an action's error page", () => {
  it("leaves a message waiting to be shown for the next page, as the error page does not show it", async () => {
    const message = "Your name has been changed";
    const waiting = (await redirectWithFlash("/account", { kind: "success", message })).headers
      .get("set-cookie")!
      .split(";")[0]!;
    const cookie = `${world.cookies.supplierOwner}; ${waiting}`;

    const refused = await unreadableNameForm(cookie);
    expect(refused.status).toBe(400);
    expect(refused.headers.getSetCookie().filter((c) => c.startsWith("svm_flash="))).toEqual([]);
    const html = await refused.text();
    expect(header(html)).toContain(world.users.supplierOwner.name);
    expect(html).not.toContain(message);
    // nor handed to the scripts, whose next page would show it from there while the cookie still holds it
    expect(rootDataHandedOn(html)?.flash).toBeNull();

    const next = await renderPage("/account", cookie);
    expect(next.status).toBe(200);
    expect(await next.text()).toContain(message);
  });

  // the root's loader threw after the action: the error at the root is the loader's (after an action that answered)
  // or the action's own (caught by a page's error page, here switch-organisation's, and reported at the root)
  it.each([
    [
      "an action that answered (a name left empty)",
      () => postPage("/account/name", formOf({ name: "" }), world.cookies.supplierOwner),
    ],
    [
      "an action refused below the root (an organisation not theirs)",
      () =>
        postPage(
          "/switch-organisation",
          formOf({ organisationId: world.councilA.id }),
          world.cookies.supplierOwner,
        ),
    ],
  ])("is not run again when it threw itself after %s", async (what, send) => {
    rootRuns.fail = true;
    const response = await send();
    expect(response.status, what).toBeGreaterThanOrEqual(400);
    await response.text();
    expect(rootRuns.count, what).toBe(1);
  });

  it("logs its failure with the page's path, not the error's words, and the page keeps the signed-out header", async () => {
    const warn = vi.spyOn(logger, "warn");
    rootRuns.fail = true;
    const response = await unreadableNameForm(world.cookies.supplierOwner);
    expect(response.status).toBe(400);
    expect(header(await response.text())).toContain("Sign in");
    expect(rootRuns.count).toBe(1);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toEqual({ url: "/account/name", failure: "Error" });
    expect(JSON.stringify(warn.mock.calls[0])).not.toContain("Amara");
  });
});
