// Who runs the supplier diversity survey is chosen by the council's admins on its members page.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import * as members from "~/routes/organisations.$id._index/route.tsx";
import * as surveys from "~/routes/council.survey._index.tsx";
import { createPartnership, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let admin: string;
let officer: string;
let officerMembershipId: string;

const setAccess = (cookie: string, organisationId: string, membershipId: string, access: string) =>
  callAction(members.action, {
    path: `/organisations/${organisationId}`,
    params: { id: organisationId },
    cookie,
    form: { intent: "survey-access", membershipId, access },
  });
const surveyPage = () => callLoader(surveys.loader, { path: "/council/survey", cookie: officer });
const accessOf = async (membershipId: string) =>
  (await db.membership.findUniqueOrThrow({ where: { id: membershipId } })).surveyAccess;

beforeAll(async () => {
  world = await createWorld();
  admin = await sessionCookieFor(world.users.councilAdmin.id);
  officer = await sessionCookieFor(world.users.officerA.id);
  officerMembershipId = (
    await db.membership.findFirstOrThrow({
      where: { userId: world.users.officerA.id, organisationId: world.councilA.id },
    })
  ).id;
});

describe("survey access on the council's members page", () => {
  it("lets a council admin give an officer the survey role, audited, and shows it", async () => {
    // the council's officer without it is told who can give it (403)
    expect((await surveyPage()).status).toBe(403);
    const granted = await setAccess(admin, world.councilA.id, officerMembershipId, "grant");
    expect(granted.status).toBe(302);
    expect((await surveyPage()).status).toBe(200);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "membership.survey_grant" } });
    expect(audit).toMatchObject({
      actorUserId: world.users.councilAdmin.id,
      organisationId: world.councilA.id,
      entityId: officerMembershipId,
    });
    const page = await jsonOf<{ organisation: { memberships: { id: string; surveyAccess: boolean }[] } }>(
      await callLoader(members.loader, {
        path: `/organisations/${world.councilA.id}`,
        params: { id: world.councilA.id },
        cookie: admin,
      }),
    );
    expect(page.organisation.memberships.find((m) => m.id === officerMembershipId)!.surveyAccess).toBe(true);
  });

  it("refuses anyone who is not an admin of that council", async () => {
    const adminMembership = await db.membership.findFirstOrThrow({
      where: { userId: world.users.councilAdmin.id, organisationId: world.councilA.id },
    });
    const byOfficer = await setAccess(officer, world.councilA.id, adminMembership.id, "grant");
    expect(byOfficer.status).toBe(400);
    const bySupplier = await setAccess(
      await sessionCookieFor(world.users.supplierOwner.id),
      world.councilA.id,
      officerMembershipId,
      "revoke",
    );
    expect(bySupplier.status).toBe(404);
    // a supplier's owner cannot give survey access inside their own business
    const supplierMember = await db.membership.findFirstOrThrow({
      where: { userId: world.users.supplierMember.id, organisationId: world.supplier.id },
    });
    const inSupplier = await setAccess(
      await sessionCookieFor(world.users.supplierOwner.id),
      world.supplier.id,
      supplierMember.id,
      "grant",
    );
    expect(inSupplier.status).toBe(400);
    expect(await accessOf(supplierMember.id)).toBe(false);
    expect(await accessOf(officerMembershipId)).toBe(true);
  });

  it("never reaches a partner council's officer working through the partnership", async () => {
    const partnership = await createPartnership();
    await db.organisation.updateMany({
      where: { id: { in: [world.councilA.id, world.councilB.id] } },
      data: { partnershipId: partnership.id },
    });
    const partner = await db.membership.findFirstOrThrow({
      where: { userId: world.users.officerB.id, organisationId: world.councilB.id },
    });
    await db.membership.update({ where: { id: partner.id }, data: { partnershipWide: true } });
    // council A's admin cannot touch council B's membership
    const attempt = await setAccess(admin, world.councilA.id, partner.id, "grant");
    expect(attempt.status).toBe(400);
    expect(await accessOf(partner.id)).toBe(false);
  });

  it("lets the admin take survey access away again", async () => {
    const revoked = await setAccess(admin, world.councilA.id, officerMembershipId, "revoke");
    expect(revoked.status).toBe(302);
    expect((await surveyPage()).status).toBe(403);
    expect(await db.auditLog.count({ where: { action: "membership.survey_revoke" } })).toBe(1);
  });
});
