import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/ui/form-for.tsx";
import { requireUser } from "~/auth/permissions.server.ts";
import { changeEmailSchema } from "~/domain/accounts/schemas.ts";
import { pendingEmailChange } from "~/domain/accounts/email-change.server.ts";
import { requestEmailChange } from "~/domain/accounts/users.server.ts";
import { consumeAttempt, waitMessage } from "~/auth/rate-limit.server.ts";
import { requestContext } from "~/auth/request-context.server.ts";
import { BackLink, InsetText, PageHeading } from "~/ui/components.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { Button, ErrorSummary, TextInput } from "~/ui/form.tsx";
import { formatDateTime } from "~/ui/format.ts";
import { parseForm } from "~/server/parse-form.server.ts";
import { readForm } from "~/server/read-form.server.ts";

export const meta: MetaFunction = () => [{ title: "Change your email address – Social Value Marketplace" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  const waiting = await pendingEmailChange(viewer.user.id);
  return json({
    email: viewer.user.email,
    waiting: waiting && { newEmail: waiting.newEmail, expiresAt: waiting.expiresAt },
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  const submission = parseForm(await readForm(request), { schema: changeEmailSchema });
  const hideFields = ["currentPassword"];
  if (submission.status !== "success") return json(submission.reply({ hideFields }), { status: 400 });
  // their own address, so nothing to keep quiet about: otherwise told "we have sent it a link", and nothing comes
  if (submission.value.email === viewer.user.email)
    return json(
      submission.reply({ fieldErrors: { email: ["This is already your email address"] }, hideFields }),
      { status: 400 },
    );
  const context = requestContext(request);
  const limit = await consumeAttempt("email-change", { ip: context.ip, account: viewer.user.id });
  if (!limit.ok)
    return json(submission.reply({ formErrors: [waitMessage(limit.retryAfterSeconds)], hideFields }), {
      status: 429,
    });
  const result = await requestEmailChange(viewer.user.id, submission.value, context);
  if (!result.ok)
    return json(submission.reply({ fieldErrors: result.fieldErrors, hideFields }), { status: 400 });
  return redirectWithFlash("/account", {
    kind: "success",
    message: `If ${submission.value.email} is not used by another account, we have sent it a link. Your email address stays ${viewer.user.email} until the link is opened.`,
  });
}

export default function ChangeEmail() {
  const { email, waiting } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: changeEmailSchema }),
  });
  return (
    <div className="max-w-2xl">
      <BackLink to="/account">Back to your account</BackLink>
      <PageHeading>Change your email address</PageHeading>
      <p className="mb-6">
        Your address is <strong>{email}</strong>. We will send a link to the new address; it replaces this one
        when you open the link.
      </p>
      {waiting ? (
        <InsetText>
          You have already asked to change it to {waiting.newEmail}: that link works until{" "}
          {formatDateTime(waiting.expiresAt)}. Asking again replaces it.
        </InsetText>
      ) : null}
      <Form method="post" {...getFormProps(form)} noValidate>
        <ErrorSummary errors={form.allErrors} />
        <TextInput
          name={fields.email.name}
          key={fields.email.key}
          defaultValue={fields.email.initialValue as string | undefined}
          label="New email address"
          errors={fields.email.errors}
          type="email"
          autoComplete="email"
          spellCheck={false}
        />
        <TextInput
          name={fields.currentPassword.name}
          key={fields.currentPassword.key}
          label="Your current password"
          errors={fields.currentPassword.errors}
          type="password"
          autoComplete="current-password"
        />
        <Button>Send confirmation link</Button>
      </Form>
    </div>
  );
}
