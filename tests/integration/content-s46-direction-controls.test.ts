// A council name or a guidance page's title with the characters that turn the direction text is drawn in (U+202A to
// U+202E, U+2066 to U+2069) was saved, and read otherwise than typed in the header, emails, the guidance list and the
// audit log ("Northshire \u202Elicnuoc" shows as "Northshire council"). Both are now refused with the rule and words
// people's and organisations' names use, next to the field, with what was typed kept and nothing saved; the marks
// that only nudge neutral characters (U+200E, U+200F) stay allowed.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createGuidancePage, createWorldSignedInAs, unique, type World } from "../helpers/factories.ts";
import { formOf, postPage, renderPage } from "../helpers/render-page.ts";
import { fieldError } from "../helpers/error-summary.ts";

let world: World;
let admin: string;

beforeAll(async () => {
  await renderPage("/");
  ({ world, cookie: admin } = await createWorldSignedInAs("councilAdmin"));
});

const CONTROLS = ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"];
const named = (control: string) => `U+${control.codePointAt(0)!.toString(16).toUpperCase()}`;

const settings = (councilName: string) =>
  formOf({
    councilName,
    returnDueDays: "30",
    reminderDaysBefore: "7",
    overdueReminderDays: "7",
    brandColour: "#1d3d7a",
  });

describe("the council name in the council's settings", () => {
  it.each(CONTROLS.map((c) => [named(c), c]))("is refused with %s in it", async (_name, control) => {
    const typed = `Northshire ${control}licnuoc`;
    const response = await postPage("/council/settings", settings(typed), admin);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(fieldError(html, "councilName")).toBe(
      "Error: The council name must not contain characters that change the direction of the text (copy it again from where it is written)",
    );
    expect(html).toContain(`value="${typed}"`);
    const council = await db.organisation.findUniqueOrThrow({ where: { id: world.councilA.id } });
    expect(council.name).toBe(world.councilA.name);
  });

  it("is saved with the marks that only nudge neutral characters", async () => {
    const response = await postPage("/council/settings", settings("Northshire\u200E Council"), admin);
    expect(response.status).toBe(302);
    const council = await db.organisation.findUniqueOrThrow({ where: { id: world.councilA.id } });
    expect(council.name).toBe("Northshire\u200E Council");
  });
});

const guidance = (title: string, slug: string) =>
  formOf({
    intent: "save",
    councilId: world.councilA.id,
    title,
    slug,
    audience: "EVERYONE",
    bodyMarkdown: "Post a need, suppliers pledge, you confirm.",
  });

describe("a guidance page's title", () => {
  it.each(CONTROLS.map((c) => [named(c), c]))("is refused with %s in it", async (_name, control) => {
    const slug = unique("s46-direction").toLowerCase();
    const typed = `How ${control}gnigdelp works`;
    const response = await postPage("/council/guidance/new", guidance(typed, slug), admin);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(fieldError(html, "title")).toBe(
      "Error: The title must not contain characters that change the direction of the text (copy it again from where it is written)",
    );
    expect(html).toContain(`value="${typed}"`);
    expect(await db.guidancePage.count({ where: { slug } })).toBe(0);
  });

  it("is refused on a page already saved, which keeps its title", async () => {
    const saved = await createGuidancePage({ councilId: world.councilA.id, title: "Kept" });
    const response = await postPage(
      `/council/guidance/${saved.id}`,
      guidance("\u2067Kept", saved.slug),
      admin,
    );
    expect(response.status).toBe(400);
    expect((await db.guidancePage.findUniqueOrThrow({ where: { id: saved.id } })).title).toBe("Kept");
  });
});
