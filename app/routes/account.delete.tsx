import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { requireUser } from "~/auth/permissions.server.ts";
import { requestContext } from "~/auth/request-context.server.ts";
import { clearSessionCookie } from "~/auth/session.server.ts";
import { deleteAccountSchema } from "~/domain/accounts/schemas.ts";
import { deleteAccount } from "~/domain/accounts/users.server.ts";
import { BackLink, PageHeading } from "~/ui/components.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { Button, ErrorSummary, TextInput } from "~/ui/form.tsx";
import { readForm } from "~/server/read-form.server.ts";

export const meta: MetaFunction = () => [{ title: "Delete your account – Social Value Marketplace" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return json(null);
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  const submission = parseWithZod(await readForm(request), { schema: deleteAccountSchema });
  const hideFields = ["currentPassword"];
  if (submission.status !== "success") return json(submission.reply({ hideFields }), { status: 400 });
  const result = await deleteAccount(
    viewer.user.id,
    submission.value.currentPassword,
    requestContext(request),
  );
  if (!result.ok)
    return json(submission.reply({ fieldErrors: result.fieldErrors, hideFields }), { status: 400 });
  return redirectWithFlash(
    "/",
    { kind: "success", message: "Your account has been deleted" },
    { headers: { "Set-Cookie": clearSessionCookie() } },
  );
}

export default function DeleteAccount() {
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult, shouldRevalidate: "onSubmit" });
  return (
    <div className="max-w-2xl">
      <BackLink to="/account">Back to your account</BackLink>
      <PageHeading>Delete your account</PageHeading>
      <p className="mb-4">Deleting your account:</p>
      <ul className="mb-6 list-disc space-y-1 pl-6">
        <li>removes you from every organisation and signs you out everywhere</li>
        <li>removes your name, email address, password and saved searches</li>
        <li>
          keeps the requests, pledges and returns you wrote, because your organisation and the council need
          them; they will show &ldquo;Deleted user&rdquo; as the author
        </li>
      </ul>
      <p className="mb-6">
        <a href="/account/data" download>
          Download your data
        </a>{" "}
        first if you want a copy. You cannot undo this.
      </p>
      <Form method="post" {...getFormProps(form)} noValidate>
        <ErrorSummary errors={form.allErrors} />
        <TextInput
          name={fields.currentPassword.name}
          key={fields.currentPassword.key}
          label="Enter your password to confirm"
          errors={fields.currentPassword.errors}
          type="password"
          autoComplete="current-password"
        />
        <Button variant="warning">Delete my account</Button>
      </Form>
    </div>
  );
}
