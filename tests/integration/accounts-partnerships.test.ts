// Partnerships: one login works across the partner councils; each council still sees only its own records.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { setCouncilPartnership } from "~/domain/accounts/organisations.server.ts";
import { contractFormOptions } from "~/domain/contracts/contracts.server.ts";
import { loader as contractsLoader } from "~/routes/contracts._index.tsx";
import { loader as settingsLoader } from "~/routes/council.settings.tsx";
import { loader as queueLoader } from "~/routes/council.verification._index.tsx";
import {
  action as organisationAction,
  loader as organisationLoader,
} from "~/routes/organisations.$id._index/route.tsx";
import { loader as organisationsLoader } from "~/routes/organisations._index.tsx";
import { loader as surveysLoader } from "~/routes/council.survey._index.tsx";
import { action as switchAction } from "~/routes/switch-organisation.tsx";
import {
  addMember,
  createContract,
  createCouncil,
  createMember,
  createOrganisation,
  createPartnership,
  createUser,
  sessionCookieFor,
  unique,
} from "../helpers/factories.ts";
import { changePartnershipConfirmed } from "../helpers/partnership-change.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";

afterAll(() => closeRateLimits());

const partnership = await createPartnership();
const councilA = await createCouncil({ name: unique("Partner A"), partnershipId: partnership.id });
const councilB = await createCouncil({ name: unique("Partner B"), partnershipId: partnership.id });
const outsider = await createCouncil({ name: unique("Outside council") });
const adminA = await createMember(councilA.id, "ADMIN");
const adminB = await createMember(councilB.id, "ADMIN");
const officerA = await createMember(councilA.id, "OFFICER", { surveyAccess: true });
const adminACookie = await sessionCookieFor(adminA.id);
const officerCookie = await sessionCookieFor(officerA.id);
const membershipOf = (userId: string, organisationId: string) =>
  db.membership.findFirstOrThrow({ where: { userId, organisationId } });

type Membership = { organisationId: string; role: string; surveyAccess: boolean; viaCouncil: string | null };

async function membershipsOf(cookie: string) {
  const page = await callLoader(organisationsLoader, { path: "/organisations", cookie });
  return ((await page.json()) as { memberships: Membership[] }).memberships;
}

function setAccess(cookie: string, councilId: string, membershipId: string, access: "grant" | "revoke") {
  return callAction(organisationAction, {
    path: `/organisations/${councilId}`,
    params: { id: councilId },
    cookie,
    form: { intent: "partnership-access", membershipId, access },
  });
}

async function actingFor(cookie: string, organisationId: string) {
  const switched = await callAction(switchAction, {
    path: "/switch-organisation",
    cookie,
    form: { organisationId, redirectTo: "/dashboard" },
  });
  expect(switched.status).toBe(302);
  return `${cookie}; ${switched.headers.get("set-cookie")!.split(";")[0]}`;
}

