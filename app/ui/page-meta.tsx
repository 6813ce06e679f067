// The page's <title> and other meta tags, as Remix's <Meta /> writes them, with two changes (decision 034):
// - "Error: " in front of the title while the page shows a form sent back with errors, as the GOV.UK error message
//   pattern asks, or an address's choices refused (a loader's `errors`, as the filter pages answer), so a screen
//   reader says so first when the page loads; in the browser, also while any error
//   summary is shown, so a form refused by its own check in the page (no answer from the server) says so too;
// - `title`, when given, in place of the routes' title (the error page's), so a page never has two titles.
// Remix's meta functions see the loaders' data, never an action's, so this reads the router's state, which holds
// both on the server and, from the hydration data, in the browser: the two render the same title.
import { Meta } from "@remix-run/react";
import {
  Children,
  isValidElement,
  useContext,
  useEffect,
  useSyncExternalStore,
  type ReactElement,
} from "react";
import { UNSAFE_DataRouterStateContext } from "react-router-dom";

export function PageMeta({ title }: { title?: string }) {
  const state = useContext(UNSAFE_DataRouterStateContext);
  // called as a function, not rendered, to read the tags it would render (its hooks run as this component's)
  const tags = Meta() as ReactElement<{ children?: ReactElement[] }>;
  const summaryShown = useSyncExternalStore(subscribe, anySummaryShown, () => false);
  const refused = sentBackWithErrors(state?.actionData) || refusedByLoader(state?.loaderData);
  const prefix = refused || summaryShown ? "Error: " : "";
  if (!prefix && title === undefined) return tags;
  return (
    <>
      {Children.map(tags.props.children, (tag) =>
        isValidElement<{ children?: unknown }>(tag) && tag.type === "title" ? (
          <title key="title">{`${prefix}${title ?? String(tag.props.children)}`}</title>
        ) : (
          tag
        ),
      )}
    </>
  );
}

/** Whether an action's answer is a form sent back with errors: a Conform reply with field or form errors, or an
 * `error` message of its own (as the link pages answer). */
export function sentBackWithErrors(actionData: Record<string, unknown> | null | undefined) {
  return Object.values(actionData ?? {}).some((answer) => {
    if (typeof answer !== "object" || answer === null || !("error" in answer)) return false;
    const { error } = answer;
    if (typeof error === "string") return error.length > 0;
    if (typeof error !== "object" || error === null) return false;
    return Object.values(error).some((messages) => Array.isArray(messages) && messages.length > 0);
  });
}

/** Whether a loader's answer refuses what the address asked for: `errors` with a message for some field, as the
 * filter pages answer (the audit log's dates, the departmental report's quarter) and their error summary shows. */
export function refusedByLoader(loaderData: Record<string, unknown> | null | undefined) {
  return Object.values(loaderData ?? {}).some((answer) => {
    if (typeof answer !== "object" || answer === null || !("errors" in answer)) return false;
    const { errors } = answer;
    if (typeof errors !== "object" || errors === null) return false;
    return Object.values(errors).some((messages) => Array.isArray(messages) && messages.length > 0);
  });
}

// The error summaries shown in the browser now, so the title follows a refusal made in the page, which reaches
// neither the action nor the loader answers (none on the server: the title there comes from those answers).
let summariesShown = 0;
const listeners = new Set<() => void>();
function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
function anySummaryShown() {
  return summariesShown > 0;
}

/** Counts an error summary in the title while `shown`. */
export function useErrorSummaryInTitle(shown: boolean) {
  useEffect(() => {
    if (!shown) return;
    summariesShown += 1;
    listeners.forEach((listener) => listener());
    return () => {
      summariesShown -= 1;
      listeners.forEach((listener) => listener());
    };
  }, [shown]);
}
