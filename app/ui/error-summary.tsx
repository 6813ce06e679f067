// GOV.UK's error summary, for the forms of form.tsx (which also offers it). A module of its own so that a page
// whose forms never show one loads none of it.
import { useActionData, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState, type MouseEvent } from "react";
import { namesNoVisibleField } from "~/domain/page-filled-fields.ts";
import type { FieldErrors } from "~/ui/form-fields.tsx";
import { useTooLargeForm } from "~/ui/form-for.tsx";
import { useErrorSummaryInTitle } from "~/ui/page-meta.tsx";

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
  if (field && focusShowingQuestion(field)) event.preventDefault();
}

/** Focuses a field with its question (legend or label) scrolled into view; false, doing nothing, for an element that
 * is not a field with a question. */
export function focusShowingQuestion(field: HTMLElement) {
  const shown = legendOrLabelOf(field);
  if (!shown) return false;
  shown.scrollIntoView();
  field.focus({ preventScroll: true });
  return true;
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
  // business: its submit leaves focus where the user put it. A summary outside any form shows the server's answers,
  // and the refusal in the browser of a form too large to send that has no summary of its own (form-for.tsx): each
  // refusal, a new one each submit, brings focus here as an answer does.
  const navigating = useNavigation().state !== "idle";
  // A navigation that ends with no answer for the page (a redirect: its form was taken) leaves a form's summary showing
  // what it said before until the form is emptied (form-for.tsx); taking focus then, it lost it to <body> as it went,
  // after the page's message of what was done (layout.tsx's FlashBanner) had it.
  const answered = useActionData() !== undefined;
  const wasNavigating = useRef(navigating);
  const wasAnswered = useRef(answered);
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
    const ended = wasNavigating.current && !navigating;
    const answerCleared = wasAnswered.current && !answered;
    wasNavigating.current = navigating;
    wasAnswered.current = answered;
    if (ended && !answered && ref.current?.closest("form")) return;
    // a link to a place in the page (the skip link, any #fragment) clears the page's answer without a navigation:
    // that is no new answer, and focus stays where the link put it
    if (answerCleared && !ended) return;
    if (shown && !navigating) ref.current?.focus();
  }, [shown, navigating, submits, tooLarge, answered]);
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
