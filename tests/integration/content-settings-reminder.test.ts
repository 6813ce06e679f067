// The reminder before a return's due date must come after the return opens (at quarter end). A council that set
// returns due 5 days after quarter end and a reminder 7 days before the due date had the "reminder" sent the day
// the return opened, with the opening email, and never again before the due date. Such settings are refused next
// to the reminder field, with the admin's answers kept.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as settingsAction } from "~/routes/council.settings.tsx";
import { createWorldSignedInAs, type World } from "../helpers/factories.ts";
import { callAction, jsonOf } from "../helpers/routes.ts";

let world: World;
let cookie: string;

beforeAll(async () => {
  ({ world, cookie } = await createWorldSignedInAs("councilAdmin"));
});

const save = (returnDueDays: string, reminderDaysBefore: string) =>
  callAction(settingsAction, {
    path: "/council/settings",
    cookie,
    form: {
      councilName: "Northshire Council",
      returnDueDays,
      reminderDaysBefore,
      overdueReminderDays: "7",
      brandColour: "#1d3d7a",
      proxyValueSource: "",
    },
  });

type Reply = { error?: Record<string, string[]>; initialValue?: Record<string, string> };

describe("the reminder before the due date", () => {
  it("is refused when it would come before the return opens, with the answers kept", async () => {
    for (const [due, reminder] of [
      ["5", "7"],
      ["7", "7"],
    ]) {
      const response = await save(due!, reminder!);
      expect(response.status).toBe(400);
      const reply = await jsonOf<Reply>(response);
      expect(reply.error).toEqual({
        reminderDaysBefore: [
          `The reminder must come after a return opens: send it fewer days before the due date than the ${due} days a return is due after quarter end`,
        ],
      });
      expect(reply.initialValue).toMatchObject({ returnDueDays: due, reminderDaysBefore: reminder });
    }
    const council = await db.organisation.findUniqueOrThrow({
      where: { id: world.councilA.id },
      select: { name: true, councilSettings: { select: { returnDueDays: true } } },
    });
    expect(council.name).toBe(world.councilA.name);
    expect(council.councilSettings?.returnDueDays ?? 30).toBe(30);
  });

  it("is shown with the other problems at once", async () => {
    const response = await callAction(settingsAction, {
      path: "/council/settings",
      cookie,
      form: {
        councilName: "",
        returnDueDays: "5",
        reminderDaysBefore: "6",
        overdueReminderDays: "7",
        brandColour: "#1d3d7a",
      },
    });
    expect(response.status).toBe(400);
    expect(Object.keys((await jsonOf<Reply>(response)).error ?? {}).sort()).toEqual([
      "councilName",
      "reminderDaysBefore",
    ]);
  });

  it("is saved when it comes after the return opens", async () => {
    expect((await save("5", "4")).status).toBe(302);
    expect(
      await db.councilSettings.findUniqueOrThrow({ where: { organisationId: world.councilA.id } }),
    ).toMatchObject({
      returnDueDays: 5,
      reminderDaysBefore: 4,
    });
  });
});
