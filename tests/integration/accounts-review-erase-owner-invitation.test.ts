// Deleting an account erases the person's address from the council's log entry inviting them to take over an
// organisation left with no members ("membership.invite_owner"), as it does from every other invitation's entry:
// the address stayed there, readable by every admin of the council, after the person had asked to be forgotten.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { deletedEmailFor } from "~/domain/accounts/erasure.server.ts";
import { action as deleteAction } from "~/routes/account.delete.tsx";
import { action as verificationAction } from "~/routes/council.verification.$id.tsx";
import {
  createCouncil,
  createMember,
  createOrganisation,
  createUser,
  sessionCookieFor,
  TEST_PASSWORD,
} from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";
import { fromIp } from "../helpers/client-address.ts";

afterAll(() => closeRateLimits());

describe("the person a council invited to take over an organisation", () => {
  it("leaves no address in that log entry once they delete their account", async () => {
    const council = await createCouncil();
    const admin = await createMember(council.id, "ADMIN");
    const supplier = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    const invitee = await createUser();
    const sent = await callAction(verificationAction, {
      path: `/council/verification/${supplier.id}`,
      params: { id: supplier.id },
      cookie: await sessionCookieFor(admin.id),
      form: { intent: "invite-owner", email: invitee.email },
    });
    expect(sent.status).toBe(302);

    const deleted = await callAction(deleteAction, {
      path: "/account/delete",
      cookie: await sessionCookieFor(invitee.id),
      headers: fromIp(),
      form: { currentPassword: TEST_PASSWORD },
    });
    expect(deleted.status).toBe(302);
    const entry = await db.auditLog.findFirstOrThrow({
      where: { action: "membership.invite_owner", organisationId: council.id },
    });
    expect(entry.details).toEqual({
      organisationId: supplier.id,
      email: deletedEmailFor(invitee.id),
      role: "OWNER",
    });
    expect(JSON.stringify(entry)).not.toContain(invitee.email);
  });
});
