// An account's or an organisation's deletion PostgreSQL or Prisma gave up on (a lock not granted within the
// deletion's wait, its transaction's time run out while it waited, a deadlock with another change) was answered
// with a 500 error page. Nothing of it is kept, so the person is now told so on the page, with what they ticked
// kept, and asked to try again; each cause is provoked for real by a transaction holding a row the deletion needs.
// Session 49: 409, not 503 (a proxy may put its own page in place of a 5xx, and the log counted it as the portal
// failing), and the words say which it was: a clash, tried again at once, or a wait, tried again in a few minutes.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { ACCOUNT_CHANGES, deleteAccount, deletionNotFinished } from "~/domain/accounts/deletion.server.ts";
import { action as deleteOrganisationAction } from "~/routes/organisations.$id.delete.tsx";
import {
  addMember,
  createCategory,
  createCouncil,
  createMember,
  createOrganisation,
  createPledge,
  createRequest,
  createUser,
  sessionCookieFor,
  TEST_PASSWORD,
} from "../helpers/factories.ts";
import { sendAccountDeletion } from "../helpers/account-deletion.ts";
import { untilWaitingForLocks } from "../helpers/lock-waiters.ts";
import { callAction } from "../helpers/routes.ts";
import { holdOpen } from "../helpers/while-open.ts";

afterAll(() => closeRateLimits());

/** Asks to delete the organisation while another transaction holds its row (as a member change does), after
 * `meanwhile` has run under that hold; lets go once the deletion has answered. */
async function deleteWhileHeld(organisationId: string, cookie: string, meanwhile?: () => Promise<void>) {
  const member = holdOpen(
    (tx) => tx.$queryRaw`SELECT 1 FROM "Organisation" WHERE id = ${organisationId} FOR NO KEY UPDATE`,
  );
  await member.ready;
  try {
    await meanwhile?.();
    return await callAction(deleteOrganisationAction, {
      path: `/organisations/${organisationId}/delete`,
      params: { id: organisationId },
      cookie,
      form: {},
    });
  } finally {
    member.release();
    await member.done;
  }
}

/** A person who is the only member of a group with an open request a supplier has offered to help with. */
async function soleMemberWithAnOffer() {
  const council = await createCouncil();
  const group = await createOrganisation({ kind: "VCSE", councilId: council.id });
  const person = await createUser();
  await addMember(group.id, person.id, "OWNER");
  const need = await createRequest({
    councilId: council.id,
    organisationId: group.id,
    categoryId: (await createCategory(council.id)).id,
    pledgedQuantity: 5,
  });
  const supplier = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
  const supplierMember = await createMember(supplier.id, "OWNER");
  const pledge = await createPledge({ requestId: need.id, supplierOrganisationId: supplier.id, quantity: 5 });
  return { group, person, need, pledge, supplierMember };
}
type World = Awaited<ReturnType<typeof soleMemberWithAnOffer>>;

const input = (world: World) => ({ currentPassword: TEST_PASSWORD, leaveWithoutMembers: [world.group.id] });
const lockPerson = (world: World) => (tx: Parameters<Parameters<typeof holdOpen>[0]>[0]) =>
  tx.$queryRaw`SELECT 1 FROM "User" WHERE id = ${world.person.id} FOR UPDATE`;

/** Runs `work` while another transaction holds the person's row (as a change to their account does); lets go once it
 * has answered, or thrown. */
async function whilePersonHeld<T>(world: World, work: () => Promise<T>) {
  const holder = holdOpen(lockPerson(world));
  await holder.ready;
  try {
    return await work();
  } finally {
    holder.release();
    await holder.done;
  }
}

const WAITED = deletionNotFinished("waited", ACCOUNT_CHANGES);

