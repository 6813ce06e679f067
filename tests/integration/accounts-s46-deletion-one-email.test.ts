// Deleting the account of the last member of many organisations sent each of their council's admins one email per
// organisation ("Acorn Group has no members now", then the next, ten emails for ten organisations), all about the
// one deletion. Each admin of each council now gets one email that names every one of its organisations left with
// no members, with what was withdrawn for each and the way to each; queued in the outbox with the deletion, as
// before, for the worker to deliver.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import {
  addMember,
  createCategory,
  createCouncil,
  createMember,
  createOrganisation,
  createRequest,
  createUser,
  unique,
} from "../helpers/factories.ts";
import { sendAccountDeletion } from "../helpers/account-deletion.ts";

afterAll(() => closeRateLimits());

const TEMPLATE = "organisation.without_members";

/** `count` organisations of the council with `person` as their only member, named "<prefix> 1", "<prefix> 2"… */
async function soleOwnerOf(person: string, councilId: string, count: number, prefix: string) {
  const organisations = [];
  for (let i = 1; i <= count; i++) {
    const organisation = await createOrganisation({
      kind: i % 2 ? "VCSE" : "SUPPLIER",
      councilId,
      name: `${prefix} ${i}`,
    });
    await addMember(organisation.id, person, "OWNER");
    organisations.push(organisation);
  }
  return organisations;
}

describe("deleting the account of the last member of many organisations", () => {
  it("sends each council admin one email naming them all, not one per organisation", async () => {
    const [north, south] = [await createCouncil(), await createCouncil()];
    const northAdmins = [await createMember(north.id, "ADMIN"), await createMember(north.id, "ADMIN")];
    const southAdmin = await createMember(south.id, "ADMIN");
    const person = await createUser();
    const prefix = unique("Group");
    const northern = await soleOwnerOf(person.id, north.id, 10, `${prefix} North`);
    const southern = await soleOwnerOf(person.id, south.id, 2, `${prefix} South`);
    const category = await createCategory(north.id);
    await createRequest({ councilId: north.id, organisationId: northern[0]!.id, categoryId: category.id });

    const deleted = await sendAccountDeletion(
      { userId: person.id },
      { leaveWithoutMembers: [...northern, ...southern].map((organisation) => organisation.id) },
    );
    expect(deleted.status).toBe(302);
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).deletedAt).not.toBeNull();

    const recipients = [...northAdmins, southAdmin].map((admin) => admin.email);
    const sent = await db.emailOutbox.findMany({
      where: { template: TEMPLATE, to: { in: recipients } },
      select: { to: true, subject: true, text: true, councilId: true, sentAt: true },
    });
    // one row each, waiting for the worker (an outage delays it, as any outbox email)
    expect(sent.map((row) => row.to).sort()).toEqual([...recipients].sort());
    expect(sent.every((row) => row.sentAt === null)).toBe(true);

    for (const admin of northAdmins) {
      const email = sent.find((row) => row.to === admin.email)!;
      expect(email.councilId).toBe(north.id);
      expect(email.subject).toBe("10 organisations have no members now");
      const text = email.text.replace(/\s+/g, " ");
      for (const organisation of northern) {
        expect(text).toContain(organisation.name);
        expect(text).toContain(`/council/verification/${organisation.id}`);
      }
      expect(text).toContain(`${northern[0]!.name}: 1 of its requests withdrawn`);
      expect(text).not.toContain(southern[0]!.name);
    }
    const toSouth = sent.find((row) => row.to === southAdmin.email)!;
    expect(toSouth.subject).toBe("2 organisations have no members now");
    expect(toSouth.text.replace(/\s+/g, " ")).toContain(`${southern[0]!.name} and ${southern[1]!.name}`);
  });
});
