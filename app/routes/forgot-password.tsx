import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/ui/form-for.tsx";
import { consumeAttempt, waitMessage } from "~/auth/rate-limit.server.ts";
import { pageOfThisSite, requestContext } from "~/auth/request-context.server.ts";
import { forgotPasswordSchema, parseForm } from "~/domain/accounts/public-forms.server.ts";
import { requestPasswordReset } from "~/domain/accounts/users.server.ts";
import { Notice, PageHeading } from "~/ui/page-parts.tsx";
import { useServerForm } from "~/ui/server-form.ts";
import { ErrorSummary } from "~/ui/error-summary.tsx";
import { Button, TextInput } from "~/ui/form-fields.tsx";
import { readForm } from "~/server/read-form.server.ts";

export const meta: MetaFunction = () => [{ title: "Reset your password – Social Value Marketplace" }];

// the page they were on their way to when they signed in (only ever a page of this site), or none

export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  return json({ sent: params.get("sent") === "1", redirectTo: pageOfThisSite(params.get("redirectTo")) });
}

export async function action({ request }: ActionFunctionArgs) {
  const context = requestContext(request);
  const submission = parseForm(await readForm(request), { schema: forgotPasswordSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const limit = await consumeAttempt("password-reset", { ip: context.ip, account: submission.value.email });
  if (!limit.ok)
    return json(submission.reply({ formErrors: [waitMessage(limit.retryAfterSeconds)] }), { status: 429 });
  // the emailed link keeps it, and so does this page (to ask again)
  const redirectTo = pageOfThisSite(submission.value.redirectTo);
  await requestPasswordReset(submission.value.email, redirectTo ?? undefined);
  // The same answer whether or not there is an account for the address.
  return redirect(
    `/forgot-password?sent=1${redirectTo ? `&redirectTo=${encodeURIComponent(redirectTo)}` : ""}`,
  );
}

export default function ForgotPassword() {
  const lastResult = useActionData<typeof action>();
  // checked on the server only: a public page's browser code leaves Conform and zod out (decision 019)
  const [form, fields] = useServerForm(lastResult);
  const { sent, redirectTo } = useLoaderData<typeof loader>();
  return (
    <div className="max-w-2xl">
      <PageHeading>Reset your password</PageHeading>
      {sent ? (
        <Notice kind="success" title="Check your email">
          If there is an account for the address you entered, we have sent it a link to reset the password.
          The link works once, for 1 hour.
        </Notice>
      ) : null}
      <p className="mb-6">
        Enter the email address you use to sign in. If it has an account, we will email a link.
      </p>
      <Form method="post" noValidate>
        <ErrorSummary errors={form.allErrors} />
        {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
        <TextInput
          name={fields.email.name}
          key={fields.email.key}
          defaultValue={fields.email.initialValue}
          label="Email address"
          errors={fields.email.errors}
          type="email"
          autoComplete="email"
          spellCheck={false}
        />
        <Button>Send reset link</Button>
      </Form>
    </div>
  );
}
