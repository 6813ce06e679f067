import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/ui/form-for.tsx";
import { registrationAction, registrationLoader } from "~/domain/accounts/registration.server.ts";
import { BALANCE_SHEET_BANDS, TURNOVER_BANDS } from "~/domain/accounts/business-size.ts";
import { supplierSchema } from "~/domain/accounts/schemas.ts";
import { BackLink, PageHeading } from "~/ui/components.tsx";
import { Button, ErrorSummary, Radios, Select, TextInput } from "~/ui/form.tsx";

export const meta: MetaFunction = () => [{ title: "Register a business – Social Value Marketplace" }];

export function loader({ request }: LoaderFunctionArgs) {
  return registrationLoader(request);
}

export function action({ request }: ActionFunctionArgs) {
  return registrationAction(request, "SUPPLIER");
}

export default function RegisterSupplier() {
  const { councils } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: supplierSchema }),
  });
  const value = (field: { initialValue?: unknown }) => field.initialValue as string | undefined;
  return (
    <div className="max-w-2xl">
      <BackLink to="/organisations/new" />
      <PageHeading caption="Register an organisation">Your business</PageHeading>
      <Form method="post" {...getFormProps(form)} noValidate>
        <ErrorSummary errors={form.allErrors} />
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
        <TextInput
          name={fields.companyNumber.name}
          key={fields.companyNumber.key}
          defaultValue={value(fields.companyNumber)}
          label="Companies House number"
          hint="8 characters, for example 01234567 or SC123456"
          errors={fields.companyNumber.errors}
          width="10"
          spellCheck={false}
        />
        <TextInput
          name={fields.registeredPostcode.name}
          key={fields.registeredPostcode.key}
          defaultValue={value(fields.registeredPostcode)}
          label="Registered office postcode"
          errors={fields.registeredPostcode.errors}
          width="10"
          autoComplete="postal-code"
        />
        <TextInput
          name={fields.staffHeadcount.name}
          key={fields.staffHeadcount.key}
          defaultValue={value(fields.staffHeadcount)}
          label="Number of staff"
          hint="Full-time equivalent employees across the business"
          errors={fields.staffHeadcount.errors}
          inputMode="numeric"
          width="5"
        />
        <Radios
          name={fields.turnoverBand.name}
          key={fields.turnoverBand.key}
          defaultValue={value(fields.turnoverBand)}
          legend="Annual turnover"
          errors={fields.turnoverBand.errors}
          options={TURNOVER_BANDS.map((b) => ({ value: b.value, label: b.label }))}
        />
        <Radios
          name={fields.balanceSheetBand.name}
          key={fields.balanceSheetBand.key}
          defaultValue={value(fields.balanceSheetBand)}
          legend="Balance sheet total"
          hint="Total assets, from your latest accounts"
          errors={fields.balanceSheetBand.errors}
          options={BALANCE_SHEET_BANDS.map((b) => ({ value: b.value, label: b.label }))}
        />
        <TextInput
          name={fields.contactEmail.name}
          key={fields.contactEmail.key}
          defaultValue={value(fields.contactEmail)}
          label="Social value contact email (optional)"
          hint="Where the council and charities can reach your social value lead"
          errors={fields.contactEmail.errors}
          type="email"
          spellCheck={false}
        />
        <p className="mb-6 text-muted">
          We work out your business size (micro, small, medium or large) from these answers.
        </p>
        <Button>Register business</Button>
      </Form>
    </div>
  );
}
