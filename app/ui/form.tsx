// GOV.UK Design System form patterns (question pages, error summary) in Tailwind.
// Field ids equal field names, so the error summary can link to them.
import { exampleDayWithin, isoDayAsUk } from "~/domain/calendar.ts";
import { namesNoVisibleField } from "~/domain/page-filled-fields.ts";
import { useNavigation } from "@remix-run/react";
import { Form, useTooLargeField, useTooLargeForm } from "~/ui/form-for.tsx";
import { useErrorSummaryInTitle } from "~/ui/page-meta.tsx";
import {
  useEffect,
  useRef,
  useState,
  type InputHTMLAttributes,
  type MouseEvent,
  type ReactNode,
  type TextareaHTMLAttributes,
} from "react";

export type FieldErrors = string[] | undefined;

const inputClass =
  "block w-full border-2 border-ink px-2 py-1.5 text-base aria-[invalid=true]:border-error disabled:bg-gray-100";

function errorId(name: string) {
  return `${name}-error`;
}
function hintId(name: string) {
  return `${name}-hint`;
}
function describedBy(name: string, hint?: ReactNode, errors?: FieldErrors) {
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

function FieldError({ name, errors }: { name: string; errors?: FieldErrors }) {
  if (!errors?.length) return null;
  return (
    <p id={errorId(name)} className="mb-2 font-bold text-error">
      <span className="sr-only">Error: </span>
      {errors[0]}
    </p>
  );
}

function Hint({ name, hint }: { name: string; hint?: ReactNode }) {
  return hint ? (
    <div id={hintId(name)} className="mb-2 text-muted">
      {hint}
    </div>
  ) : null;
}

function FieldGroup({ errors, children }: { errors?: FieldErrors; children: ReactNode }) {
  return <div className={`mb-6 ${errors?.length ? "border-l-4 border-error pl-4" : ""}`}>{children}</div>;
}

type TextInputProps = {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: FieldErrors;
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
    <FieldGroup errors={errors}>
      <label htmlFor={name} className="mb-1 block font-bold">
        {label}
      </label>
      <Hint name={name} hint={hint} />
      <FieldError name={name} errors={errors} />
      <input
        id={name}
        name={name}
        type="text"
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(name, hint, errors)}
        className={`${inputClass} ${widths[width]} ${className ?? ""}`}
        {...rest}
      />
    </FieldGroup>
  );
}

type TextareaProps = {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: FieldErrors;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id">;

export function Textarea({ name, label, hint, errors: given, rows = 5, ...rest }: TextareaProps) {
  const errors = useFieldErrors(name, given);
  return (
    <FieldGroup errors={errors}>
      <label htmlFor={name} className="mb-1 block font-bold">
        {label}
      </label>
      <Hint name={name} hint={hint} />
      <FieldError name={name} errors={errors} />
      <textarea
        id={name}
        name={name}
        rows={rows}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(name, hint, errors)}
        className={inputClass}
        {...rest}
      />
    </FieldGroup>
  );
}

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

