// GOV.UK Design System form patterns in Tailwind: the single fields and the button. Field ids equal field names,
// so the error summary (error-summary.tsx) can link to them. Apart from form.tsx (which also offers them, with the
// error summary, radios and checkboxes) so that a page with a plain form, such as the requests list's filters,
// loads only these: the browser downloads a module whole (the JavaScript budget, tests/e2e/javascript-budget.spec.ts).
import { useTooLargeField } from "~/ui/form-for.tsx";
import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from "react";

export type FieldErrors = string[] | undefined;

const inputClass =
  "block w-full border-2 border-ink px-2 py-1.5 text-base aria-[invalid=true]:border-error disabled:bg-gray-100";

function errorId(name: string) {
  return `${name}-error`;
}
function hintId(name: string) {
  return `${name}-hint`;
}
export function describedBy(name: string, hint?: ReactNode, errors?: FieldErrors) {
  return (
    [hint ? hintId(name) : null, errors?.length ? errorId(name) : null].filter(Boolean).join(" ") || undefined
  );
}

/** A field's errors as shown next to it: the server's, or, when the form was refused in the browser as too large
 * to send and this field is the one most to blame, that refusal (the error summary says the same). */
export function useFieldErrors(name: string, errors?: FieldErrors): FieldErrors {
  const tooLarge = useTooLargeField(name);
  return tooLarge ? [tooLarge] : errors;
}

export function FieldError({ name, errors }: { name: string; errors?: FieldErrors }) {
  if (!errors?.length) return null;
  return (
    <p id={errorId(name)} className="mb-2 font-bold text-error">
      <span className="sr-only">Error: </span>
      {errors[0]}
    </p>
  );
}

export function Hint({ name, hint }: { name: string; hint?: ReactNode }) {
  return hint ? (
    <div id={hintId(name)} className="mb-2 text-muted">
      {hint}
    </div>
  ) : null;
}

export function FieldGroup({ errors, children }: { errors?: FieldErrors; children: ReactNode }) {
  return <div className={`mb-6 ${errors?.length ? "border-l-4 border-error pl-4" : ""}`}>{children}</div>;
}

/** What every single field is given: its name (also its id), its question, and the hint and errors shown with it. */
type FieldProps = { name: string; label: ReactNode; hint?: ReactNode; errors?: FieldErrors };

/** The attributes a single field's control carries: its id (the name, for the error summary's link) and what
 * assistive technology reads with it. */
export function controlProps(name: string, hint: ReactNode, errors: FieldErrors) {
  return {
    id: name,
    name,
    "aria-invalid": errors?.length ? true : undefined,
    "aria-describedby": describedBy(name, hint, errors),
  } as const;
}

/** A single field in the GOV.UK order: its label, hint and error above the control (a child, with controlProps). */
export function LabelledField({ name, label, hint, errors, children }: FieldProps & { children: ReactNode }) {
  return (
    <FieldGroup errors={errors}>
      <label htmlFor={name} className="mb-1 block font-bold">
        {label}
      </label>
      <Hint name={name} hint={hint} />
      <FieldError name={name} errors={errors} />
      {children}
    </FieldGroup>
  );
}

type TextInputProps = FieldProps & {
  width?: "full" | "20" | "10" | "5" | "4" | "3" | "2";
} & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id">;

const widths = {
  full: "",
  "20": "max-w-[41ex]",
  "10": "max-w-[23ex]",
  "5": "max-w-[10.8ex]",
  "4": "max-w-[9ex]",
  "3": "max-w-[7.2ex]",
  "2": "max-w-[5.4ex]",
};

export function TextInput({
  name,
  label,
  hint,
  errors: given,
  width = "full",
  className,
  ...rest
}: TextInputProps) {
  const errors = useFieldErrors(name, given);
  return (
    <LabelledField name={name} label={label} hint={hint} errors={errors}>
      <input
        {...controlProps(name, hint, errors)}
        type="text"
        className={`${inputClass} ${widths[width]} ${className ?? ""}`}
        {...rest}
      />
    </LabelledField>
  );
}

type TextareaProps = FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id">;

export function Textarea({ name, label, hint, errors: given, rows = 5, ...rest }: TextareaProps) {
  const errors = useFieldErrors(name, given);
  return (
    <LabelledField name={name} label={label} hint={hint} errors={errors}>
      <textarea {...controlProps(name, hint, errors)} rows={rows} className={inputClass} {...rest} />
    </LabelledField>
  );
}

/** A file chooser; inside a Form, a file too large to send is said next to it as the server's errors are. */
export function FileInput({
  name,
  label,
  hint,
  errors: given,
  ...rest
}: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "type">) {
  const errors = useFieldErrors(name, given);
  return (
    <LabelledField name={name} label={label} hint={hint} errors={errors}>
      <input {...controlProps(name, hint, errors)} type="file" className="block max-w-full" {...rest} />
    </LabelledField>
  );
}

// A single yes/no style checkbox, e.g. "Can be done remotely".
export function Checkbox({
  name,
  label,
  hint,
  errors: given,
  defaultChecked,
  value = "on",
}: FieldProps & { defaultChecked?: boolean; value?: string }) {
  const errors = useFieldErrors(name, given);
  return (
    <FieldGroup errors={errors}>
      <FieldError name={name} errors={errors} />
      <div className="flex items-start gap-3">
        <input
          id={name}
          type="checkbox"
          name={name}
          value={value}
          defaultChecked={defaultChecked}
          aria-describedby={describedBy(name, hint, errors)}
          className="mt-0.5 h-7 w-7 shrink-0 accent-brand"
        />
        <label htmlFor={name} className="pt-0.5">
          {label}
          <Hint name={name} hint={hint} />
        </label>
      </div>
    </FieldGroup>
  );
}

export function Select({
  name,
  label,
  hint,
  errors: given,
  options,
  defaultValue,
  placeholder,
}: FieldProps & {
  options: { value: string; label: string }[];
  defaultValue?: string | null;
  placeholder?: string;
}) {
  const errors = useFieldErrors(name, given);
  return (
    <LabelledField name={name} label={label} hint={hint} errors={errors}>
      <select
        {...controlProps(name, hint, errors)}
        defaultValue={defaultValue ?? ""}
        className={`${inputClass} max-w-md bg-white`}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </LabelledField>
  );
}

export function Button({
  children,
  variant = "primary",
  ...rest
}: { variant?: "primary" | "secondary" | "warning" } & React.ButtonHTMLAttributes<HTMLButtonElement>) {
  const styles = {
    primary: "bg-brand text-white hover:bg-brand-dark",
    secondary: "bg-gray-200 text-ink hover:bg-gray-300",
    warning: "bg-error text-white hover:bg-red-900",
  }[variant];
  return (
    <button
      type="submit"
      className={`inline-block px-4 py-2 font-bold shadow-[0_2px_0_#0b0c0c] ${styles}`}
      {...rest}
    >
      {children}
    </button>
  );
}
