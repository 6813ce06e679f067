// Deleting the account of the only member of several organisations, without confirming them, names every one
// left to confirm in the one message the page shows (the error summary and the field show a field's first
// message): it named only the first, so the person ticked it, typed their password again and only then heard of
// the next. A block found when the deletion is sent (the page was out of date) is shown whole in the same way.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { addMember, createCouncil, createOrganisation, createUser } from "../helpers/factories.ts";
import { deletionAnswer, sendAccountDeletion } from "../helpers/account-deletion.ts";

afterAll(() => closeRateLimits());

async function deleteWith(userId: string, leaveWithoutMembers: string[]) {
  return deletionAnswer(await sendAccountDeletion({ userId }, { leaveWithoutMembers }));
}

describe("the only member of several organisations deleting their account", () => {
  it("is asked to confirm every one of them in the message the page shows", async () => {
    const council = await createCouncil();
    const person = await createUser();
    const names = ["Acorn Group", "Beech Group", "Cedar Group"];
    const organisations = [];
    for (const name of names) {
      const organisation = await createOrganisation({ kind: "VCSE", councilId: council.id, name });
      await addMember(organisation.id, person.id, "OWNER");
      organisations.push(organisation);
    }
    const none = await deleteWith(person.id, []);
    expect(none.status).toBe(400);
    expect(none.error?.leaveWithoutMembers?.[0]).toBe(
      "Confirm that you understand Acorn Group, Beech Group and Cedar Group will be left with no members",
    );
    const one = await deleteWith(person.id, [organisations[1].id]);
    expect(one.error?.leaveWithoutMembers?.[0]).toBe(
      "Confirm that you understand Acorn Group and Cedar Group will be left with no members",
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).deletedAt).toBeNull();
    expect(
      (
        await deleteWith(
          person.id,
          organisations.map((o) => o.id),
        )
      ).status,
    ).toBe(302);
  });

  it("is shown every block found when the deletion is sent", async () => {
    const council = await createCouncil();
    const person = await createUser();
    for (const name of ["Larch Ltd", "Maple Ltd"]) {
      const organisation = await createOrganisation({ kind: "VCSE", councilId: council.id, name });
      await addMember(organisation.id, person.id, "OWNER");
      await addMember(organisation.id, (await createUser()).id, "MEMBER");
    }
    const refused = await deleteWith(person.id, []);
    expect(refused.status).toBe(400);
    expect(refused.error?.form?.[0]).toContain("You are the last owner of Larch Ltd");
    expect(refused.error?.form?.[0]).toContain("You are the last owner of Maple Ltd");
  });
});
