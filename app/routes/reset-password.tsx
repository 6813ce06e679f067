import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/ui/form-for.tsx";
import { consumeAttempt, consumePasswordScore, waitMessage } from "~/auth/rate-limit.server.ts";
import { pageOfThisSite, requestContext } from "~/auth/request-context.server.ts";
import { clearSessionCookie, endSessionOfRequest } from "~/auth/session.server.ts";
import { db } from "~/db.server.ts";
import { tooEasyToGuess } from "~/domain/accounts/password-strength.server.ts";
import { parseForm, resetPasswordSchema } from "~/domain/accounts/public-forms.server.ts";
import { peekUserToken } from "~/domain/accounts/tokens.server.ts";
import { resetPassword } from "~/domain/accounts/users.server.ts";
import { PageHeading } from "~/ui/page-parts.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { useServerForm } from "~/ui/server-form.ts";
import { AccountForPasswordManagers, NewPasswordFields } from "~/auth/password-form.tsx";
import { ErrorSummary } from "~/ui/error-summary.tsx";
import { Button } from "~/ui/form-fields.tsx";
import { readForm } from "~/server/read-form.server.ts";

export const meta: MetaFunction = () => [{ title: "Choose a new password – Social Value Marketplace" }];

const LINK_ENDED = "This link has expired or has already been used. Ask for a new one.";

// the page they were on their way to when they asked for the link (only ever a page of this site), or none

export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const token = params.get("token") ?? "";
  const redirectTo = pageOfThisSite(params.get("redirectTo"));
  const holder = await peekUserToken(db, token, "PASSWORD_RESET");
  // the address too: the link's holder has its inbox, and a password manager saves the new password under it
  return holder
    ? json({ token, email: holder.user.email, redirectTo })
    : json({ token: null, email: null, redirectTo });
}

export async function action({ request }: ActionFunctionArgs) {
  const context = requestContext(request);
  const submission = parseForm(await readForm(request), { schema: resetPasswordSchema });
  const hideFields = ["password", "confirmPassword"];
  if (submission.status !== "success") return json(submission.reply({ hideFields }), { status: 400 });
  const holder = await peekUserToken(db, submission.value.token, "PASSWORD_RESET");
  // Checked against the link's account (its name and address are among the guesses), and before the attempt is
  // counted, as the sign-up form's is: choosing again after a refusal does not use up the hour's resets.
  // counted before the password is scored, which costs the server's one thread (decision 051)
  const scoring = holder && (await consumePasswordScore({ ip: context.ip, account: holder.userId }));
  if (scoring && !scoring.ok)
    return json(submission.reply({ formErrors: [waitMessage(scoring.retryAfterSeconds)], hideFields }), {
      status: 429,
    });
  const tooEasy = holder && tooEasyToGuess(submission.value.password, holder.user);
  if (tooEasy)
    return json(submission.reply({ fieldErrors: { password: [tooEasy] }, hideFields }), { status: 400 });
  const limit = await consumeAttempt("password-reset", { ip: context.ip, account: holder?.userId });
  if (!limit.ok)
    return json(submission.reply({ formErrors: [waitMessage(limit.retryAfterSeconds)], hideFields }), {
      status: 429,
    });
  const done = await resetPassword(submission.value.token, submission.value.password, context);
  if (!done) return json(submission.reply({ formErrors: [LINK_ENDED], hideFields }), { status: 400 });
  // the cookie is cleared: a session signed in here (perhaps someone else's) ends with it
  await endSessionOfRequest(request);
  // signing in leads on to the page they were on their way to
  const redirectTo = pageOfThisSite(submission.value.redirectTo);
  return redirectWithFlash(
    redirectTo ? `/sign-in?redirectTo=${encodeURIComponent(redirectTo)}` : "/sign-in",
    { kind: "success", message: "Your password has been changed. Sign in with your new password." },
    { headers: { "Set-Cookie": clearSessionCookie() } },
  );
}

export default function ResetPassword() {
  const { token, email, redirectTo } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  // checked on the server only: a public page's browser code leaves Conform and zod out (decision 019)
  const [form, fields] = useServerForm(lastResult);
  if (!token)
    return (
      <div className="max-w-2xl">
        <PageHeading>This link has ended</PageHeading>
        <p className="mb-4">{LINK_ENDED}</p>
        <p>
          <Link
            to={
              redirectTo
                ? `/forgot-password?redirectTo=${encodeURIComponent(redirectTo)}`
                : "/forgot-password"
            }
          >
            Get a new link
          </Link>
        </p>
      </div>
    );
  return (
    <div className="max-w-2xl">
      <PageHeading>Choose a new password</PageHeading>
      <Form method="post" noValidate>
        <ErrorSummary errors={form.allErrors} />
        <input type="hidden" name="token" value={token} />
        {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
        <AccountForPasswordManagers email={email} />
        <NewPasswordFields password={fields.password} confirm={fields.confirmPassword} />
        <Button>Change password</Button>
      </Form>
    </div>
  );
}
