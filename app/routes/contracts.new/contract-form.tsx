// The contract question page, shared by "register a contract" and "change contract details".
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Link } from "@remix-run/react";
import { checkedWithServerAnswer } from "~/ui/checked-by-server.ts";
import { Form } from "~/ui/form-for.tsx";
import type { ReferenceHolder } from "~/domain/contracts/contracts.server.ts";
import { CONTRACT_STATUSES } from "~/domain/contracts/labels.ts";
import { contractEditSchema, contractSchema } from "~/domain/contracts/schemas.ts";
import { Button, DateInput, ErrorSummary, Radios, Select, TextInput } from "~/ui/form.tsx";

export type ContractFormValues = {
  reference: string;
  title: string;
  supplierOrganisationId: string;
  department: string;
  contractManagerId: string;
  valueGbp: string;
  awardedOn: string;
  startDate: string;
  endDate: string;
  planReference: string;
  status: string;
  terminatedOn: string;
};

export function ContractForm({
  lastResult,
  defaultValue,
  suppliers,
  supplierHint = "The supplier must have registered its organisation on the portal and been verified by a council",
  managers,
  submitLabel,
  version,
}: {
  /** the action's answer; one refusing a reference the council uses names its contract (takenBy) */
  lastResult: (SubmissionResult<string[]> & { takenBy?: ReferenceHolder | null }) | undefined;
  defaultValue?: Partial<ContractFormValues>;
  suppliers: { id: string; label: string }[];
  supplierHint?: string;
  managers: { id: string; name: string }[];
  submitLabel: string;
  /** edit form: the version of the contract it was read from (a later save by a colleague is refused) */
  version?: string;
}) {
  const [form, fields] = useForm({
    lastResult,
    defaultValue,
    // errors change only when the form is sent: a summary that vanished on blur would move the button
    // away from under the pointer (GOV.UK validates on submit)
    shouldRevalidate: "onSubmit",
    // the server tells whether the council already uses the reference, with the form's other problems
    onValidate: ({ formData }) =>
      checkedWithServerAnswer(formData, version ? contractEditSchema : contractSchema, "reference"),
  });
  const referenceTakenBy = lastResult?.takenBy;
  const value = (field: { initialValue?: unknown }) =>
    (field.initialValue as string | undefined) ?? undefined;
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="max-w-2xl">
      {/* the fields in page order: the schema's checks of the dates and the status find the award date's problem after
          the end date's, and the status's after the termination date's */}
      <ErrorSummary
        errors={form.allErrors}
        order={[
          fields.reference.name,
          fields.title.name,
          fields.supplierOrganisationId.name,
          fields.department.name,
          fields.contractManagerId.name,
          fields.valueGbp.name,
          fields.awardedOn.name,
          fields.startDate.name,
          fields.endDate.name,
          fields.planReference.name,
          fields.status.name,
          fields.terminatedOn.name,
        ]}
      />
      {version ? <input type="hidden" name="version" value={version} /> : null}
      <TextInput
        name={fields.reference.name}
        key={fields.reference.key}
        label="Contract reference"
        hint={
          <>
            Your council&apos;s reference, for example NCC-2431
            {/* the field's error says the reference is taken; its contract is one link away (an error is text) */}
            {referenceTakenBy && fields.reference.errors?.length ? (
              <span className="mt-1 block">
                <Link to={`/contracts/${referenceTakenBy.id}`}>
                  Open ‘{referenceTakenBy.title}’ ({referenceTakenBy.reference}), the contract with this
                  reference
                </Link>
              </span>
            ) : null}
          </>
        }
        errors={fields.reference.errors}
        defaultValue={value(fields.reference)}
        width="20"
        spellCheck={false}
      />
      <TextInput
        name={fields.title.name}
        key={fields.title.key}
        label="Title"
        errors={fields.title.errors}
        defaultValue={value(fields.title)}
      />
      <Select
        name={fields.supplierOrganisationId.name}
        key={fields.supplierOrganisationId.key}
        label="Supplier"
        hint={supplierHint}
        placeholder="Choose the supplier"
        errors={fields.supplierOrganisationId.errors}
        defaultValue={value(fields.supplierOrganisationId)}
        options={suppliers.map((s) => ({ value: s.id, label: s.label }))}
      />
      <TextInput
        name={fields.department.name}
        key={fields.department.key}
        label="Department or service"
        errors={fields.department.errors}
        defaultValue={value(fields.department)}
      />
      <Select
        name={fields.contractManagerId.name}
        key={fields.contractManagerId.key}
        label="Contract manager (optional)"
        placeholder="Not set"
        errors={fields.contractManagerId.errors}
        defaultValue={value(fields.contractManagerId)}
        options={managers.map((m) => ({ value: m.id, label: m.name }))}
      />
      <TextInput
        name={fields.valueGbp.name}
        key={fields.valueGbp.key}
        label="Contract value in pounds"
        hint="For example 250000"
        errors={fields.valueGbp.errors}
        defaultValue={value(fields.valueGbp)}
        inputMode="decimal"
        width="10"
      />
      <DateInput
        name={fields.awardedOn.name}
        key={fields.awardedOn.key}
        label="Award date (optional)"
        errors={fields.awardedOn.errors}
        defaultValue={value(fields.awardedOn)}
      />
      <DateInput
        name={fields.startDate.name}
        key={fields.startDate.key}
        label="Start date"
        errors={fields.startDate.errors}
        defaultValue={value(fields.startDate)}
      />
      <DateInput
        name={fields.endDate.name}
        key={fields.endDate.key}
        label="End date"
        errors={fields.endDate.errors}
        defaultValue={value(fields.endDate)}
      />
      <TextInput
        name={fields.planReference.name}
        key={fields.planReference.key}
        label="Procurement plan reference (optional)"
        hint="The pipeline's plan ID, for example PM3-1042, so the tender, the contract and its delivery link up"
        errors={fields.planReference.errors}
        defaultValue={value(fields.planReference)}
        width="20"
        spellCheck={false}
      />
      <Radios
        name={fields.status.name}
        key={fields.status.key}
        legend="Status"
        hint="Ended: it ran to its end date. Terminated: it stopped before its end date."
        errors={fields.status.errors}
        defaultValue={value(fields.status) ?? "ACTIVE"}
        options={CONTRACT_STATUSES}
        inline
      />
      <DateInput
        name={fields.terminatedOn.name}
        key={fields.terminatedOn.key}
        label="Date the contract was terminated (only if the status is Terminated)"
        hint="The day it ended early, for example 27/03/2027. Its delivery plan stops counting after the quarter this falls in."
        errors={fields.terminatedOn.errors}
        defaultValue={value(fields.terminatedOn)}
      />
      <Button>{submitLabel}</Button>
    </Form>
  );
}
