// The commitment question page: measure, target, quarterly delivery plan or words, and a note.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "~/ui/form-for.tsx";
import type { ReactNode } from "react";
import { isQuarterNumber, quarterLabel } from "~/domain/contracts/quarters.ts";
import { nameWithUnit } from "~/domain/contracts/labels.ts";
import { planIsRequired } from "~/domain/contracts/plan.ts";
import { takesWholeNumbers } from "~/domain/contracts/quantities.ts";
import {
  chosenMeasureSchema,
  commitmentEditSchemaFor,
  commitmentSchemaFor,
  withCommitmentRules,
} from "~/domain/contracts/schemas.ts";
import { UNIT_LABELS } from "~/domain/reporting/returns-rules.ts";
import type { MeasureUnit } from "~/generated/prisma/enums.ts";
import { Button, ErrorSummary, Select, Textarea, TextInput } from "~/ui/form.tsx";
import { MeasureHelp } from "~/ui/measure-help.tsx";

export type CommitmentFormValues = {
  measureId: string;
  targetQuantity: string;
  qualitativeText: string;
  narrative: string;
  plan: Record<string, string>;
};

export function CommitmentForm({
  lastResult,
  quarters,
  measures,
  fixedMeasure,
  defaultValue,
  submitLabel,
  children,
  version,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  quarters: { key: string; label: string }[];
  measures?: { id: string; code: string; name: string; unit: MeasureUnit; helpText: string | null }[];
  /** edit form: the commitment's measure, which cannot change, so only the answers its unit takes are asked */
  fixedMeasure?: { id: string; code: string; name: string; unit: MeasureUnit; helpText: string | null };
  defaultValue?: CommitmentFormValues;
  submitLabel: string;
  children?: ReactNode;
  /** edit form: the version of the commitment it was read from (a later save by a colleague is refused) */
  version?: string;
}) {
  const [form, fields] = useForm({
    lastResult,
    defaultValue: {
      measureId: defaultValue?.measureId ?? fixedMeasure?.id ?? "",
      targetQuantity: defaultValue?.targetQuantity ?? "",
      qualitativeText: defaultValue?.qualitativeText ?? "",
      narrative: defaultValue?.narrative ?? "",
      plan: quarters.map((q) => ({ quarter: q.key, quantity: defaultValue?.plan[q.key] ?? "" })),
    },
    // errors change only when the form is sent: a summary that vanished on blur would move the button
    // away from under the pointer (GOV.UK validates on submit)
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => {
      // the figures are read in the chosen measure's unit, as the server reads them
      const chosen = parseWithZod(formData, { schema: chosenMeasureSchema });
      const id = chosen.status === "success" ? chosen.value.measureId : undefined;
      const unit = fixedMeasure?.unit ?? measures?.find((m) => m.id === id)?.unit ?? null;
      // with the commitment's rules, as the server checks them: every problem is told at once
      return parseWithZod(formData, {
        schema: withCommitmentRules(
          version ? commitmentEditSchemaFor(unit) : commitmentSchemaFor(unit),
          unit,
        ),
      });
    },
  });
  const value = (field: { initialValue?: unknown }) =>
    (field.initialValue as string | undefined) ?? undefined;
  const planRows = planBoxes(fields.plan.name, fields.plan.getFieldList(), quarters);
  // With the measure known, the answers its unit has no use for are not asked (unless something was sent for them,
  // so a problem with it can be seen and put right).
  const unit = fixedMeasure?.unit;
  const sent = (field: { initialValue?: unknown; errors?: string[] }) =>
    !!field.errors?.length || (typeof field.initialValue === "string" && field.initialValue.trim() !== "");
  const askTarget = !unit || unit !== "QUALITATIVE" || sent(fields.targetQuantity);
  const askPlan =
    !unit ||
    planIsRequired(unit) ||
    !!fields.plan.errors?.length ||
    fields.plan.getFieldList().some((row) => sent(row.getFieldset().quantity));
  const askWords = !unit || unit === "QUALITATIVE" || sent(fields.qualitativeText);
  // a new commitment's figures are named in the chosen measure's unit too, once one is chosen (or was sent)
  const chosenMeasure = measures?.find((m) => m.id === fields.measureId.value);
  const namedUnit = unit ?? chosenMeasure?.unit;
  const measuresWithHelp = (measures ?? []).filter((m) => m.helpText?.trim());
  const unitWord = namedUnit ? UNIT_LABELS[namedUnit] : "";
  // items are counted whole (takesWholeNumbers), as the figures are checked
  const wholeNumbers = namedUnit ? takesWholeNumbers(namedUnit) : false;
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="max-w-2xl">
      {/* the fields in page order: the schema's checks find the plan's problems after the words' and the note's, and
          the server's find the words' before the target's */}
      <ErrorSummary
        errors={form.allErrors}
        order={[
          fields.measureId.name,
          fields.targetQuantity.name,
          fields.plan.name,
          fields.qualitativeText.name,
          fields.narrative.name,
        ]}
      />
      {version ? <input type="hidden" name="version" value={version} /> : null}
      {fixedMeasure ? (
        <>
          <input type="hidden" name={fields.measureId.name} value={fixedMeasure.id} />
          <p className={fixedMeasure.helpText?.trim() ? "mb-2" : "mb-6"}>
            <strong>Measure:</strong> {fixedMeasure.code} {fixedMeasure.name}
          </p>
          <MeasureHelp helpText={fixedMeasure.helpText} />
        </>
      ) : (
        <>
          <Select
            name={fields.measureId.name}
            key={fields.measureId.key}
            label="Measure"
            hint="From your council's measure library"
            placeholder="Choose a measure"
            errors={fields.measureId.errors}
            defaultValue={value(fields.measureId)}
            options={(measures ?? []).map((m) => ({
              value: m.id,
              label: `${m.code} ${nameWithUnit(m.name, m.unit)}`,
            }))}
          />
          {/* the chosen measure's guidance (once one is chosen, or was sent), and every measure's before choosing */}
          <MeasureHelp helpText={chosenMeasure?.helpText} />
          {measuresWithHelp.length ? (
            <details className="mb-6">
              <summary className="cursor-pointer text-brand underline">What each measure counts</summary>
              <dl className="mt-2">
                {measuresWithHelp.map((m) => (
                  <div key={m.id} className="mb-2">
                    <dt className="font-bold">
                      {m.code} {m.name}
                    </dt>
                    <dd className="whitespace-pre-line">{m.helpText}</dd>
                  </div>
                ))}
              </dl>
            </details>
          ) : null}
        </>
      )}
      {askTarget ? (
        <TextInput
          name={fields.targetQuantity.name}
          key={fields.targetQuantity.key}
          label={`Target over the contract term${unitWord ? ` (${unitWord})` : ""}`}
          hint={`${
            !unit
              ? "In the measure's unit. A percentage is the level to keep, up to 100. Leave blank for a qualitative measure."
              : unit === "PERCENT"
                ? "The level to keep, up to 100."
                : unit === "QUALITATIVE"
                  ? "Leave blank: this measure is described in words."
                  : "Over the whole term: the quarters below add up to it."
          }${wholeNumbers ? " Whole numbers only." : ""}`}
          errors={fields.targetQuantity.errors}
          defaultValue={value(fields.targetQuantity)}
          inputMode={wholeNumbers ? "numeric" : "decimal"}
          width="10"
        />
      ) : null}
      {askPlan ? (
        <fieldset
          id="plan"
          tabIndex={-1}
          className={`mb-6 ${fields.plan.errors?.length ? "border-l-4 border-error pl-4" : ""}`}
          aria-describedby={`plan-hint${fields.plan.errors?.length ? " plan-error" : ""}`}
        >
          <legend className="mb-2 text-xl font-bold">
            Delivery plan by financial quarter{unitWord ? ` (${unitWord})` : ""}
          </legend>
          <p id="plan-hint" className="mb-2 text-muted">
            How much is due in each quarter of the contract (Q1 is April to June). The quarters must add up to
            the target.
            {unit && planIsRequired(unit)
              ? null
              : " Leave the plan blank for percentage and qualitative measures."}
            {wholeNumbers ? " Whole numbers only." : null}
          </p>
          {fields.plan.errors?.length ? (
            <p id="plan-error" className="mb-2 font-bold text-error">
              <span className="sr-only">Error: </span>
              {fields.plan.errors[0]}
            </p>
          ) : null}
          <div className="grid grid-cols-2 gap-x-6 sm:grid-cols-4">
            {planRows.map((row) => {
              const entry = row.getFieldset();
              return (
                <div key={row.key}>
                  <input type="hidden" name={entry.quarter.name} value={row.key} />
                  <TextInput
                    name={entry.quantity.name}
                    label={row.label}
                    errors={entry.quantity.errors}
                    defaultValue={value(entry.quantity)}
                    inputMode={wholeNumbers ? "numeric" : "decimal"}
                    width="5"
                  />
                </div>
              );
            })}
          </div>
        </fieldset>
      ) : null}
      {askWords ? (
        <Textarea
          name={fields.qualitativeText.name}
          key={fields.qualitativeText.key}
          label={
            unit === "QUALITATIVE"
              ? "What the supplier has committed to"
              : "What the supplier has committed to (qualitative measures only)"
          }
          errors={fields.qualitativeText.errors}
          defaultValue={value(fields.qualitativeText)}
          rows={3}
        />
      ) : null}
      <Textarea
        name={fields.narrative.name}
        key={fields.narrative.key}
        label="Note (optional)"
        hint="Anything the contract manager or supplier should know about this commitment"
        errors={fields.narrative.errors}
        defaultValue={value(fields.narrative)}
        rows={3}
      />
      <Button name="intent" value="save">
        {submitLabel}
      </Button>
      {children}
    </Form>
  );
}

