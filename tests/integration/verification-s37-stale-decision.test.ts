// A pending organisation's owner may change its registered details while it waits (decision 039). An officer who
// opened its verification page, then clicked Verify (or Reject) after the owner had changed them, decided on details
// they never saw. The decision forms now carry the version of the details shown, and a decision on an older version
// is refused: the page answers again with the new details and says why, and nothing is written or emailed.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import {
  addMember,
  createOrganisation,
  createUser,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { formOf, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";

afterAll(() => closeRateLimits());

const CHANGED =
  "The organisation changed its details since you opened this page: check them and decide again";

const world = await createWorld();
const officer = await sessionCookieFor(world.users.officerA.id);

async function pendingVcse() {
  const organisation = await createOrganisation({
    kind: "VCSE",
    councilId: world.councilA.id,
    status: "PENDING",
  });
  const user = await createUser();
  await addMember(organisation.id, user.id, "OWNER");
  return { organisation, owner: { ...user, cookie: await sessionCookieFor(user.id) } };
}

// the owner saves new details on the organisation's edit page, as it may while it waits
async function ownerChangesArea(organisationId: string, name: string, cookie: string, areaServed: string) {
  const response = await postPage(
    `/organisations/${organisationId}/edit`,
    formOf({
      intent: "save",
      name,
      charityNumber: "1123456",
      areaServed,
      description: "A food pantry run by volunteers for families in need.",
    }),
    cookie,
  );
  expect(response.status).toBe(302);
}

// the officer opens the page: what it shows, and the version its decision forms carry
async function openPage(organisationId: string) {
  const response = await renderPage(`/council/verification/${organisationId}`, officer);
  expect(response.status).toBe(200);
  const html = await response.text();
  const versions = [...html.matchAll(/<input type="hidden" name="version" value="([^"]+)"/g)].map(
    ([, v]) => v!,
  );
  expect(versions).toHaveLength(2); // the verify form's and the reject form's
  return { html, version: versions[0]! };
}

const decide = (organisationId: string, values: Record<string, string>) =>
  postPage(`/council/verification/${organisationId}`, formOf(values), officer);

async function written(organisationId: string, ownerEmail: string) {
  const [organisation, audits, emails] = await Promise.all([
    db.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { status: true } }),
    db.auditLog.count({
      where: { entityId: organisationId, action: { in: ["organisation.verify", "organisation.reject"] } },
    }),
    db.emailOutbox.count({ where: { to: ownerEmail } }),
  ]);
  return { status: organisation.status, audits, emails };
}

describe("a verification decision on details changed since the page was opened", () => {
  it("is refused for Verify, with the new details shown, and the next Verify on them counts", async () => {
    const { organisation, owner } = await pendingVcse();
    const { version } = await openPage(organisation.id);
    await ownerChangesArea(organisation.id, organisation.name, owner.cookie, "Somewhere else entirely");

    const refused = await decide(organisation.id, { intent: "verify", version });
    expect(refused.status).toBe(409);
    const html = await refused.text();
    const text = readableMainText(html);
    expect(text).toContain(CHANGED);
    expect(text).toContain("Somewhere else entirely");
    expect(await written(organisation.id, owner.email)).toEqual({ status: "PENDING", audits: 0, emails: 0 });

    // the page answered carries the new version: deciding again on what it shows now counts
    const again = html.match(/<input type="hidden" name="version" value="([^"]+)"/)![1]!;
    expect(again).not.toBe(version);
    const verified = await decide(organisation.id, { intent: "verify", version: again });
    expect(verified.status).toBe(302);
    expect(await written(organisation.id, owner.email)).toEqual({ status: "VERIFIED", audits: 1, emails: 1 });
  });

  it("is refused for Reject, keeping the reason typed", async () => {
    const { organisation, owner } = await pendingVcse();
    const { version } = await openPage(organisation.id);
    await ownerChangesArea(organisation.id, organisation.name, owner.cookie, "Only the north ward");

    const reason = "We could not find this charity number on the register";
    const refused = await decide(organisation.id, { intent: "reject", reason, version });
    expect(refused.status).toBe(409);
    const text = readableMainText(await refused.text());
    expect(text).toContain(CHANGED);
    expect(text).toContain("Only the north ward");
    expect(text).toContain(reason);
    expect(await written(organisation.id, owner.email)).toEqual({ status: "PENDING", audits: 0, emails: 0 });
  });

  it("is refused when the name alone changed", async () => {
    const { organisation, owner } = await pendingVcse();
    const { version } = await openPage(organisation.id);
    await ownerChangesArea(organisation.id, `${organisation.name} Renamed`, owner.cookie, "Guildford");
    const refused = await decide(organisation.id, { intent: "verify", version });
    expect(refused.status).toBe(409);
    expect(await written(organisation.id, owner.email)).toMatchObject({ status: "PENDING", audits: 0 });
  });
});

describe("a verification decision on the details shown", () => {
  it("counts, and the same decision sent twice (a double click) is answered as the first", async () => {
    const { organisation, owner } = await pendingVcse();
    const { version } = await openPage(organisation.id);
    const first = await decide(organisation.id, { intent: "verify", version });
    const second = await decide(organisation.id, { intent: "verify", version });
    expect(first.status).toBe(302);
    expect(second.status).toBe(302);
    expect(await written(organisation.id, owner.email)).toEqual({ status: "VERIFIED", audits: 1, emails: 1 });
  });

  it("a rejection sent twice is answered as the first", async () => {
    const { organisation, owner } = await pendingVcse();
    const { version } = await openPage(organisation.id);
    const reason = "No charity by that name on the register";
    const first = await decide(organisation.id, { intent: "reject", reason, version });
    const second = await decide(organisation.id, { intent: "reject", reason, version });
    expect(first.status).toBe(302);
    expect(second.status).toBe(302);
    expect(await written(organisation.id, owner.email)).toEqual({ status: "REJECTED", audits: 1, emails: 1 });
  });

  it("an edited version that is not a time is answered as changed, with nothing written", async () => {
    const { organisation, owner } = await pendingVcse();
    const refused = await decide(organisation.id, { intent: "verify", version: "yesterday" });
    expect(refused.status).toBe(409);
    expect(readableMainText(await refused.text())).toContain(CHANGED);
    expect(await written(organisation.id, owner.email)).toMatchObject({ status: "PENDING", audits: 0 });
  });
});
