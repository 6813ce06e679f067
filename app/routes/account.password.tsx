import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/ui/form-for.tsx";
import { requireUser } from "~/auth/permissions.server.ts";
import { consumePasswordScore, waitMessage } from "~/auth/rate-limit.server.ts";
import { requestContext } from "~/auth/request-context.server.ts";
import { sessionCookie } from "~/auth/session.server.ts";
import { refusingEasyPasswords } from "~/domain/accounts/password-strength.server.ts";
import { changePasswordSchema } from "~/domain/accounts/schemas.ts";
import { changePassword } from "~/domain/accounts/users.server.ts";
import { BackLink, PageHeading } from "~/ui/components.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { AccountForPasswordManagers, NewPasswordFields } from "~/auth/password-form.tsx";
import { Button, ErrorSummary, TextInput } from "~/ui/form.tsx";
import { parseForm } from "~/server/parse-form.server.ts";
import { readForm } from "~/server/read-form.server.ts";

export const meta: MetaFunction = () => [{ title: "Change your password – Social Value Marketplace" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  return json({ email: viewer.user.email });
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  // one too easy to guess is refused on the server only: zxcvbn's word lists stay out of the browser (decision 051)
  // counted before the password is scored, which costs the server's one thread
  const scoring = await consumePasswordScore({
    ip: requestContext(request).ip,
    account: viewer.user.id,
  });
  const schema = scoring.ok ? refusingEasyPasswords(changePasswordSchema, viewer.user) : changePasswordSchema;
  const submission = parseForm(await readForm(request), { schema });
  const hideFields = ["currentPassword", "password", "confirmPassword"];
  if (!scoring.ok)
    return json(submission.reply({ formErrors: [waitMessage(scoring.retryAfterSeconds)], hideFields }), {
      status: 429,
    });
  if (submission.status !== "success") return json(submission.reply({ hideFields }), { status: 400 });
  const result = await changePassword(
    viewer.user.id,
    viewer.sessionId,
    submission.value,
    requestContext(request),
  );
  if (!result.ok)
    return json(submission.reply({ fieldErrors: result.fieldErrors, hideFields }), { status: 400 });
  // Every other session has ended; this browser continues with a brand-new one.
  if (!("session" in result)) throw new Error("password change returned no session");
  return redirectWithFlash(
    "/account",
    {
      kind: "success",
      message: "Your password has been changed. You have been signed out on other devices.",
    },
    { headers: { "Set-Cookie": sessionCookie(result.session.token, result.session.expiresAt) } },
  );
}

export default function ChangePassword() {
  const { email } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: changePasswordSchema }),
  });
  return (
    <div className="max-w-2xl">
      <BackLink to="/account">Back to your account</BackLink>
      <PageHeading>Change your password</PageHeading>
      <p className="mb-6">You will stay signed in here and be signed out on every other device.</p>
      <Form method="post" {...getFormProps(form)} noValidate>
        <ErrorSummary errors={form.allErrors} />
        <AccountForPasswordManagers email={email} />
        <TextInput
          name={fields.currentPassword.name}
          key={fields.currentPassword.key}
          label="Current password"
          errors={fields.currentPassword.errors}
          type="password"
          autoComplete="current-password"
        />
        <NewPasswordFields password={fields.password} confirm={fields.confirmPassword} />
        <Button>Change password</Button>
      </Form>
    </div>
  );
}
