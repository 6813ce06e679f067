// A guidance page titled with zero-width spaces ("\u200B\u200B") was saved, and listed as a link with no words:
// `.trim()` keeps characters that take no room on screen. A title, page content or council name that shows nothing
// is now refused next to its field, with what was typed kept; a title with words and a zero-width space in it is
// still a title.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { hasVisibleText } from "~/domain/content/visible-text.ts";
import { createWorldSignedInAs, unique, type World } from "../helpers/factories.ts";
import { postPage, renderPage } from "../helpers/render-page.ts";
import { fieldError } from "../helpers/error-summary.ts";

let world: World;
let admin: string;

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
};

const page = (fields: Record<string, string>) =>
  form({
    intent: "save",
    councilId: world.councilA.id,
    title: "How pledging works",
    slug: unique("s21-page").toLowerCase(),
    audience: "EVERYONE",
    bodyMarkdown: "Post a need, suppliers pledge, you confirm.",
    published: "on",
    ...fields,
  });

beforeAll(async () => {
  await renderPage("/");
  ({ world, cookie: admin } = await createWorldSignedInAs("councilAdmin"));
});

describe("a guidance page's title and content", () => {
  it("are refused when they show nothing, next to the field, keeping what was typed", async () => {
    const slug = unique("s21-invisible").toLowerCase();
    const response = await postPage(
      "/council/guidance/new",
      page({ title: "\u200B\u200B", slug, bodyMarkdown: " \u200D\u2060\uFEFF " }),
      admin,
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(fieldError(html, "title")).toBe(
      "Error: The title must contain letters, numbers or other characters you can see",
    );
    expect(fieldError(html, "bodyMarkdown")).toBe(
      "Error: The page content must contain letters, numbers or other characters you can see",
    );
    expect(html).toContain(`value="${slug}"`);
    expect(await db.guidancePage.count({ where: { slug } })).toBe(0);
  });

  it("refuse the other characters that draw nothing, and a change of title to them", async () => {
    for (const title of ["\u00AD\u200E\u200F", "\u3164\u3164", "\u2800", "\u0301\uFE0F"]) {
      const response = await postPage("/council/guidance/new", page({ title }), admin);
      expect(response.status, JSON.stringify(title)).toBe(400);
      expect(fieldError(await response.text(), "title")).toContain("characters you can see");
    }
    const saved = await db.guidancePage.create({
      data: {
        councilId: world.councilA.id,
        slug: unique("s21-kept").toLowerCase(),
        title: "Kept",
        bodyMarkdown: "x",
      },
    });
    const changed = await postPage(
      `/council/guidance/${saved.id}`,
      page({ title: "\u200B", slug: saved.slug }),
      admin,
    );
    expect(changed.status).toBe(400);
    expect((await db.guidancePage.findUniqueOrThrow({ where: { id: saved.id } })).title).toBe("Kept");
  });

  it("are saved when they have words, zero-width characters among them or not", async () => {
    const slug = unique("s21-words").toLowerCase();
    const response = await postPage(
      "/council/guidance/new",
      page({ title: "Pledging\u200B guide", slug, bodyMarkdown: "Say\u200B hello" }),
      admin,
    );
    expect(response.status).toBe(302);
    expect(await db.guidancePage.count({ where: { slug } })).toBe(1);
  });
});

describe("the council's name in its settings", () => {
  it("is refused when it shows nothing", async () => {
    const response = await postPage(
      "/council/settings",
      form({
        councilName: "\u200B\u200B\u200B\u200B",
        returnDueDays: "30",
        reminderDaysBefore: "7",
        overdueReminderDays: "7",
        brandColour: "#1d3d7a",
      }),
      admin,
    );
    expect(response.status).toBe(400);
    expect(fieldError(await response.text(), "councilName")).toBe(
      "Error: The council name must contain letters, numbers or other characters you can see",
    );
    expect((await db.organisation.findUniqueOrThrow({ where: { id: world.councilA.id } })).name).toBe(
      world.councilA.name,
    );
  });
});

describe("hasVisibleText", () => {
  it("finds letters, figures and symbols, not spaces, joiners, marks alone or fillers", () => {
    for (const seen of ["a", "7", "£", "é", "e\u0301", "😀", "中", "\u200Bx\u200B"])
      expect(hasVisibleText(seen), JSON.stringify(seen)).toBe(true);
    for (const unseen of [
      "",
      " ",
      "\t\n",
      "\u200B",
      "\u200C\u200D",
      "\u2060\uFEFF",
      "\u00AD",
      "\u202E",
      "\u3164",
    ])
      expect(hasVisibleText(unseen), JSON.stringify(unseen)).toBe(false);
  });
});
