// "Where your local £ values come from" saved as characters that show nothing (zero-width spaces, pasted with a
// copied title) was kept as the source, so every local £ figure was labelled "Source: " and a blank instead of
// saying the source is not stated and where to add it. It is saved as no source, as a blank answer is.
import { beforeAll, describe, expect, it } from "vitest";
import { getCouncilSettings } from "~/domain/content/council-settings.server.ts";
import { action as settingsAction } from "~/routes/council.settings.tsx";
import { createWorldSignedInAs, type World } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";

let world: World;
let cookie: string;

const save = (proxyValueSource: string) =>
  callAction(settingsAction, {
    path: "/council/settings",
    cookie,
    form: {
      councilName: world.councilA.name,
      returnDueDays: "30",
      reminderDaysBefore: "7",
      overdueReminderDays: "7",
      brandColour: "#1d3d7a",
      proxyValueSource,
    },
  });

beforeAll(async () => {
  ({ world, cookie } = await createWorldSignedInAs("councilAdmin"));
});

describe("the source of local £ values", () => {
  it("is not stated when only characters that show nothing are given", async () => {
    expect((await save("Northshire proxy values 2026")).status).toBe(302);
    expect((await getCouncilSettings(world.councilA.id))?.proxyValueSource).toBe(
      "Northshire proxy values 2026",
    );
    expect((await save("\u200B\u200B \u2060")).status).toBe(302);
    expect((await getCouncilSettings(world.councilA.id))?.proxyValueSource).toBeNull();
  });

  it("keeps a source with words in it, invisible characters and all", async () => {
    expect((await save("Northshire\u200B values")).status).toBe(302);
    expect((await getCouncilSettings(world.councilA.id))?.proxyValueSource).toBe("Northshire\u200B values");
  });
});
