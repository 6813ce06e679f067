// The audit log tests of deleted accounts start from the same entries: a group with two owners, each recorded as
// having updated it in a council's log, one of whom has since deleted their account.
import { expect } from "vitest";
import { deleteAccount } from "~/domain/accounts/deletion.server.ts";
import { writeAudit } from "~/domain/audit/audit.server.ts";
import { createMember, createOrganisation, TEST_PASSWORD } from "./factories.ts";

/** A VCSE in `councilId` whose owners Pat Leaving (`leaving`, account deleted since) and Sam Staying (`staying`)
 * each have an "organisation.update" entry in the council's audit log. */
export async function entriesByADeletedAccount(councilId: string) {
  const organisation = await createOrganisation({ kind: "VCSE", councilId });
  const leaving = await createMember(organisation.id, "OWNER", { name: "Pat Leaving" });
  const staying = await createMember(organisation.id, "OWNER", { name: "Sam Staying" });
  for (const actor of [leaving, staying])
    await writeAudit({
      actorUserId: actor.id,
      organisationId: councilId,
      actorOrganisationId: organisation.id,
      action: "organisation.update",
      entityType: "Organisation",
      entityId: organisation.id,
      details: {},
    });
  expect(
    await deleteAccount(
      leaving.id,
      { currentPassword: TEST_PASSWORD, leaveWithoutMembers: [] },
      { ip: null },
    ),
  ).toEqual({ ok: true });
  return { organisation, leaving, staying };
}
