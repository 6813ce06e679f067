// Three refusals a route makes before doing anything with a request showed the error page's last resort, "Sorry,
// there is a problem with the service. Try again later": a form body that could not be read (400, readForm), a
// return's form with an evidence file or an answer too large to read (413), and, new, an address naming two councils.
// Each is now the portal's error page in the site's layout, titled and worded for what was wrong and what to do.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { routeRefusalText } from "~/ui/error-text.ts";
import { createWorld, sessionCookieFor } from "../helpers/factories.ts";
import {
  formOf,
  postPage,
  postRawPage,
  readableMainText,
  readableText,
  renderPage,
} from "../helpers/render-page.ts";
import { createReturnsWorld, returnForm } from "./returns-world.ts";

const SITE = "Social Value Marketplace";
let world: Awaited<ReturnType<typeof createReturnsWorld>>;

beforeAll(async () => {
  await renderPage("/");
  world = await createReturnsWorld();
});

// the page's single title, its main text, and its header's text (the layout of the person signed in)
async function refusalPage(response: Response) {
  const html = await response.text();
  return {
    titles: [...html.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => m[1]),
    main: readableMainText(html),
    header: readableText(html.slice(html.indexOf("<header"), html.indexOf("</header>"))),
  };
}

async function expectRefusal(response: Response, status: number, which: keyof typeof routeRefusalText) {
  expect(response.status).toBe(status);
  const { title, body } = routeRefusalText[which];
  const page = await refusalPage(response);
  expect(page.titles).toEqual([`${title} – ${SITE}`]);
  expect(page.main).toContain(`${title} ${body}`);
  expect(page.main).not.toContain("Sorry, there is a problem");
  return page;
}

describe("a form the route cannot read", () => {
  it("is answered 400 with what was wrong and what to do", async () => {
    const response = await postRawPage(
      "/account/name",
      '--cut\r\nContent-Disposition: form-data; name="name"\r\n\r\nAmara',
      "multipart/form-data; boundary=cut",
      world.cookies.supplierOwner,
    );
    await expectRefusal(response, 400, "unreadableForm");
  });
});

describe("a return's form too large to read", () => {
  const post = (form: FormData) =>
    postPage(`/returns/${world.kpiReturn.id}`, form, world.cookies.supplierOwner);
  const form = (extra: [string, string | File]) => {
    const sent = formOf(returnForm(world, "save", { hours: "12" }));
    sent.append(...(extra as [string, string]));
    return sent;
  };

  it.each([
    ["an answer", () => form(["lines[1].note", "x".repeat(10 * 1024 * 1024 + 1)]), "answerTooLong"],
    [
      "a file sent in a field the return has no line for",
      () => form(["other", new File([Buffer.alloc(10 * 1024 * 1024 + 1, 0x20)], "padding.txt")]),
      "evidenceTooLarge",
    ],
  ] as const)("(%s) is answered 413 with its limit and what to do", async (_, sent, which) => {
    await expectRefusal(await post(sent()), 413, which);
  });
});

describe("an address naming two councils", () => {
  let admin = "";
  beforeAll(async () => {
    admin = await sessionCookieFor(world.users.councilAdmin.id);
  });
  const twice = () => `council=${world.councilA.id}&council=${world.councilB.id}`;

  it.each(["/council/requests", "/council/guidance", "/council/survey", "/contracts", "/returns"])(
    "%s is answered 400, Choose one council, in the layout",
    async (path) => {
      const page = await expectRefusal(
        await renderPage(`${path}?${twice()}`, admin),
        400,
        "councilNamedTwice",
      );
      expect(page.header).toContain("Sign out");
    },
  );

  it("refuses a form sent to such an address, doing nothing", async () => {
    const before = await db.category.count();
    const response = await postPage(
      `/council/categories?${twice()}`,
      formOf({ intent: "add", name: "Twice" }),
      admin,
    );
    await expectRefusal(response, 400, "councilNamedTwice");
    expect(await db.category.count()).toBe(before);
  });

  it("answers the same council named twice as named once", async () => {
    const once = world.councilA.id;
    expect((await renderPage(`/council/requests?council=${once}&council=${once}`, admin)).status).toBe(200);
  });
});

describe("a visitor with such an address", () => {
  it("is sent to sign in first, as before", async () => {
    const w = await createWorld();
    const response = await renderPage(`/council/requests?council=${w.councilA.id}&council=${w.councilB.id}`);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^\/sign-in\?redirectTo=/);
  });
});
