import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/ui/form-for.tsx";
import { requireUser } from "~/auth/permissions.server.ts";
import { requestContext } from "~/auth/request-context.server.ts";
import { changeNameSchema } from "~/domain/accounts/schemas.ts";
import { changeName } from "~/domain/accounts/users.server.ts";
import { BackLink, PageHeading } from "~/ui/components.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { Button, ErrorSummary, TextInput } from "~/ui/form.tsx";
import { parseForm } from "~/server/parse-form.server.ts";
import { readForm } from "~/server/read-form.server.ts";

export const meta: MetaFunction = () => [{ title: "Change your name – Social Value Marketplace" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  return json({ name: viewer.user.name });
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  const submission = parseForm(await readForm(request), { schema: changeNameSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  await changeName(viewer.user.id, submission.value.name, requestContext(request));
  return redirectWithFlash("/account", { kind: "success", message: "Your name has been changed" });
}

export default function ChangeName() {
  const { name } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { name },
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: changeNameSchema }),
  });
  return (
    <div className="max-w-2xl">
      <BackLink to="/account">Back to your account</BackLink>
      <PageHeading>Change your name</PageHeading>
      <Form method="post" {...getFormProps(form)} noValidate>
        <ErrorSummary errors={form.allErrors} />
        <TextInput
          name={fields.name.name}
          key={fields.name.key}
          defaultValue={fields.name.initialValue as string | undefined}
          label="Full name"
          errors={fields.name.errors}
          autoComplete="name"
          spellCheck={false}
        />
        <Button>Save name</Button>
      </Form>
    </div>
  );
}
