// A request for several councils (decision 050): when its lead council publishes it, each other council it is for
// is emailed, since that council's suppliers can now count pledges to it. Before, they saw it only in their list.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as moderateAction } from "~/routes/council.moderation.$id.tsx";
import {
  createCouncil,
  createMember,
  createRequest,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
// one council with a social value team's address, one without (its admin is told), one no longer verified
let withTeam: { id: string; name: string };
let withoutTeam: { id: string; name: string };
let unverified: { id: string; name: string };
let admin: { email: string };
let officer: { email: string };
const TEAM = "social.value.team@partner.example";

beforeAll(async () => {
  world = await createWorld();
  withTeam = await createCouncil();
  await db.organisation.update({ where: { id: withTeam.id }, data: { contactEmail: TEAM } });
  withoutTeam = await createCouncil();
  admin = await createMember(withoutTeam.id, "ADMIN");
  officer = await createMember(withoutTeam.id, "OFFICER");
  unverified = await createCouncil();
  await db.organisation.update({ where: { id: unverified.id }, data: { status: "REJECTED" } });
});

async function submitted(title: string, alsoFor: string[]) {
  const need = await createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    title,
    status: "SUBMITTED",
  });
  await db.requestAlsoFor.createMany({
    data: alsoFor.map((councilId) => ({ requestId: need.id, councilId })),
  });
  return need;
}

async function approve(id: string) {
  return callAction(moderateAction, {
    path: `/council/moderation/${id}`,
    params: { id },
    cookie: await sessionCookieFor(world.users.officerA.id),
    form: { intent: "approve" },
  });
}

const toldAbout = (title: string) =>
  db.emailOutbox.findMany({
    where: { template: "marketplace.openForCouncil", subject: { contains: title } },
    orderBy: { to: "asc" },
  });

describe("publishing a request that is also for other councils", () => {
  it("emails each other council: its team's address, or else its admins", async () => {
    const title = `Shared food bank vans ${Date.now()}`;
    const need = await submitted(title, [withTeam.id, withoutTeam.id, unverified.id]);
    expect((await approve(need.id)).status).toBe(302);

    const emails = await toldAbout(title);
    expect(emails.map((e) => e.to).sort()).toEqual([admin.email.toLowerCase(), TEAM].sort());
    // the council no longer verified, and the other council's officer, are not told
    expect(emails.map((e) => e.councilId)).not.toContain(unverified.id);
    expect(emails.map((e) => e.to)).not.toContain(officer.email.toLowerCase());

    const team = emails.find((e) => e.to === TEAM)!;
    expect(team.councilId).toBe(withTeam.id);
    expect(team.subject).toBe(`A request for ${withTeam.name} is open: ${title}`);
    expect(team.text).toContain(`${world.councilA.name} approved “${title}” from ${world.vcse.name}.`);
    expect(team.text).toContain(
      `suppliers with contracts with ${withTeam.name} can count their pledges to it`,
    );
    expect(team.text).toContain(`/requests/${need.id}`);
    // the requestor is told as before
    const approved = await db.emailOutbox.count({
      where: { template: "marketplace.approve", subject: { contains: title } },
    });
    expect(approved).toBeGreaterThan(0);
  });

  it("tells them once when the approval is sent twice", async () => {
    const title = `Warm space heaters ${Date.now()}`;
    const need = await submitted(title, [withTeam.id]);
    const answers = await Promise.all([approve(need.id), approve(need.id)]);
    expect(answers.map((a) => a.status)).toEqual([302, 302]);
    expect(await toldAbout(title)).toHaveLength(1);
  });

  it("tells no other council about a request for its lead council only", async () => {
    const title = `Laptops for a homework club ${Date.now()}`;
    const need = await submitted(title, []);
    expect((await approve(need.id)).status).toBe(302);
    expect(await toldAbout(title)).toHaveLength(0);
  });
});
