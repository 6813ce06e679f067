// "Save settings" sent twice (a double click, the form sent again after a slow answer) wrote two audit entries,
// each saying the council was renamed from its old name: both saves read the settings before either wrote. A save
// that changed nothing wrote an entry with no change in it. The audit log is what a council reads to learn who
// changed its settings, so each change is recorded once, and a save that changes nothing records none.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as settingsAction } from "~/routes/council.settings.tsx";
import { createWorldSignedInAs, type World } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";

let world: World;
let cookie: string;

const form = (councilName: string) => ({
  councilName,
  returnDueDays: "30",
  reminderDaysBefore: "7",
  overdueReminderDays: "7",
  brandColour: "#1d3d7a",
  proxyValueSource: "",
});

const save = (councilName: string) =>
  callAction(settingsAction, { path: "/council/settings", cookie, form: form(councilName) });

const entries = () =>
  db.auditLog.findMany({
    where: { action: "council.settings_update", organisationId: world.councilA.id },
    orderBy: { createdAt: "asc" },
    select: { details: true },
  });

beforeAll(async () => {
  ({ world, cookie } = await createWorldSignedInAs("councilAdmin"));
});

describe("council settings saved twice", () => {
  it("records a change sent twice at once once, saying what it was", async () => {
    const both = await Promise.all([save("Northshire Council"), save("Northshire Council")]);
    expect(both.map((r) => r.status)).toEqual([302, 302]);
    expect((await entries()).map((e) => e.details)).toEqual([
      { councilName: { from: world.councilA.name, to: "Northshire Council" } },
    ]);
  });

  it("records nothing for a save that changes nothing, and the next real change as it was", async () => {
    expect((await save("Northshire Council")).status).toBe(302);
    expect(await entries()).toHaveLength(1);
    expect((await save("Northshire County Council")).status).toBe(302);
    expect((await entries()).map((e) => e.details)).toEqual([
      { councilName: { from: world.councilA.name, to: "Northshire Council" } },
      { councilName: { from: "Northshire Council", to: "Northshire County Council" } },
    ]);
    const council = await db.organisation.findUniqueOrThrow({ where: { id: world.councilA.id } });
    expect(council.name).toBe("Northshire County Council");
  });
});
