// The measure question page, shared by "add a measure" and "change a measure".
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { checkedWithServerAnswer } from "~/ui/checked-by-server.ts";
import { Form } from "~/ui/form-for.tsx";
import { withCouncil } from "~/ui/charts/record-links.ts";
import { MEASURE_THEMES, MEASURE_UNITS } from "~/domain/contracts/labels.ts";
import { helpTypeUnitHint } from "~/domain/contracts/measure-help-types.ts";
import { measureEditSchema, measureSchema } from "~/domain/contracts/schemas.ts";
import { HELP_TYPES } from "~/domain/marketplace/help-types.ts";
import { Button, Checkboxes, ErrorSummary, Radios, Select, Textarea, TextInput } from "~/ui/form.tsx";
import { FieldError } from "~/ui/form-fields.tsx";
import { countOf } from "~/ui/format.ts";

/** A council's measure library: where a measure saved, retired or added for that council goes back to. */
export const libraryOf = (councilId: string) => withCouncil("/council/measures", councilId);

export type MeasureFormValues = {
  code: string;
  name: string;
  theme: string;
  unit: string;
  helpText: string;
  frameworkMapping: string;
  contributingHelpTypes: string[];
  proxyValueGbp: string;
};

export function MeasureForm({
  lastResult,
  defaultValue,
  submitLabel,
  version,
  commitmentCount = 0,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue?: MeasureFormValues;
  submitLabel: string;
  /** on the change page: the version of the measure the form was read from */
  version?: string;
  /** on the change page: how many commitments use the measure, whose unit then cannot change */
  commitmentCount?: number;
}) {
  const [form, fields] = useForm({
    lastResult,
    defaultValue,
    // errors change only when the form is sent: a summary that vanished on blur would move the button
    // away from under the pointer (GOV.UK validates on submit)
    shouldRevalidate: "onSubmit",
    // the server tells whether the council already uses the code, with the form's other problems
    onValidate: ({ formData }) =>
      checkedWithServerAnswer(formData, version ? measureEditSchema : measureSchema, "code"),
  });
  const value = (field: { initialValue?: unknown }) =>
    (field.initialValue as string | undefined) ?? undefined;
  const helpTypes = fields.contributingHelpTypes.initialValue;
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="max-w-2xl">
      {/* the fields in page order: the schema lists the framework theme before the help types and the proxy value */}
      <ErrorSummary
        errors={form.allErrors}
        order={[
          fields.code.name,
          fields.name.name,
          fields.theme.name,
          fields.unit.name,
          fields.helpText.name,
          fields.contributingHelpTypes.name,
          fields.proxyValueGbp.name,
          fields.frameworkMapping.name,
        ]}
      />
      {version ? <input type="hidden" name="version" value={version} /> : null}
      <TextInput
        name={fields.code.name}
        key={fields.code.key}
        label="Code"
        hint="Short and unique in your library, for example JOB-06"
        errors={fields.code.errors}
        defaultValue={value(fields.code)}
        width="10"
        spellCheck={false}
      />
      <TextInput
        name={fields.name.name}
        key={fields.name.key}
        label="Name"
        hint="As your council publishes it, for example “No. of apprentices”"
        errors={fields.name.errors}
        defaultValue={value(fields.name)}
      />
      <Radios
        name={fields.theme.name}
        key={fields.theme.key}
        legend="Theme"
        errors={fields.theme.errors}
        defaultValue={value(fields.theme)}
        options={MEASURE_THEMES}
        inline
      />
      {commitmentCount > 0 ? (
        // a unit commitments are counted in is shown, not offered: a menu that worked until the save refused it
        <div className="mb-6">
          <p className="font-bold">Unit</p>
          {/* the error summary's link lands here if commitments came to use it while the form was open */}
          <p id={fields.unit.name} tabIndex={-1}>
            {MEASURE_UNITS.find((u) => u.value === defaultValue?.unit)?.label ?? defaultValue?.unit}.{" "}
            {countOf(commitmentCount, "commitment uses", "commitments use")} this measure, so its unit cannot
            change: to count in another unit, add a new measure.
          </p>
          <FieldError name={fields.unit.name} errors={fields.unit.errors} />
          <input type="hidden" name={fields.unit.name} value={defaultValue?.unit ?? ""} />
        </div>
      ) : (
        <Select
          name={fields.unit.name}
          key={fields.unit.key}
          label="Unit"
          placeholder="Choose a unit"
          errors={fields.unit.errors}
          defaultValue={value(fields.unit)}
          options={MEASURE_UNITS}
        />
      )}
      <Textarea
        name={fields.helpText.name}
        key={fields.helpText.key}
        label="Help text (optional)"
        hint="What counts, shown to suppliers when they report"
        errors={fields.helpText.errors}
        defaultValue={value(fields.helpText)}
        rows={3}
      />
      <Checkboxes
        name={fields.contributingHelpTypes.name}
        key={fields.contributingHelpTypes.key}
        legend="Marketplace help that counts towards this measure"
        hint={`A confirmed pledge of these kinds can be linked to a commitment on this measure. ${helpTypeUnitHint()}`}
        errors={fields.contributingHelpTypes.errors}
        defaultValues={
          Array.isArray(helpTypes) ? (helpTypes as string[]) : helpTypes ? [helpTypes as string] : []
        }
        options={HELP_TYPES.map((h) => ({ value: h.value, label: h.label }))}
      />
      <TextInput
        name={fields.proxyValueGbp.name}
        key={fields.proxyValueGbp.key}
        label="Proxy value in £ per unit (optional)"
        hint="Your council's own figure. Do not use licensed values such as the National TOMs. Leave it blank for a percentage or a qualitative measure: they are not added up into local £ figures."
        errors={fields.proxyValueGbp.errors}
        defaultValue={value(fields.proxyValueGbp)}
        inputMode="decimal"
        width="10"
      />
      <TextInput
        name={fields.frameworkMapping.name}
        key={fields.frameworkMapping.key}
        label="Framework theme (optional)"
        hint="Where this sits in the framework your council reports against, for example a Social Value Model theme"
        errors={fields.frameworkMapping.errors}
        defaultValue={value(fields.frameworkMapping)}
      />
      <Button>{submitLabel}</Button>
    </Form>
  );
}