describe("partnership-wide members", () => {
  it("work for their own council only until its admin lets them work for every partner", async () => {
    expect((await membershipsOf(officerCookie)).map((m) => m.organisationId)).toEqual([councilA.id]);
    const membership = await membershipOf(officerA.id, councilA.id);

    const granted = await setAccess(adminACookie, councilA.id, membership.id, "grant");
    expect(granted.status).toBe(302);
    const memberships = await membershipsOf(officerCookie);
    expect(memberships).toEqual([
      expect.objectContaining({ organisationId: councilA.id, role: "OFFICER", viaCouncil: null }),
      // an officer at the partner, never with its survey access (each council grants that itself)
      expect.objectContaining({
        organisationId: councilB.id,
        role: "OFFICER",
        surveyAccess: false,
        viaCouncil: councilA.name,
      }),
    ]);
    expect(memberships.map((m) => m.organisationId)).not.toContain(outsider.id);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "membership.partnership_grant", entityId: membership.id },
    });
    expect(audit).toMatchObject({ actorUserId: adminA.id, organisationId: councilA.id });

    // Granting twice is harmless: one audit entry.
    await setAccess(adminACookie, councilA.id, membership.id, "grant");
    expect(
      await db.auditLog.count({ where: { action: "membership.partnership_grant", entityId: membership.id } }),
    ).toBe(1);
  });

  it("see each council's own records only, for the council they are working for", async () => {
    const pendingA = await createOrganisation({ kind: "VCSE", councilId: councilA.id, status: "PENDING" });
    const pendingB = await createOrganisation({ kind: "VCSE", councilId: councilB.id, status: "PENDING" });
    const supplier = await createOrganisation({ kind: "SUPPLIER", councilId: councilB.id });
    const contractB = await createContract({ councilId: councilB.id, supplierOrganisationId: supplier.id });
    const contractA = await createContract({ councilId: councilA.id, supplierOrganisationId: supplier.id });

    const asB = await actingFor(officerCookie, councilB.id);
    const queueB = await jsonOf<{ councilName: string; queue: { id: string }[] }>(
      await callLoader(queueLoader, { path: "/council/verification", cookie: asB }),
    );
    expect(queueB.councilName).toBe(councilB.name);
    expect(queueB.queue.map((o) => o.id)).toContain(pendingB.id);
    expect(queueB.queue.map((o) => o.id)).not.toContain(pendingA.id);
    const contractsB = await jsonOf<{ contracts: { id: string }[] }>(
      await callLoader(contractsLoader, { path: "/contracts", cookie: asB }),
    );
    expect(contractsB.contracts.map((c) => c.id)).toEqual([contractB.id]);

    const asA = await actingFor(officerCookie, councilA.id);
    const contractsA = await jsonOf<{ contracts: { id: string }[] }>(
      await callLoader(contractsLoader, { path: "/contracts", cookie: asA }),
    );
    expect(contractsA.contracts.map((c) => c.id)).toEqual([contractA.id]);

    // They can be a partner's contract manager.
    const options = await contractFormOptions(councilB.id);
    expect(options.managers.map((m) => m.id)).toContain(officerA.id);
  });

  it("do not get the partner's admin pages, members page or survey answers", async () => {
    const asB = await actingFor(officerCookie, councilB.id);
    expect((await callLoader(settingsLoader, { path: "/council/settings", cookie: asB })).status).toBe(404);
    expect(
      (
        await callLoader(organisationLoader, {
          path: `/organisations/${councilB.id}`,
          params: { id: councilB.id },
          cookie: asB,
        })
      ).status,
    ).toBe(404);
    const invite = await callAction(organisationAction, {
      path: `/organisations/${councilB.id}`,
      params: { id: councilB.id },
      cookie: asB,
      form: { intent: "invite", email: `${unique("x")}@example.test`, role: "OFFICER" },
    });
    expect(invite.status).toBe(404);
    // Survey answers stay with the council that granted access: working for B, they still see only A's surveys.
    const surveys = await jsonOf<{ councilName: string }>(
      await callLoader(surveysLoader, { path: "/council/survey", cookie: asB }),
    );
    expect(surveys.councilName).toBe(councilA.name);
  });

  it("can only be granted by the member's own council's admins, and only inside a partnership", async () => {
    const membership = await membershipOf(officerA.id, councilA.id);
    const byPartnerAdmin = await setAccess(
      await sessionCookieFor(adminB.id),
      councilA.id,
      membership.id,
      "revoke",
    );
    expect(byPartnerAdmin.status).toBe(404);
    const byOfficer = await setAccess(officerCookie, councilA.id, membership.id, "revoke");
    expect(byOfficer.status).toBe(400);
    expect((await membershipOf(officerA.id, councilA.id)).partnershipWide).toBe(true);

    const outsideAdmin = await createMember(outsider.id, "ADMIN");
    const outsideOfficer = await createMember(outsider.id, "OFFICER");
    const outsideMembership = await membershipOf(outsideOfficer.id, outsider.id);
    const refused = await setAccess(
      await sessionCookieFor(outsideAdmin.id),
      outsider.id,
      outsideMembership.id,
      "grant",
    );
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain("This council is not in a partnership");
    expect((await membershipOf(outsideOfficer.id, outsider.id)).partnershipWide).toBe(false);
  });

  it("lose the partner when their access is limited or the partner leaves the partnership", async () => {
    const colleague = await createUser();
    await addMember(councilA.id, colleague.id, "OFFICER");
    await db.membership.updateMany({ where: { userId: colleague.id }, data: { partnershipWide: true } });
    const cookie = await sessionCookieFor(colleague.id);
    expect((await membershipsOf(cookie)).map((m) => m.organisationId)).toEqual([councilA.id, councilB.id]);

    const membership = await membershipOf(colleague.id, councilA.id);
    expect((await setAccess(adminACookie, councilA.id, membership.id, "revoke")).status).toBe(302);
    expect((await membershipsOf(cookie)).map((m) => m.organisationId)).toEqual([councilA.id]);

    const partnershipWide = await membershipOf(officerA.id, councilA.id);
    expect(partnershipWide.partnershipWide).toBe(true);
    await changePartnershipConfirmed(adminA.id, councilB.id, null);
    try {
      expect((await membershipsOf(officerCookie)).map((m) => m.organisationId)).toEqual([councilA.id]);
      const switched = await callAction(switchAction, {
        path: "/switch-organisation",
        cookie: officerCookie,
        form: { organisationId: councilB.id },
      });
      expect(switched.status).toBe(404);
    } finally {
      await changePartnershipConfirmed(adminA.id, councilB.id, partnership.id);
    }
  });

  it("work for their council's partners no more once it leaves or moves: its admins chose them for the old partners", async () => {
    const mover = await createCouncil({ name: unique("Moving council"), partnershipId: partnership.id });
    const shared = await createMember(mover.id, "OFFICER");
    const own = await membershipOf(shared.id, mover.id);
    await db.membership.update({ where: { id: own.id }, data: { partnershipWide: true } });
    const cookie = await sessionCookieFor(shared.id);
    expect((await membershipsOf(cookie)).map((m) => m.organisationId)).toEqual(
      expect.arrayContaining([councilA.id, councilB.id]),
    );
    const elsewhere = await createPartnership();
    // a council of the new partnership, which they must not reach
    await createCouncil({ name: unique("Stranger"), partnershipId: elsewhere.id });
    await changePartnershipConfirmed(adminA.id, mover.id, elsewhere.id);
    // not the new partnership's councils, and no longer the old one's
    expect((await membershipsOf(cookie)).map((m) => m.organisationId)).toEqual([mover.id]);
    expect((await membershipOf(shared.id, mover.id)).partnershipWide).toBe(false);
    const logged = await db.auditLog.findFirstOrThrow({
      where: { action: "membership.partnership_revoke", entityId: own.id },
    });
    expect(logged.details).toMatchObject({ userId: shared.id, reason: "council_left_partnership" });
  });

  it("keep their own role where they are also a direct member", async () => {
    const both = await createUser();
    await addMember(councilA.id, both.id, "OFFICER");
    await addMember(councilB.id, both.id, "ADMIN");
    await db.membership.updateMany({ where: { userId: both.id }, data: { partnershipWide: true } });
    const memberships = await membershipsOf(await sessionCookieFor(both.id));
    expect(memberships).toEqual([
      expect.objectContaining({ organisationId: councilA.id, role: "OFFICER", viaCouncil: null }),
      expect.objectContaining({ organisationId: councilB.id, role: "ADMIN", viaCouncil: null }),
    ]);
  });
});

describe("a council's partnership saved", () => {
  const changes = () =>
    db.auditLog.count({ where: { action: "council.partnership_change", entityId: outsider.id } });

  it("logs a change once, and a save that changes nothing (the row unchanged, or sent twice) not at all", async () => {
    const other = await createPartnership();
    const before = await changes();
    expect(await setCouncilPartnership(adminA.id, outsider.id, null, { ip: null })).toBe(true);
    expect(await changes()).toBe(before);
    const together = await Promise.all([
      setCouncilPartnership(adminA.id, outsider.id, other.id, { ip: null }),
      setCouncilPartnership(adminA.id, outsider.id, other.id, { ip: null }),
    ]);
    expect(together).toEqual([true, true]);
    expect(await changes()).toBe(before + 1);
    expect((await db.organisation.findUniqueOrThrow({ where: { id: outsider.id } })).partnershipId).toBe(
      other.id,
    );
    await changePartnershipConfirmed(adminA.id, outsider.id, null);
    expect(await changes()).toBe(before + 2);
  });
});
