// GOV.UK Design System form patterns (question pages, error summary) in Tailwind.
// Field ids equal field names, so the error summary can link to them. The single fields and the button live in
// form-fields.tsx and the error summary in error-summary.tsx, offered here too; a page that needs only some of them
// imports those modules directly, as the browser downloads each module whole.
import { exampleDayWithin, isoDayAsUk } from "~/domain/calendar.ts";
import { Form } from "~/ui/form-for.tsx";
import {
  Button,
  describedBy,
  FieldError,
  FieldGroup,
  Hint,
  TextInput,
  Textarea,
  useFieldErrors,
  type FieldErrors,
} from "~/ui/form-fields.tsx";
import type { ReactNode } from "react";

export {
  Button,
  Checkbox,
  FileInput,
  Select,
  TextInput,
  Textarea,
  useFieldErrors,
  type FieldErrors,
} from "~/ui/form-fields.tsx";
export { ErrorSummary, errorsFor, inPageOrder, placeIn } from "~/ui/error-summary.tsx";

export type Option = { value: string; label: ReactNode; hint?: ReactNode };

type ChoiceProps = {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  errors?: FieldErrors;
  options: Option[];
  inline?: boolean;
  legendAsHeading?: boolean;
};

export function Radios({ defaultValue, ...props }: ChoiceProps & { defaultValue?: string | null }) {
  return <Choices {...props} type="radio" isChecked={(value) => defaultValue === value} />;
}

export function Checkboxes({
  defaultValues = [],
  ...props
}: Omit<ChoiceProps, "inline"> & { defaultValues?: string[] }) {
  return <Choices {...props} type="checkbox" isChecked={(value) => defaultValues.includes(value)} />;
}

// The first option's id is the field's name: the error summary links to it.
function Choices({
  name,
  legend,
  hint,
  errors: given,
  options,
  inline,
  legendAsHeading,
  type,
  isChecked,
}: ChoiceProps & { type: "radio" | "checkbox"; isChecked: (value: string) => boolean }) {
  const errors = useFieldErrors(name, given);
  return (
    <FieldGroup errors={errors}>
      <fieldset aria-describedby={describedBy(name, hint, errors)}>
        <Legend asHeading={legendAsHeading}>{legend}</Legend>
        <Hint name={name} hint={hint} />
        <FieldError name={name} errors={errors} />
        <div className={inline ? "flex flex-wrap gap-6" : "space-y-3"}>
          {options.map((option, index) => {
            const id = index === 0 ? name : `${name}-${index}`;
            return (
              <div key={option.value} className="flex items-start gap-3">
                <input
                  id={id}
                  type={type}
                  name={name}
                  value={option.value}
                  defaultChecked={isChecked(option.value)}
                  aria-describedby={option.hint ? `${id}-item-hint` : undefined}
                  className="mt-0.5 h-7 w-7 shrink-0 accent-brand"
                />
                <label htmlFor={id} className="pt-0.5">
                  {option.label}
                  {option.hint ? (
                    <span id={`${id}-item-hint`} className="block text-muted">
                      {option.hint}
                    </span>
                  ) : null}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </FieldGroup>
  );
}

/** GOV.UK date input: one ISO date field, shown as a native date control with a typed fallback. Without a hint of
 * its own it gives an example of a day it takes (exampleDayWithin its `min` and `max`): with a `max` of today, a day
 * no later than today. */
export function DateInput({
  name,
  label,
  hint,
  errors,
  defaultValue,
  min,
  max,
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: FieldErrors;
  defaultValue?: string | null;
  min?: string;
  max?: string;
}) {
  return (
    <TextInput
      name={name}
      label={label}
      hint={hint ?? `For example, ${isoDayAsUk(exampleDayWithin(min, max))}`}
      errors={errors}
      type="date"
      width="10"
      defaultValue={defaultValue ?? undefined}
      min={min}
      max={max}
    />
  );
}

function Legend({ children, asHeading }: { children: ReactNode; asHeading?: boolean }) {
  return asHeading ? (
    <legend className="mb-3">
      <h1 className="text-3xl font-bold">{children}</h1>
    </legend>
  ) : (
    <legend className="mb-2 font-bold">{children}</legend>
  );
}

/** A form that does one thing with a short written reason: decline, withdraw, dispute. */
export function ReasonForm({
  heading,
  label,
  hint,
  intent,
  submit,
  errors,
  defaultValue,
}: {
  heading: string;
  label: string;
  hint?: string;
  intent: string;
  submit: string;
  errors: FieldErrors;
  /** what the user typed before an error, so it is not lost */
  defaultValue?: string;
}) {
  return (
    <Form method="post" className="mb-8 max-w-xl border-t-2 border-line pt-4">
      <h2 className="mb-4 text-2xl font-bold">{heading}</h2>
      <Textarea
        name="reason"
        label={label}
        hint={hint}
        rows={2}
        errors={errors}
        defaultValue={defaultValue}
      />
      <Button name="intent" value={intent} variant="warning">
        {submit}
      </Button>
    </Form>
  );
}