export function Radios({
  name,
  legend,
  hint,
  errors: given,
  options,
  inline,
  legendAsHeading,
  defaultValue,
}: ChoiceProps & { defaultValue?: string | null }) {
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
                  type="radio"
                  name={name}
                  value={option.value}
                  defaultChecked={defaultValue === option.value}
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

export function Checkboxes({
  name,
  legend,
  hint,
  errors: given,
  options,
  legendAsHeading,
  defaultValues = [],
}: ChoiceProps & { defaultValues?: string[] }) {
  const errors = useFieldErrors(name, given);
  return (
    <FieldGroup errors={errors}>
      <fieldset aria-describedby={describedBy(name, hint, errors)}>
        <Legend asHeading={legendAsHeading}>{legend}</Legend>
        <Hint name={name} hint={hint} />
        <FieldError name={name} errors={errors} />
        <div className="space-y-3">
          {options.map((option, index) => {
            const id = index === 0 ? name : `${name}-${index}`;
            return (
              <div key={option.value} className="flex items-start gap-3">
                <input
                  id={id}
                  type="checkbox"
                  name={name}
                  value={option.value}
                  defaultChecked={defaultValues.includes(option.value)}
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

// A single yes/no style checkbox, e.g. "Can be done remotely".
export function Checkbox({
  name,
  label,
  hint,
  errors: given,
  defaultChecked,
  value = "on",
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: FieldErrors;
  defaultChecked?: boolean;
  value?: string;
}) {
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
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: FieldErrors;
  options: { value: string; label: string }[];
  defaultValue?: string | null;
  placeholder?: string;
}) {
  const errors = useFieldErrors(name, given);
  return (
    <FieldGroup errors={errors}>
      <label htmlFor={name} className="mb-1 block font-bold">
        {label}
      </label>
      <Hint name={name} hint={hint} />
      <FieldError name={name} errors={errors} />
      <select
        id={name}
        name={name}
        defaultValue={defaultValue ?? ""}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(name, hint, errors)}
        className={`${inputClass} max-w-md bg-white`}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
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

// The error summary at the top of a form: focused on render so screen readers announce it.
// A list field's item ("barriers[0]", a value none of its boxes offers) is shown as the field: its error is the
// field's, next to it, and the summary links to the field.
const listItem = /\[\d+\]$/;

/** A field's errors, with those of its list items. */
export function errorsFor(errors: Record<string, FieldErrors> | null | undefined, name: string): FieldErrors {
  const found = Object.entries(errors ?? {})
    .filter(([key]) => key.replace(listItem, "") === name)
    .flatMap(([, messages]) => messages ?? []);
  return found.length ? [...new Set(found)] : undefined;
}

/**
 * Names in the order of the page (GOV.UK's error summary lists its errors so): each at its field's `place`, and one
 * without a place (the form as a whole, say) right after the name it came after, or first.
 */
export function inPageOrder(names: string[], place: (name: string) => number | undefined): string[] {
  let last = -1;
  return names
    .map((name, index) => {
      const at = place(name);
      if (at !== undefined) last = at;
      return { name, index, at: at ?? last };
    })
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map(({ name }) => name);
}

/** Where a field comes among a form's fields in page order (`order`): a list's entries ("plan[2].quantity") and the
 * list itself ("plan") where the list is. */
export function placeIn(order: string[]) {
  const within = (name: string, field: string) =>
    name === field || name.startsWith(`${field}[`) || name.startsWith(`${field}.`);
  return (name: string) => {
    const at = order.findIndex((field) => within(name, field) || within(field, name));
    return at === -1 ? undefined : at;
  };
}

// GOV.UK's error summary: a link to a field focuses the field, which a link to its id alone does not (the browser
// scrolls to it and focus stays on the link), and scrolls its label or legend into view, which would be out of sight
// above the field. Without JavaScript the link still takes the user to the field.
function focusField(event: MouseEvent<HTMLAnchorElement>) {
  const field = document.getElementById(event.currentTarget.getAttribute("href")?.slice(1) ?? "");
  const shown = field && legendOrLabelOf(field);
  if (!field || !shown) return;
  event.preventDefault();
  shown.scrollIntoView();
  field.focus({ preventScroll: true });
}

/** The question a field answers: the legend of its fieldset for a radio or a checkbox, or for a field near enough
 * to the legend to be seen with it (GOV.UK's rule, within half a window), otherwise its label. */
function legendOrLabelOf(field: HTMLElement): HTMLElement | null {
  const legend = field.closest("fieldset")?.querySelector("legend");
  if (legend) {
    if (field instanceof HTMLInputElement && (field.type === "checkbox" || field.type === "radio"))
      return legend;
    const { bottom, height } = field.getBoundingClientRect();
    if (height && bottom - legend.getBoundingClientRect().top < window.innerHeight / 2) return legend;
  }
  return (
    document.querySelector<HTMLElement>(`label[for="${CSS.escape(field.id)}"]`) ?? field.closest("label")
  );
}

export function ErrorSummary({
  errors,
  order,
}: {
  errors?: Record<string, FieldErrors> | null;
  /** the form's field names in the order of the page, when its errors are found in another (checks made after its
   * schema's, or a schema whose fields are in another order): the summary lists them as the page does */
  order?: string[];
}) {
  const ref = useRef<HTMLDivElement>(null);
  // a form too large to send, refused in the browser before sending (form-for.tsx): said for the field most to
  // blame (first, unless the page gives its order), in place of what the server said of it before
  const tooLarge = useTooLargeForm();
  const shownErrors = tooLarge ? { ...errors, [tooLarge.field]: [tooLarge.message] } : errors;
  const found = [...new Set(Object.keys(shownErrors ?? {}).map((key) => key.replace(listItem, "")))];
  if (tooLarge && !order) found.sort((a, b) => Number(b === tooLarge.field) - Number(a === tooLarge.field));
  const names = order ? inPageOrder(found, placeIn(order)) : found;
  const entries = names
    .map((name) => [name, errorsFor(shownErrors, name)] as const)
    .filter(([, messages]) => messages && messages.length > 0);
  // Focus moves here whenever an answer brings errors, as GOV.UK's summary does. Every answer from the server ends a
  // navigation (the router's state going back to idle), so a second refusal with as many errors as the first is
  // announced too. A new location alone is not an answer: a link to a place in the page (the "Skip to main content"
  // link, any #fragment) makes one without asking the server, and focus stays where the link put it (WCAG 2.4.3), the
  // summary not announced again. A refusal by the form's own check in the browser (Conform's onValidate) makes no
  // navigation and Conform focuses the first bad field: so every submit of the summary's own form (the one it sits in,
  // as every form checked in the browser has it) while the summary shows counts too, once Conform has answered it (the
  // timeout), and focus comes back here if the summary is still shown and nothing was sent (no navigation under way).
  // Another form of the page (the header's sign-out, a filter, a second form beside this one) is not this summary's
  // business: its submit leaves focus where the user put it. A summary outside any form shows only the server's
  // answers.
  const navigating = useNavigation().state !== "idle";
  const [submits, setSubmits] = useState(0);
  const shown = entries.length > 0;
  useEffect(() => {
    if (!shown) return;
    let timer: number | undefined;
    const counted = (event: Event) => {
      if (!(event.target instanceof HTMLFormElement) || event.target !== ref.current?.closest("form")) return;
      timer = window.setTimeout(() => setSubmits((count) => count + 1), 0);
    };
    document.addEventListener("submit", counted);
    return () => {
      document.removeEventListener("submit", counted);
      window.clearTimeout(timer);
    };
  }, [shown]);
  useEffect(() => {
    if (shown && !navigating) ref.current?.focus();
  }, [shown, navigating, submits]);
  // the page's title starts "Error: " while the summary is shown, however the refusal came (decision 034)
  useErrorSummaryInTitle(shown);
  if (!entries.length) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      // without JavaScript the browser itself moves focus here on the page that comes back refused (the effect above
      // cannot run), so a keyboard or screen reader user starts at the problem there too
      // eslint-disable-next-line jsx-a11y/no-autofocus -- GOV.UK's error summary takes focus on a refused answer
      autoFocus
      role="alert"
      aria-labelledby="error-summary-title"
      className="mb-8 border-4 border-error p-4 focus:outline-3 focus:outline-focus"
    >
      <h2 id="error-summary-title" className="mb-3 text-xl font-bold">
        There is a problem
      </h2>
      <ul className="list-none space-y-1">
        {entries.map(([name, messages]) => (
          <li key={name}>
            {/* the form as a whole, or a field the page fills in itself (a record's id or version, the button's
                `intent`): no field on the page to link to, so said as text rather than a link to nothing */}
            {namesNoVisibleField(name, messages) ? (
              <span className="font-bold text-error">{messages![0]}</span>
            ) : (
              <a href={`#${name}`} onClick={focusField} className="font-bold text-error">
                {messages![0]}
              </a>
            )}
          </li>
        ))}
      </ul>
    </div>
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
