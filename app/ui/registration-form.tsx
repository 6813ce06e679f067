// The page that registers an organisation, as a business or as a VCSE: the way back, the promise to lead back to
// where they were going, and the form's first questions (its name and council), the same for both kinds. Each
// route keeps its own words, its form (its schema) and the questions after these, which it gives as children.
import { getFormProps, type FormMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { BackLink, InsetText, PageHeading } from "~/ui/components.tsx";
import { Form } from "~/ui/form-for.tsx";
import { ErrorSummary, Select, TextInput } from "~/ui/form.tsx";

type Field = { name: string; key?: string; initialValue?: unknown; errors?: string[] };

const value = (field: Field) => field.initialValue as string | undefined;

export function RegistrationForm<Schema extends Record<string, unknown>>({
  form,
  fields,
  councils,
  redirectTo,
  heading,
  organisation,
  nameLabel,
  councilLabel,
  children,
}: {
  form: FormMetadata<Schema, string[]>;
  fields: { name: Field; councilId: Field };
  councils: { id: string; name: string }[];
  redirectTo: string | null;
  heading: ReactNode;
  /** what they are registering, in "When you have registered your …" */
  organisation: string;
  nameLabel: string;
  councilLabel: string;
  children: ReactNode;
}) {
  return (
    <div className="max-w-2xl">
      <BackLink
        to={
          redirectTo
            ? `/organisations/new?redirectTo=${encodeURIComponent(redirectTo)}`
            : "/organisations/new"
        }
      />
      <PageHeading caption="Register an organisation">{heading}</PageHeading>
      {redirectTo ? (
        <InsetText>
          <p>{`When you have registered your ${organisation}, we will take you back to where you were going.`}</p>
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
          label={nameLabel}
          errors={fields.name.errors}
          autoComplete="organization"
        />
        <Select
          name={fields.councilId.name}
          key={fields.councilId.key}
          defaultValue={value(fields.councilId)}
          label={councilLabel}
          hint="The council whose social value team will verify you"
          errors={fields.councilId.errors}
          placeholder="Select a council"
          options={councils.map((c) => ({ value: c.id, label: c.name }))}
        />
        {children}
      </Form>
    </div>
  );
}
