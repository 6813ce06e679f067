// Creating an account from an invitation signs the new account in, replacing the browser's session cookie. Where
// someone else was signed in (a shared computer, or the sign-up form left open in a tab while signing in elsewhere)
// their session stayed valid in the database until it idled out, usable by anyone who had copied the cookie, as
// signing in over a session had left it before (793ec7f). It now ends, as it does there.
import { afterAll, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { createInvitation } from "~/domain/accounts/members.server.ts";
import { action as signUpAction } from "~/routes/sign-up._index.tsx";
import {
  createCouncil,
  createMember,
  createOrganisation,
  createUser,
  sessionCookieFor,
  TEST_PASSWORD,
  unique,
} from "../helpers/factories.ts";
import { fromIp } from "../helpers/client-address.ts";
import { callAction } from "../helpers/routes.ts";

afterAll(() => closeRateLimits());

const sessionsOf = (userId: string) => db.session.count({ where: { userId } });

it("ends the session of whoever was signed in on the browser", async () => {
  const council = await createCouncil();
  const vcse = await createOrganisation({ kind: "VCSE", councilId: council.id });
  const owner = await createMember(vcse.id, "OWNER");
  const email = `${unique("invited")}@example.test`;
  const { token } = await db.$transaction((tx) =>
    createInvitation(tx, { organisationId: vcse.id, email, role: "MEMBER", invitedById: owner.id }),
  );
  const signedIn = await createUser();
  const cookie = await sessionCookieFor(signedIn.id);
  expect(await sessionsOf(signedIn.id)).toBe(1);

  const response = await callAction(signUpAction, {
    path: "/sign-up",
    cookie,
    form: { name: "Sam Taylor", email, password: TEST_PASSWORD, invitation: token },
    headers: fromIp(),
  });

  expect(response.status).toBe(302);
  expect(response.headers.get("location")).toBe(`/organisations/${vcse.id}`);
  const joined = await db.user.findUniqueOrThrow({ where: { email } });
  expect(await sessionsOf(joined.id)).toBe(1);
  expect(await sessionsOf(signedIn.id)).toBe(0);
});

it("a refused sign-up leaves the signed-in session alone", async () => {
  const signedIn = await createUser();
  const cookie = await sessionCookieFor(signedIn.id);
  const response = await callAction(signUpAction, {
    path: "/sign-up",
    cookie,
    form: {
      name: "Sam Taylor",
      email: `${unique("invited")}@example.test`,
      password: TEST_PASSWORD,
      invitation: "not-a-real-invitation",
    },
    headers: fromIp(),
  });
  expect(response.status).toBe(400);
  expect(await sessionsOf(signedIn.id)).toBe(1);
});
