import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { SupplierDetailFields } from "~/ui/organisation-fields.tsx";
import { registrationAction, registrationLoader } from "~/ui/registration-page.server.ts";
import { supplierSchema } from "~/domain/accounts/schemas.ts";
import { Button } from "~/ui/form.tsx";
import { RegistrationForm } from "~/ui/registration-form.tsx";

export const meta: MetaFunction = () => [{ title: "Register a business – Social Value Marketplace" }];

export function loader({ request }: LoaderFunctionArgs) {
  return registrationLoader(request);
}

export function action({ request }: ActionFunctionArgs) {
  return registrationAction(request, "SUPPLIER");
}

export default function RegisterSupplier() {
  const { councils, redirectTo } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: supplierSchema }),
  });
  return (
    <RegistrationForm
      form={form}
      fields={fields}
      councils={councils}
      redirectTo={redirectTo}
      heading="Your business"
      organisation="business"
      nameLabel="Business name"
      councilLabel="Council you supply"
    >
      <SupplierDetailFields fields={fields} />
      <Button>Register business</Button>
    </RegistrationForm>
  );
}
