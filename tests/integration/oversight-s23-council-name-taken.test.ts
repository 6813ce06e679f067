// A council could not be added under another council's name (in any case), but its admin could rename it to one
// on the settings page: two councils of one name on the impact page, the guidance list and the sign-up form's
// choice of council, with nothing to tell them apart. The rename is now refused by the field, as adding is.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { COUNCIL_NAME_TAKEN } from "~/domain/content/council-settings.server.ts";
import { action as settingsAction } from "~/routes/council.settings.tsx";
import { createWorldSignedInAs, type World } from "../helpers/factories.ts";
import { callAction, jsonOf } from "../helpers/routes.ts";

let world: World;
let cookie: string;

const save = (councilName: string) =>
  callAction(settingsAction, {
    path: "/council/settings",
    cookie,
    form: {
      councilName,
      returnDueDays: "45",
      reminderDaysBefore: "7",
      overdueReminderDays: "7",
      brandColour: "#1d3d7a",
      proxyValueSource: "",
    },
  });

const councilA = () =>
  db.organisation.findUniqueOrThrow({
    where: { id: world.councilA.id },
    select: { name: true, councilSettings: { select: { returnDueDays: true } } },
  });

beforeAll(async () => {
  ({ world, cookie } = await createWorldSignedInAs("councilAdmin"));
});

describe("renaming a council in its settings", () => {
  it("refuses another council's name, in any case, by the field, keeping what was typed and saving nothing", async () => {
    for (const taken of [
      world.councilB.name,
      world.councilB.name.toUpperCase(),
      ` ${world.councilB.name} `,
      // as a reader sees it: a hidden character or a second space is not another name (as when adding a council)
      `${world.councilB.name}\u200B`,
      world.councilB.name.replace(" ", "  "),
      world.councilB.name.replace(" ", "\u00A0"),
    ]) {
      const response = await save(taken);
      expect(response.status).toBe(400);
      const reply = await jsonOf<{
        error: Record<string, string[]>;
        initialValue: Record<string, string>;
      }>(response);
      expect(reply.error.councilName).toEqual([COUNCIL_NAME_TAKEN]);
      expect(reply.initialValue.councilName).toBe(taken);
      expect(await councilA()).toEqual({
        name: world.councilA.name,
        councilSettings: { returnDueDays: 30 },
      });
    }
    expect(
      await db.auditLog.count({
        where: { action: "council.settings_update", organisationId: world.councilA.id },
      }),
    ).toBe(0);
  });

  it("takes % and _ in a name as themselves, not as wildcards matching another council's name", async () => {
    for (const name of [`${world.councilB.name.slice(0, 7)}%`, world.councilB.name.replace("o", "_")]) {
      expect((await save(name)).status).toBe(302);
      expect((await councilA()).name).toBe(name);
    }
  });

  it("still saves the council's own name in another case, and a name no other council has", async () => {
    await db.organisation.update({ where: { id: world.councilA.id }, data: { name: world.councilA.name } });
    expect((await save(world.councilA.name.toLowerCase())).status).toBe(302);
    expect((await councilA()).name).toBe(world.councilA.name.toLowerCase());
    expect((await save("Westshire Borough Council")).status).toBe(302);
    expect(await councilA()).toEqual({
      name: "Westshire Borough Council",
      councilSettings: { returnDueDays: 45 },
    });
  });
});
