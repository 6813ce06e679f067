// An admin of two councils opens Council settings while working for one, switches to the other in another window
// (the switcher is a cookie, shared by every window), then saves the first window's form: the settings, the
// council's name among them, were written over the council the switcher named at that moment, renaming it and
// replacing its brand colour and return schedule with the first one's. The form now names the council it was
// shown for, and its settings are saved to that council (if the person is still its admin).
import { beforeAll, describe, expect, it } from "vitest";
import { ORGANISATION_COOKIE } from "~/auth/permissions.server.ts";
import { db } from "~/db.server.ts";
import { action as settingsAction } from "~/routes/council.settings.tsx";
import { addMember, createMember, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";
import { callAction } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let session: string;
const workingFor = (councilId: string) => `${session}; ${ORGANISATION_COOKIE}=${councilId}`;

const form = (fields: Record<string, string> = {}) => ({
  councilName: "Northshire County Council",
  returnDueDays: "45",
  reminderDaysBefore: "10",
  overdueReminderDays: "3",
  brandColour: "#005a30",
  proxyValueSource: "",
  ...fields,
});

const settingsOf = async (councilId: string) => {
  const council = await db.organisation.findUniqueOrThrow({
    where: { id: councilId },
    select: { name: true, councilSettings: { select: { returnDueDays: true, brandColour: true } } },
  });
  return { name: council.name, ...council.councilSettings };
};

beforeAll(async () => {
  world = await createWorld();
  // council A's admin is council B's admin too
  await addMember(world.councilB.id, world.users.councilAdmin.id, "ADMIN");
  session = await sessionCookieFor(world.users.councilAdmin.id);
});

describe("council settings saved after switching council in another window", () => {
  it("puts the council it is for in the form", async () => {
    const html = await (await renderPage("/council/settings", workingFor(world.councilA.id))).text();
    expect(html).toMatch(new RegExp(`<input type="hidden" name="councilId" value="${world.councilA.id}"/>`));
  });

  it("saves to the council the form was shown for, not the one the switcher names now", async () => {
    const bBefore = await settingsOf(world.councilB.id);
    const response = await callAction(settingsAction, {
      path: "/council/settings",
      cookie: workingFor(world.councilB.id),
      form: form({ councilId: world.councilA.id }),
    });
    expect(response.status).toBe(302);
    expect(await settingsOf(world.councilA.id)).toEqual({
      name: "Northshire County Council",
      returnDueDays: 45,
      brandColour: "#005a30",
    });
    expect(await settingsOf(world.councilB.id)).toEqual(bBefore);
  });

  it("keeps naming that council when the form comes back with an error", async () => {
    const response = await callAction(settingsAction, {
      path: "/council/settings",
      cookie: workingFor(world.councilB.id),
      form: form({ councilId: world.councilA.id, brandColour: "#ffdd00" }),
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.initialValue.councilId).toBe(world.councilA.id);
    expect(body.councilName).toBe("Northshire County Council");
  });

  it("refuses a council the person is not an admin of, and takes the council worked for when none is named", async () => {
    const adminOfAOnly = await sessionCookieFor((await createMember(world.councilA.id, "ADMIN")).id);
    const officer = await sessionCookieFor(world.users.officerA.id);
    const before = await settingsOf(world.councilB.id);
    const refused = await callAction(settingsAction, {
      path: "/council/settings",
      cookie: adminOfAOnly,
      form: form({ councilId: world.councilB.id, councilName: "Taken over" }),
    });
    expect(refused.status).toBe(404);
    expect(await settingsOf(world.councilB.id)).toEqual(before);
    expect(
      (
        await callAction(settingsAction, {
          path: "/council/settings",
          cookie: officer,
          form: form({ councilId: world.councilA.id }),
        })
      ).status,
      // an officer of the council named is told it needs the administrator role
    ).toBe(403);

    const unnamed = await callAction(settingsAction, {
      path: "/council/settings",
      cookie: workingFor(world.councilB.id),
      form: form({ councilName: "Eastvale Borough Council" }),
    });
    expect(unnamed.status).toBe(302);
    expect((await settingsOf(world.councilB.id)).name).toBe("Eastvale Borough Council");
  });
});
