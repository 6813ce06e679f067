// A council name of spaces only on the council's settings page was told "Council name must be at least 3
// characters": spaces are trimmed away, so it is an empty field, and is asked for as one ("Enter the council
// name"), as organisations' and partnerships' names already were. A guidance page's web address name of spaces is
// asked for the same way, not called too short and told which characters to use.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createWorldSignedInAs, unique, type World } from "../helpers/factories.ts";
import { fieldError } from "../helpers/error-summary.ts";
import { formOf, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";

let world: World;
let admin: string;

beforeAll(async () => {
  await renderPage("/");
  ({ world, cookie: admin } = await createWorldSignedInAs("councilAdmin"));
});

const saveSettings = (councilName: string) =>
  postPage(
    "/council/settings",
    formOf({
      councilName,
      returnDueDays: "30",
      reminderDaysBefore: "7",
      overdueReminderDays: "7",
      brandColour: "#1d3d7a",
    }),
    admin,
  );

describe("the council's name on its settings page", () => {
  it.each(["   ", " \t "])("of spaces only (%j) is asked for, and the name kept", async (spaces) => {
    const response = await saveSettings(spaces);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(fieldError(html, "councilName")).toBe("Error: Enter the council name");
    expect(readableMainText(html)).not.toContain("characters");
    const council = await db.organisation.findUniqueOrThrow({ where: { id: world.councilA.id } });
    expect(council.name).toBe(world.councilA.name);
  });

  it("too short is told how long it must be, in the words the other names use", async () => {
    const response = await saveSettings(" Ab ");
    expect(response.status).toBe(400);
    expect(fieldError(await response.text(), "councilName")).toBe(
      "Error: Council name must be 3 characters or more",
    );
  });
});

describe("a guidance page's web address name", () => {
  it("of spaces only is asked for, and no page is saved", async () => {
    const title = unique("s53 spaces slug");
    const response = await postPage(
      "/council/guidance/new",
      formOf({
        intent: "save",
        councilId: world.councilA.id,
        title,
        slug: "   ",
        audience: "EVERYONE",
        bodyMarkdown: "Post a need, suppliers pledge, you confirm.",
      }),
      admin,
    );
    expect(response.status).toBe(400);
    expect(fieldError(await response.text(), "slug")).toBe("Error: Enter a web address name");
    expect(await db.guidancePage.count({ where: { title } })).toBe(0);
  });
});
