// "Delete my account" sent twice (a double click, a slow network) deletes once: both sends were let through, and
// the second deleted the already deleted account again, writing a second account.delete entry to the log.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { action as deleteAction } from "~/routes/account.delete.tsx";
import {
  createCouncil,
  createMember,
  createUser,
  sessionCookieFor,
  TEST_PASSWORD,
} from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";
import { fromIp } from "../helpers/client-address.ts";

afterAll(() => closeRateLimits());

async function deleteTwice(userId: string) {
  const cookie = await sessionCookieFor(userId);
  const send = () =>
    callAction(deleteAction, {
      path: "/account/delete",
      cookie,
      headers: fromIp(),
      form: { currentPassword: TEST_PASSWORD },
    });
  const answers = await Promise.all([send(), send()]);
  // neither is refused: each is answered as deleted, or (one reaching the server only once the first had
  // finished, so with no session left) sent to sign in; never "Your current password is incorrect"
  for (const answer of answers) {
    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toMatch(/^\/$|^\/sign-in\?/);
  }
  expect(answers.some((a) => a.headers.get("location") === "/")).toBe(true);
  expect(await db.auditLog.count({ where: { actorUserId: userId, action: "account.delete" } })).toBe(1);
  expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).deletedAt).not.toBeNull();
}

describe("deleting an account, sent twice", () => {
  it("deletes once and answers both as deleted, for someone in no organisation", async () => {
    await deleteTwice((await createUser()).id);
  });

  it("deletes once and answers both as deleted, for an officer of a council", async () => {
    const council = await createCouncil();
    await createMember(council.id, "ADMIN");
    await deleteTwice((await createMember(council.id, "OFFICER")).id);
  });
});
