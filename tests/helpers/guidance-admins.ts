// The tests of a guidance page saved by someone since a page of it was opened (its edit page, its delete page) start
// from the same records and steps: council A's admin and a colleague admin signed in, the version a page carries,
// and a "Save page" as the edit form sends it.
import { createMember, createWorld, sessionCookieFor } from "./factories.ts";
import { formOf, postPage, renderPage } from "./render-page.ts";

/** createWorld once the app is put together, with council A's admin and a colleague admin called "Priya Colleague"
 * signed in (their cookies). */
export async function guidanceAdmins() {
  await renderPage("/");
  const world = await createWorld();
  const admin = await sessionCookieFor(world.users.councilAdmin.id);
  const colleague = await sessionCookieFor(
    (await createMember(world.councilA.id, "ADMIN", { name: "Priya Colleague" })).id,
  );
  return { world, admin, colleague };
}

export type GuidanceAdmins = Awaited<ReturnType<typeof guidanceAdmins>>;

/** Who saved the page since it was opened in this tab (the admin, in another tab, or the colleague), and the words
 * the page names them with. */
export const SAVED_BY = {
  self: {
    who: "the same admin in another tab",
    saver: (setup: GuidanceAdmins) => setup.admin,
    says: "You changed this page in another tab or window after opening it here",
  },
  colleague: {
    who: "a colleague",
    saver: (setup: GuidanceAdmins) => setup.colleague,
    says: "Priya Colleague changed this page after you opened it here",
  },
};

/** The version a page's form carries (its hidden field), if it has one. */
export const versionIn = (html: string) =>
  html.match(/<input type="hidden" name="version" value="([^"]+)"/)?.[1];

/** The version the page at `location` carries, as `cookie` is shown it. */
export async function versionShown(location: string, cookie: string) {
  const version = versionIn(await (await renderPage(location, cookie)).text());
  if (!version) throw new Error(`${location} carries no version`);
  return version;
}

/** "Save page" on the guidance page's edit page, from a tab showing it at `version`, with a new title. */
export const saveGuidance = (
  cookie: string,
  page: { id: string; slug: string; bodyMarkdown: string },
  version: string,
  title: string,
) =>
  postPage(
    `/council/guidance/${page.id}`,
    formOf({
      intent: "save",
      title,
      slug: page.slug,
      audience: "EVERYONE",
      bodyMarkdown: page.bodyMarkdown,
      published: "on",
      version,
    }),
    cookie,
  );
