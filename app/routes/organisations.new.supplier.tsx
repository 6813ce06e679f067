import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/ui/form-for.tsx";
import { SupplierDetailFields } from "~/domain/accounts/organisation-fields.tsx";
import { registrationAction, registrationLoader } from "~/domain/accounts/registration.server.ts";
import { supplierSchema } from "~/domain/accounts/schemas.ts";
import { BackLink, InsetText, PageHeading } from "~/ui/components.tsx";
import { Button, ErrorSummary, Select, TextInput } from "~/ui/form.tsx";

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
  const value = (field: { initialValue?: unknown }) => field.initialValue as string | undefined;
  return (
    <div className="max-w-2xl">
      <BackLink
        to={
          redirectTo
            ? `/organisations/new?redirectTo=${encodeURIComponent(redirectTo)}`
            : "/organisations/new"
        }
      />
      <PageHeading caption="Register an organisation">Your business</PageHeading>
      {redirectTo ? (
        <InsetText>
          <p>When you have registered your business, we will take you back to where you were going.</p>
        </InsetText>
      ) : null}
      <Form method="post" {...getFormProps(form)} noValidate>
        <ErrorSummary errors={form.allErrors} />
        {/* where they were going (a survey invitation, a request to pledge to): registering leads back there */}
        {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
        <TextInput
          name={fields.name.name}
          key={fields.name.key}
          defaultValue={value(fields.name)}
          label="Business name"
          errors={fields.name.errors}
          autoComplete="organization"
        />
        <Select
          name={fields.councilId.name}
          key={fields.councilId.key}
          defaultValue={value(fields.councilId)}
          label="Council you supply"
          hint="The council whose social value team will verify you"
          errors={fields.councilId.errors}
          placeholder="Select a council"
          options={councils.map((c) => ({ value: c.id, label: c.name }))}
        />
        <SupplierDetailFields fields={fields} />
        <Button>Register business</Button>
      </Form>
    </div>
  );
}