/** Nothing of the deletion is kept: the account, its membership, the request and the offer, and no email. */
async function expectNothingDeleted(world: World) {
  const user = await db.user.findUniqueOrThrow({ where: { id: world.person.id } });
  expect(user.deletedAt).toBeNull();
  expect(user.email).not.toContain("deleted.invalid");
  expect(await db.membership.count({ where: { userId: world.person.id } })).toBe(1);
  expect((await db.request.findUniqueOrThrow({ where: { id: world.need.id } })).status).toBe("OPEN");
  expect((await db.pledge.findUniqueOrThrow({ where: { id: world.pledge.id } })).status).toBe("OFFERED");
  expect(await db.emailOutbox.count({ where: { to: world.supplierMember.email } })).toBe(0);
  expect(await db.auditLog.count({ where: { action: "account.delete", entityId: world.person.id } })).toBe(0);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("a deletion PostgreSQL or Prisma gives up on", () => {
  it.each([
    {
      cause: "a lock on the person's row not granted within the deletion's wait (lock_timeout)",
      provoke: (world: World) =>
        whilePersonHeld(world, () =>
          deleteAccount(world.person.id, input(world), { ip: null }, { lockWaitMs: 200 }),
        ),
    },
    {
      cause: "the transaction's time running out while it waits (P2028, Transaction already closed)",
      provoke: async (world: World) => {
        // the answer awaited once the row is let go: the transaction closed under its waiting statement ends then
        const { pending } = await whilePersonHeld(world, async () => {
          const pending = deleteAccount(
            world.person.id,
            input(world),
            { ip: null },
            { timeoutMs: 300, lockWaitMs: 10_000 },
          );
          await untilWaitingForLocks(1, pending);
          await sleep(800);
          return { pending };
        });
        return pending;
      },
    },
  ])("is answered, not thrown, with nothing deleted: $cause", async ({ provoke }) => {
    const world = await soleMemberWithAnOffer();
    const result = await provoke(world);
    // a lock held past the deletion's wait: trying again straight away may meet it again
    expect(result).toEqual({ ok: false, fieldErrors: { form: [WAITED] }, notFinished: true });
    expect(WAITED).toContain("Nothing was deleted. Try again in a few minutes.");
    expect(WAITED).toContain("If it keeps happening, contact your council's social value team.");
    await expectNothingDeleted(world);
  });

  it("answers a deadlock with another change with the form and 409, and the deletion works when tried again", async () => {
    const world = await soleMemberWithAnOffer();
    // signed in before the person's row is held (a session's row refers to it)
    const cookie = await sessionCookieFor(world.person.id);
    // the person's row held, so the deletion stops there with the group's lock taken
    const person = holdOpen(lockPerson(world));
    await person.ready;
    // another change holds the request the deletion will withdraw, and then waits (first, and patiently) for the group
    let holding!: () => void;
    const requestHeld = new Promise<void>((resolve) => (holding = resolve));
    let goOn!: () => void;
    const wantsGroup = new Promise<void>((resolve) => (goOn = resolve));
    const other = db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SET LOCAL deadlock_timeout = '20s'`;
        await tx.$queryRaw`SELECT 1 FROM "Request" WHERE id = ${world.need.id} FOR NO KEY UPDATE`;
        holding();
        await wantsGroup;
        await tx.$queryRaw`SELECT 1 FROM "Organisation" WHERE id = ${world.group.id} FOR NO KEY UPDATE`;
      },
      { timeout: 30_000 },
    );
    await requestHeld;
    const deleted = sendAccountDeletion({ cookie }, input(world));
    await untilWaitingForLocks(1, deleted);
    goOn();
    await untilWaitingForLocks(2, deleted);
    // the deletion goes on to the request the other change holds, while that change waits for the group the deletion
    // holds: PostgreSQL ends the deletion, the one of the two to check first
    person.release();
    await person.done;
    const response = await deleted;
    await other;

    expect(response.status).toBe(409);
    const reply = (await response.json()) as {
      error: Record<string, string[]>;
      initialValue: Record<string, unknown>;
    };
    // a clash is over once either change is: trying again works, and the words say so
    expect(reply.error.form).toEqual([deletionNotFinished("clashed", ACCOUNT_CHANGES)]);
    expect(reply.error.form![0]).toContain("Nothing was deleted. Please try again.");
    // the box ticked stays ticked; the password is not sent back
    expect(reply.initialValue.leaveWithoutMembers).toBe(world.group.id);
    expect(JSON.stringify(reply)).not.toContain(TEST_PASSWORD);
    await expectNothingDeleted(world);

    const again = await sendAccountDeletion({ cookie }, input(world));
    expect(again.status).toBe(302);
    expect((await db.pledge.findUniqueOrThrow({ where: { id: world.pledge.id } })).status).toBe("DECLINED");
  });
});

describe("an organisation's deletion PostgreSQL gives up on", () => {
  it("answers a member change holding the organisation past the deletion's wait with the page and 409", async () => {
    const council = await createCouncil();
    const organisation = await createOrganisation({ kind: "VCSE", councilId: council.id });
    const owner = await createMember(organisation.id, "OWNER");
    const cookie = await sessionCookieFor(owner.id);
    // as a role change or an invitation being accepted holds it
    const response = await deleteWhileHeld(organisation.id, cookie);

    expect(response.status).toBe(409);
    const reply = (await response.json()) as { error: string; plan: { deletable: boolean } };
    expect(reply.error).toBe(deletionNotFinished("waited", organisation.name));
    expect(reply.plan.deletable).toBe(true);
    expect(await db.organisation.count({ where: { id: organisation.id } })).toBe(1);
    expect(await db.membership.count({ where: { organisationId: organisation.id } })).toBe(1);
  });

  // Given up on while it became one that may not be deleted (a colleague joined, a record was written for it) the
  // page said "You cannot delete" beside "Please try again", which could never work: it is now the refusal alone.
  it.each([
    {
      change: "a colleague joined",
      make: async (organisationId: string) => {
        await addMember(organisationId, (await createUser()).id, "MEMBER");
      },
    },
    {
      change: "a request was written for it",
      make: async (organisationId: string, councilId: string) => {
        const categoryId = (await createCategory(councilId)).id;
        await createRequest({ councilId, organisationId, categoryId });
      },
    },
  ])("answers one given up on after $change as refused (409), with no try again", async ({ make }) => {
    const council = await createCouncil();
    const organisation = await createOrganisation({ kind: "VCSE", councilId: council.id });
    const owner = await createMember(organisation.id, "OWNER");
    const cookie = await sessionCookieFor(owner.id);
    // a member change holds the organisation past the deletion's wait; meanwhile the change is made (its key share
    // lock on the organisation does not wait for the member change's), so the plan after giving up refuses
    const response = await deleteWhileHeld(organisation.id, cookie, () => make(organisation.id, council.id));

    expect(response.status).toBe(409);
    const reply = (await response.json()) as { error: string; plan: { deletable: boolean } };
    expect(reply.error).toBe(`${organisation.name} can no longer be deleted`);
    expect(reply.plan.deletable).toBe(false);
    expect(await db.organisation.count({ where: { id: organisation.id } })).toBe(1);
  });
});
