// Remix's Form, for every form of the portal: a posted one carries the organisation the header switcher was on
// when its page was shown. The switcher is one cookie for every window, so without it a form in one window acted
// for whichever organisation was chosen since in another: an admin of two councils could add a category, save
// settings or approve a request for the wrong council. The server acts for the organisation named here when the
// person may act for it (permissions.server.ts).
//
// It also leaves out the reference Conform's getFormProps adds to a form with a form-wide error
// (aria-describedby="<form id>-error"): the portal shows those errors in the page's error summary, so no element
// has that id, and a reference to nothing is an invalid attribute value (WCAG 4.1.2).
//
// And it checks a posted form's size before sending it with JavaScript: the server refuses a body over its limit
// (app/ui/body-limits.ts) before any route runs, and with JavaScript that refusal is the route's error page, which
// takes the form's place and loses what the user typed. A form too large is not sent: its error summary says so in
// the refusal page's words and takes focus, the field most to blame says it too, and every field keeps its value.
// Without JavaScript the browser sends the form and the server's 413 page answers; the Back button brings the form
// back as it was.
import { Form as RemixForm, useRouteLoaderData, type FormProps } from "@remix-run/react";
import {
  createContext,
  forwardRef,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type FormEvent,
} from "react";
import { SWITCHER_FIELD } from "~/auth/switcher-field.ts";
import type { loader as rootLoader } from "~/root.tsx";

// The size check is fetched once a form that posts is on the page, not with every page: a page of GET forms only
// (the public requests list) stays inside its JavaScript budget. A form sent before it has arrived is checked by
// the server alone, which answers with its 413 page, as without JavaScript.
let sizeCheckModule: typeof import("~/ui/body-limits.ts") | undefined;

/** A form refused in the browser as too large to send: the message and the field most to blame. */
export type TooLarge = { message: string; field: string };

type SizeCheck = { tooLarge: TooLarge | null; summaryShown: () => () => void };
const SizeCheckContext = createContext<SizeCheck | null>(null);

/** For the error summary inside a Form: whether the form was refused in the browser as too large (then the summary
 * shows it). A summary says it is there; a form without one is sent as it is and the server's refusal answers, so
 * a refusal is never made where nobody would see it. */
export function useTooLargeForm(): TooLarge | null {
  const check = useContext(SizeCheckContext);
  const summaryShown = check?.summaryShown;
  useEffect(() => summaryShown?.(), [summaryShown]);
  return check?.tooLarge ?? null;
}

/** For a field inside a Form: the message of the form's refusal as too large when this field is the one most to
 * blame, to show next to it as the server's errors are (with aria-invalid), or null. */
export function useTooLargeField(name: string): string | null {
  const tooLarge = useContext(SizeCheckContext)?.tooLarge;
  return tooLarge?.field === name ? tooLarge.message : null;
}

export const Form = forwardRef<HTMLFormElement, FormProps>(function Form(
  { children, "aria-describedby": describedBy, onSubmit, ...props },
  ref,
) {
  const shownFor = useRouteLoaderData<typeof rootLoader>("root")?.shownFor;
  const posted = props.method?.toLowerCase() === "post";
  const described = describedBy
    ?.split(" ")
    .filter((id) => id && id !== `${props.id}-error`)
    .join(" ");
  const [tooLarge, setTooLarge] = useState<TooLarge | null>(null);
  const summaries = useRef(0);
  const summaryShown = useMemo(
    () => () => {
      summaries.current += 1;
      return () => void (summaries.current -= 1);
    },
    [],
  );
  const check = useMemo(() => ({ tooLarge, summaryShown }), [tooLarge, summaryShown]);
  useEffect(() => {
    if (posted && !sizeCheckModule)
      void import("~/ui/body-limits.ts").then((module) => (sizeCheckModule = module));
  }, [posted]);

  const checkSize = (event: FormEvent<HTMLFormElement>) => {
    onSubmit?.(event);
    // a form sent by the browser itself (reloadDocument) gets the server's 413 page, as without JavaScript
    if (!posted || props.reloadDocument || summaries.current === 0 || !sizeCheckModule) return;
    const form = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const button =
      submitter instanceof HTMLButtonElement || submitter instanceof HTMLInputElement ? submitter : null;
    const action = button?.hasAttribute("formaction") ? button.formAction : form.action;
    const encType = button?.hasAttribute("formenctype") ? button.formEnctype : form.enctype;
    const refused = sizeCheckModule.tooLargeForm([...new FormData(form, button).entries()], {
      method: "POST",
      pathname: new URL(action, window.location.href).pathname,
      multipart: encType === "multipart/form-data",
    });
    if (refused) event.preventDefault();
    setTooLarge(refused && { message: refused.message, field: refused.field });
  };

  return (
    <RemixForm ref={ref} {...props} onSubmit={checkSize} aria-describedby={described || undefined}>
      {posted && shownFor ? <input type="hidden" name={SWITCHER_FIELD} value={shownFor} /> : null}
      <SizeCheckContext.Provider value={check}>{children}</SizeCheckContext.Provider>
    </RemixForm>
  );
});
