// The page entry runs the root's loader itself for an action's error page when Remix left it out (decision 049), and
// remembers the requests it ran it for (rootLoaderRunHere in app/entry.server.tsx): Remix calls the entry a second
// time, with the same request, when the first render throws, and the loader's data is kept for that pass only when
// it answered. When the loader had failed (a database gone away) and the render then threw too, the second pass found
// the root's data still missing and ran the loader again: twice for one request, against the decision, with its
// failure logged twice; the first test fails without the entry's memory of the request. When the loader answered,
// its data is what the second pass shows: the header of the person signed in, the loader run once.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type * as ErrorPageModule from "~/ui/error-page.tsx";
import type * as FlashModule from "~/ui/flash.server.ts";
import { logger } from "~/server/logger.ts";
import { otherErrorText } from "~/ui/error-text.ts";
import { createUser, sessionCookieFor } from "../helpers/factories.ts";
import { postRawPage, readableText, renderPage } from "../helpers/render-page.ts";

// The root's loader reads the flash first: counting those reads counts the loader's runs, and failing one fails the
// loader. The error page's content fails its first render once asked to, as a page whose render throws.
const faults = vi.hoisted(() => ({ rootRuns: 0, rootFails: false, renderFails: false }));
vi.mock("~/ui/flash.server.ts", async (importActual) => {
  const actual = await importActual<typeof FlashModule>();
  return {
    ...actual,
    readFlash: async (request: Request) => {
      faults.rootRuns += 1;
      if (faults.rootFails) throw new Error("could not read the flash");
      return actual.readFlash(request);
    },
  };
});
vi.mock("~/ui/error-page.tsx", async (importActual) => {
  const actual = await importActual<typeof ErrorPageModule>();
  return {
    ...actual,
    ErrorPageContent: (props: { error: unknown }) => {
      if (faults.renderFails) {
        faults.renderFails = false;
        throw new Error("the error page failed to render");
      }
      return actual.ErrorPageContent(props);
    },
  };
});

let cookie: string;

beforeAll(async () => {
  await renderPage("/");
  cookie = await sessionCookieFor((await createUser({ name: "Amara Okafor" })).id);
});

beforeEach(() => {
  Object.assign(faults, { rootRuns: 0, rootFails: false, renderFails: false });
  vi.restoreAllMocks();
});

// a form the route cannot read: its action throws, and the root's error page shows it with no root loader run
const unreadableNameForm = () =>
  postRawPage(
    "/account/name",
    '--cut\r\nContent-Disposition: form-data; name="name"\r\n\r\nAmara',
    "multipart/form-data; boundary=cut",
    cookie,
  );

const header = (html: string) => readableText(html.slice(html.indexOf("<header"), html.indexOf("</header>")));

describe("the root's loader run by the entry for an action's error page", () => {
  it("runs once for a request whose first render threw, though it failed", async () => {
    const warn = vi.spyOn(logger, "warn");
    faults.rootFails = true;
    faults.renderFails = true;
    const response = await unreadableNameForm();

    // the second pass answered: the error page of the render's failure, under the signed-out header
    expect(faults.renderFails).toBe(false);
    expect(response.status).toBe(500);
    const html = await response.text();
    expect(html).toContain(`<title>${otherErrorText.title} – Social Value Marketplace</title>`);
    expect(header(html)).toContain("Sign in");
    expect(faults.rootRuns).toBe(1);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it("runs once for a request whose first render threw after it answered, and the page has its header", async () => {
    faults.renderFails = true;
    const response = await unreadableNameForm();

    expect(faults.renderFails).toBe(false);
    expect(response.status).toBe(500);
    const html = await response.text();
    expect(header(html)).toContain("Amara Okafor");
    expect(header(html)).toContain("Sign out");
    expect(faults.rootRuns).toBe(1);
  });
});
