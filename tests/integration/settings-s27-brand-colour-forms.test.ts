// Brand guidelines write a colour as "1D3D7A", "#1D3D7A" or, for short ones, "#039": an admin pasting "1d3d7a" was
// told "Enter the brand colour as a hex code", though it was one. Such a colour is now read as "#rrggbb" and saved
// (the header then carries it); a light one is still refused for its contrast with the header's white text,
// whichever way it is written, and anything else is still refused with the admin's text kept.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as settingsAction } from "~/routes/council.settings.tsx";
import { createWorldSignedInAs, sessionCookieFor, type World } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";
import { callAction, jsonOf } from "../helpers/routes.ts";

let world: World;
let cookie: string;

beforeAll(async () => {
  ({ world, cookie } = await createWorldSignedInAs("councilAdmin"));
});

const save = (brandColour: string) =>
  callAction(settingsAction, {
    path: "/council/settings",
    cookie,
    form: {
      councilName: world.councilA.name,
      returnDueDays: "30",
      reminderDaysBefore: "7",
      overdueReminderDays: "7",
      brandColour,
      proxyValueSource: "",
      councilId: world.councilA.id,
    },
  });

const saved = async () =>
  (
    await db.councilSettings.findUniqueOrThrow({
      where: { organisationId: world.councilA.id },
      select: { brandColour: true },
    })
  ).brandColour;

type Reply = { error?: Record<string, string[]>; initialValue?: Record<string, string> };

describe("the brand colour, as brand guidelines write it", () => {
  it("is read without its '#' or in three digits, and saved as #rrggbb", async () => {
    for (const [typed, colour] of [
      ["1D3D7A", "#1d3d7a"],
      [" 0b0c0c ", "#0b0c0c"],
      ["#039", "#003399"],
      ["036", "#003366"],
    ]) {
      expect((await save(typed!)).status).toBe(302);
      expect(await saved()).toBe(colour);
    }
    const page = await (
      await renderPage("/dashboard", await sessionCookieFor(world.users.vcseOwner.id))
    ).text();
    expect(page.match(/<header[^>]*>/)![0]).toContain("background-color:#003366");
  });

  it("is refused when too light for the header's white text, however it is written", async () => {
    for (const typed of ["fff", "#FFDD00", "777777"]) {
      const response = await save(typed);
      expect(response.status).toBe(400);
      const reply = await jsonOf<Reply>(response);
      expect(reply.error?.brandColour?.[0]).toMatch(/^Brand colour is too light for white text/);
      expect(reply.initialValue?.brandColour).toBe(typed);
    }
    expect(await saved()).toBe("#003366");
  });

  it("is refused, as typed, when it is not a hex colour", async () => {
    for (const typed of ["navy", "#12345", "rgb(0, 0, 0)", "##1d3d7a"]) {
      const response = await save(typed);
      expect(response.status).toBe(400);
      const reply = await jsonOf<Reply>(response);
      expect(reply.error?.brandColour).toEqual(["Enter the brand colour as a hex code, like #1d3d7a"]);
      expect(reply.initialValue?.brandColour).toBe(typed);
    }
  });
});
