import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { VcseDetailFields } from "~/ui/organisation-fields.tsx";
import { registrationAction, registrationLoader } from "~/ui/registration-page.server.ts";
import { vcseSchema } from "~/domain/accounts/schemas.ts";
import { Button } from "~/ui/form.tsx";
import { RegistrationForm } from "~/ui/registration-form.tsx";

export const meta: MetaFunction = () => [
  { title: "Register a community organisation – Social Value Marketplace" },
];

export function loader({ request }: LoaderFunctionArgs) {
  return registrationLoader(request);
}

export function action({ request }: ActionFunctionArgs) {
  return registrationAction(request, "VCSE");
}

export default function RegisterVcse() {
  const { councils, redirectTo } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: vcseSchema }),
  });
  return (
    <RegistrationForm
      form={form}
      fields={fields}
      councils={councils}
      redirectTo={redirectTo}
      heading="Your charity, community group or social enterprise"
      organisation="organisation"
      nameLabel="Organisation name"
      councilLabel="Council area"
    >
      <VcseDetailFields fields={fields} />
      <Button>Register organisation</Button>
    </RegistrationForm>
  );
}
