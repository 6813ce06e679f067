// The survey cycle question page, for opening a cycle and for correcting one: dates, privacy notice, DPIA
// reference and how long answers are kept. A cycle's year is not asked: it is the year the survey opens in.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { ReactNode } from "react";
import { Form } from "~/ui/form-for.tsx";
import { CYCLE_FIELDS } from "~/domain/survey/schemas.ts";
import { Button, DateInput, ErrorSummary, Textarea, TextInput } from "~/ui/form.tsx";

export type CycleFormValues = {
  opensOn: string;
  closesOn: string;
  privacyNotice: string;
  dpiaReference: string;
  retentionMonths: string;
};

export function CycleForm({
  lastResult,
  defaultValue,
  opened = false,
  submitLabel,
  closingDays,
  children,
  action,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue?: Partial<CycleFormValues>;
  /** a cycle that has opened: its opening date and privacy notice stay (the server keeps the stored ones) */
  opened?: boolean;
  submitLabel: string;
  /** the days the closing date may be (closingDays(), from the loader): its hint's example is one of them */
  closingDays: { min: string; max: string };
  /** said under the error summary, before the questions */
  children?: ReactNode;
  /** where the form is sent (its page's own address when left out) */
  action?: string;
}) {
  const [form, fields] = useForm({ lastResult, defaultValue });
  const value = (field: { initialValue?: unknown }) => field.initialValue as string | undefined;
  return (
    <Form method="post" action={action} {...getFormProps(form)} noValidate>
      <ErrorSummary errors={form.allErrors} order={CYCLE_FIELDS} />
      {children}
      {opened ? null : (
        <DateInput
          name={fields.opensOn.name}
          label="Opens on"
          hint="For example, 27/03/2027. The survey is for the year it opens in."
          errors={fields.opensOn.errors}
          defaultValue={value(fields.opensOn)}
        />
      )}
      <DateInput
        name={fields.closesOn.name}
        label="Closes on"
        min={closingDays.min}
        max={closingDays.max}
        errors={fields.closesOn.errors}
        defaultValue={value(fields.closesOn)}
      />
      {opened ? null : (
        <Textarea
          name={fields.privacyNotice.name}
          label="Privacy notice"
          hint="Shown to every business before they agree to take part: what you collect, why, your lawful basis and who sees it."
          errors={fields.privacyNotice.errors}
          defaultValue={value(fields.privacyNotice)}
          rows={8}
        />
      )}
      <TextInput
        name={fields.dpiaReference.name}
        label="Data protection impact assessment reference"
        errors={fields.dpiaReference.errors}
        defaultValue={value(fields.dpiaReference)}
        width="20"
      />
      <TextInput
        name={fields.retentionMonths.name}
        label="Months to keep answers after the survey closes"
        hint="After this, answers are anonymised automatically: they are no longer linked to any business."
        errors={fields.retentionMonths.errors}
        defaultValue={value(fields.retentionMonths)}
        inputMode="numeric"
        width="3"
      />
      <Button>{submitLabel}</Button>
    </Form>
  );
}