type PlanField = {
  getFieldset(): {
    quarter: { initialValue?: unknown };
    quantity: { initialValue?: unknown; errors?: string[] };
  };
};

const QUARTER_KEY = /^(\d{4})-([1-4])$/;

/**
 * One box per quarter of the contract's term as it is now, each with the answer sent for that quarter (matched by
 * quarter, not by position: the term may have changed since the form was read), then a box for each answer sent
 * for a quarter the term no longer has, so nothing typed is lost and the plan error can be put right. Each box is
 * named by its place in this list, as Conform names a list's items.
 */
export function planBoxes(
  listName: string,
  planFields: PlanField[],
  quarters: { key: string; label: string }[],
) {
  const answers = new Map<string, { initialValue?: string; errors?: string[] }>();
  for (const field of planFields) {
    const entry = field.getFieldset();
    const key = entry.quarter.initialValue;
    if (typeof key !== "string" || answers.has(key)) continue;
    const value = entry.quantity.initialValue;
    answers.set(key, {
      initialValue: typeof value === "string" ? value : undefined,
      errors: entry.quantity.errors,
    });
  }
  const inTerm = new Set(quarters.map((q) => q.key));
  const outside = Array.from(answers.entries()).flatMap(([key, answer]) => {
    const match = QUARTER_KEY.exec(key);
    const quarter = Number(match?.[2]);
    if (inTerm.has(key) || !match || !isQuarterNumber(quarter) || !answer.initialValue?.trim()) return [];
    const financialYear = Number(match[1]);
    return [
      {
        key,
        order: financialYear * 4 + quarter,
        label: `${quarterLabel(financialYear, quarter)} (outside the contract term)`,
      },
    ];
  });
  return [...quarters, ...outside.sort((a, b) => a.order - b.order)].map(({ key, label }, index) => ({
    key,
    label,
    getFieldset: () => ({
      quarter: { name: `${listName}[${index}].quarter` },
      quantity: { name: `${listName}[${index}].quantity`, ...answers.get(key) },
    }),
  }));
}
