// The delete-your-account form sent as a person would send it, for the account-deletion tests.
import { action as deleteAction } from "~/routes/account.delete.tsx";
import { fromIp } from "./client-address.ts";
import { sessionCookieFor, TEST_PASSWORD } from "./factories.ts";
import { callAction, jsonOf } from "./routes.ts";

/**
 * Sends the form, signed in as the person (`cookie`: a session made beforehand, for a test that holds the person's
 * row, which a new session would wait for), with their password unless another is given.
 */
export async function sendAccountDeletion(
  who: { userId: string } | { cookie: string },
  form: { leaveWithoutMembers: string[]; currentPassword?: string },
) {
  return callAction(deleteAction, {
    path: "/account/delete",
    cookie: "cookie" in who ? who.cookie : await sessionCookieFor(who.userId),
    headers: fromIp(),
    form: {
      currentPassword: form.currentPassword ?? TEST_PASSWORD,
      leaveWithoutMembers: form.leaveWithoutMembers,
    },
  });
}

/** The answer's status and, for a refusal (400) or a deletion given up on (409), what the page says of each field. */
export async function deletionAnswer(answer: Response) {
  if (answer.status !== 400 && answer.status !== 409) return { status: answer.status, error: undefined };
  return { status: answer.status, error: (await jsonOf<{ error?: Record<string, string[]> }>(answer)).error };
}
