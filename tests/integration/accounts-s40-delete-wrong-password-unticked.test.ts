// Deleting the account of an organisation's only member with a mistyped password and the organisation's box not
// ticked said only that the password was wrong: the person typed it again and only then heard of the box. Both are
// now said at once, and with the password right and the box ticked the account is deleted.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import {
  addMember,
  createCouncil,
  createOrganisation,
  createUser,
  TEST_PASSWORD,
} from "../helpers/factories.ts";
import { deletionAnswer, sendAccountDeletion } from "../helpers/account-deletion.ts";

afterAll(() => closeRateLimits());

async function deleteWith(userId: string, currentPassword: string, leaveWithoutMembers: string[]) {
  return deletionAnswer(await sendAccountDeletion({ userId }, { currentPassword, leaveWithoutMembers }));
}

describe("deleting the account with a wrong password and a box not ticked", () => {
  it("says both at once", async () => {
    const council = await createCouncil();
    const person = await createUser();
    const organisation = await createOrganisation({
      kind: "VCSE",
      councilId: council.id,
      name: "Rowan Group",
    });
    await addMember(organisation.id, person.id, "OWNER");

    const both = await deleteWith(person.id, "not-the-password-at-all", []);
    expect(both.status).toBe(400);
    expect(both.error?.currentPassword).toEqual(["Your current password is incorrect"]);
    expect(both.error?.leaveWithoutMembers).toEqual([
      "Confirm that you understand Rowan Group will be left with no members",
    ]);

    // ticked but mistyped: only the password
    const ticked = await deleteWith(person.id, "not-the-password-at-all", [organisation.id]);
    expect(ticked.error?.currentPassword).toEqual(["Your current password is incorrect"]);
    expect(ticked.error?.leaveWithoutMembers).toBeUndefined();
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).deletedAt).toBeNull();

    expect((await deleteWith(person.id, TEST_PASSWORD, [organisation.id])).status).toBe(302);
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).deletedAt).not.toBeNull();
  });
});
