import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/ui/form-for.tsx";
import { accountDeletedHere, clearAccountDeletedCookie } from "~/auth/account-deleted-cookie.server.ts";
import { getViewer } from "~/auth/permissions.server.ts";
import { consumeAttempt, refundSignIn, waitMessage } from "~/auth/rate-limit.server.ts";
import { requestContext, safeRedirect, SIGNED_IN_LANDING } from "~/auth/request-context.server.ts";
import { createSession, endSessionOfRequest, sessionCookie } from "~/auth/session.server.ts";
import { SIGN_IN_FAILED } from "~/domain/accounts/labels.ts";
import { parseForm, signInSchema } from "~/domain/accounts/public-forms.server.ts";
import { authenticate } from "~/domain/accounts/users.server.ts";
import { Notice, PageHeading } from "~/ui/page-parts.tsx";
import { useServerForm } from "~/ui/server-form.ts";
import { ErrorSummary } from "~/ui/error-summary.tsx";
import { Button, TextInput } from "~/ui/form-fields.tsx";
import { readForm } from "~/server/read-form.server.ts";

export const meta: MetaFunction = () => [{ title: "Sign in – Social Value Marketplace" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), SIGNED_IN_LANDING);
  if (await getViewer(request)) throw redirect(redirectTo);
  // sent here by "Delete my account" (sent again from another tab, or the page reloaded) after this browser
  // deleted the account: it has no session left to say so
  const accountDeleted = redirectTo === DELETION_PAGE && accountDeletedHere(request);
  // and whoever signs in next is not taken back to deleting their own account
  const back = accountDeleted ? SIGNED_IN_LANDING : redirectTo;
  return json({
    redirectTo: back,
    accountDeleted,
    // on the way to a page (a survey invitation, a request to pledge to): creating an account leads there too
    signUpHref: back === SIGNED_IN_LANDING ? "/sign-up" : `/sign-up?redirectTo=${encodeURIComponent(back)}`,
    // and so does resetting a forgotten password
    forgotHref:
      back === SIGNED_IN_LANDING
        ? "/forgot-password"
        : `/forgot-password?redirectTo=${encodeURIComponent(back)}`,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const context = requestContext(request);
  const submission = parseForm(await readForm(request), { schema: signInSchema });
  const hideFields = ["password"];
  if (submission.status !== "success") return json(submission.reply({ hideFields }), { status: 400 });
  const { email, password, redirectTo } = submission.value;
  const limit = await consumeAttempt("sign-in", { ip: context.ip, account: email });
  // held even with the right password (checking it would let guesses from many addresses through): the person
  // whose account someone else's guesses locked gets in at once by resetting the password (decision 030)
  if (!limit.ok)
    return json(
      submission.reply({
        formErrors: [
          limit.accountHeld
            ? `${waitMessage(limit.retryAfterSeconds)} ${RESET_ENDS_WAIT}`
            : waitMessage(limit.retryAfterSeconds),
        ],
        hideFields,
      }),
      { status: 429 },
    );
  const user = await authenticate(email, password, context);
  if (!user) return json(submission.reply({ formErrors: [SIGN_IN_FAILED], hideFields }), { status: 400 });
  await refundSignIn({ ip: context.ip, account: email });
  // the cookie is replaced: whoever was signed in here before (on a shared computer) is signed out for good
  await endSessionOfRequest(request);
  const session = await createSession(user.id, context.userAgent);
  const headers = new Headers({ "Set-Cookie": sessionCookie(session.token, session.expiresAt) });
  if (accountDeletedHere(request)) headers.append("Set-Cookie", clearAccountDeletedCookie());
  return redirect(safeRedirect(redirectTo, SIGNED_IN_LANDING), { headers });
}

const DELETION_PAGE = "/account/delete";

const RESET_ENDS_WAIT =
  "If this is your account, you can sign in now by resetting your password: choose “I have forgotten my password”.";

export default function SignIn() {
  const { redirectTo, accountDeleted, signUpHref, forgotHref } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  // checked on the server only: a public page's browser code leaves Conform and zod out (decision 019)
  const [form, fields] = useServerForm(lastResult);
  return (
    <div className="max-w-2xl">
      <PageHeading>Sign in</PageHeading>
      {accountDeleted ? (
        <Notice kind="success">
          Your account has been deleted and you have been signed out. There is nothing more to do.
        </Notice>
      ) : null}
      <Form method="post" noValidate>
        <ErrorSummary errors={form.allErrors} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextInput
          name={fields.email.name}
          key={fields.email.key}
          defaultValue={fields.email.initialValue}
          label="Email address"
          errors={fields.email.errors}
          type="email"
          autoComplete="username"
          spellCheck={false}
        />
        <TextInput
          name={fields.password.name}
          key={fields.password.key}
          label="Password"
          errors={fields.password.errors}
          type="password"
          autoComplete="current-password"
        />
        <Button>Sign in</Button>
      </Form>
      <ul className="mt-8 space-y-2">
        <li>
          <Link to={forgotHref}>I have forgotten my password</Link>
        </li>
        <li>
          <Link to={signUpHref}>Create an account</Link>
        </li>
      </ul>
    </div>
  );
}
