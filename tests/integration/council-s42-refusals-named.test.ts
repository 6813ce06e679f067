// Two council forms still answered a council's own officer without the administrator role as if it were not theirs:
// the settings form shown for council A, sent by an officer of A who is an administrator of council B, was told "Page
// not found", and an officer of A asking to invite someone to take over one of A's organisations was told only that
// an admin must do it. Both now say who can (decision 043): the council's administrators by name, with a 403, and
// change nothing. Anyone outside the council still gets 404.
import { beforeAll, describe, expect, it } from "vitest";
import { ORGANISATION_COOKIE } from "~/auth/permissions.server.ts";
import { db } from "~/db.server.ts";
import {
  addMember,
  createMember,
  createOrganisation,
  createPartnershipMember,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { formOf, postPage, readableMainText } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  world = await createWorld();
  await db.user.update({ where: { id: world.users.councilAdmin.id }, data: { name: "Amara Okafor" } });
});

const settingsForm = (councilId: string) =>
  formOf({
    councilName: "Taken over",
    returnDueDays: "45",
    reminderDaysBefore: "10",
    overdueReminderDays: "3",
    brandColour: "#005a30",
    proxyValueSource: "",
    councilId,
  });

describe("council A's settings form, sent by an administrator of council B", () => {
  it("who is an officer of A: 403 naming A's administrators, and A's settings unchanged", async () => {
    const officer = await createMember(world.councilA.id, "OFFICER");
    await addMember(world.councilB.id, officer.id, "ADMIN");
    const cookie = `${await sessionCookieFor(officer.id)}; ${ORGANISATION_COOKIE}=${world.councilB.id}`;
    const response = await postPage("/council/settings", settingsForm(world.councilA.id), cookie);
    expect(response.status).toBe(403);
    const text = readableMainText(await response.text());
    expect(text).toContain("You do not have permission to change the council settings");
    expect(text).toContain(
      `Only administrators of ${world.councilA.name} can change the council settings. Ask ` +
        `${world.councilA.name}’s administrator, Amara Okafor, to give you the administrator role.`,
    );
    const names = await db.organisation.findMany({
      where: { id: { in: [world.councilA.id, world.councilB.id] } },
      select: { name: true },
    });
    expect(names.map((n) => n.name)).not.toContain("Taken over");
  });

  it("who is not a member of A: 404, naming no one", async () => {
    const outsider = await createMember(world.councilB.id, "ADMIN");
    const response = await postPage(
      "/council/settings",
      settingsForm(world.councilA.id),
      await sessionCookieFor(outsider.id),
    );
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("Amara Okafor");
  });
});

describe("inviting someone to take over an organisation, asked by someone not an administrator", () => {
  const invite = async (organisationId: string, userId: string) =>
    postPage(
      `/council/verification/${organisationId}`,
      formOf({ intent: "invite-owner", email: "new.owner@example.test" }),
      await sessionCookieFor(userId),
    );

  it("of its council: 403 naming the council's administrators, and no one invited", async () => {
    const organisation = await createOrganisation({
      kind: "SUPPLIER",
      councilId: world.councilA.id,
      status: "VERIFIED",
    });
    const response = await invite(organisation.id, world.users.officerA.id);
    expect(response.status).toBe(403);
    const text = readableMainText(await response.text());
    expect(text).toContain("You do not have permission to invite someone to take over an organisation");
    expect(text).toContain(
      `Only administrators of ${world.councilA.name} can invite someone to take over an organisation. Ask ` +
        `${world.councilA.name}’s administrator, Amara Okafor, to give you the administrator role.`,
    );
    expect(await db.invitation.count({ where: { organisationId: organisation.id } })).toBe(0);
  });

  it("acting for its council through a partnership: still refused (403) without naming anyone", async () => {
    const organisation = await createOrganisation({
      kind: "SUPPLIER",
      councilId: world.councilA.id,
      status: "VERIFIED",
    });
    const partner = await createPartnershipMember(world.councilB.id, "OFFICER");
    const response = await invite(organisation.id, partner.id);
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain("Amara Okafor");
  });

  it("of another council: 404", async () => {
    const organisation = await createOrganisation({
      kind: "SUPPLIER",
      councilId: world.councilA.id,
      status: "VERIFIED",
    });
    const response = await invite(organisation.id, world.users.officerB.id);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("Amara Okafor");
  });
});
