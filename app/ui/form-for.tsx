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
// A page whose forms share one error summary outside all of them (a pledge's delivery report and feedback, the
// councils page's three forms) has it say the refusal of any of its forms without a summary of their own, through
// PageSizeCheck (around every page, in root.tsx): the summary that form would have had. Without JavaScript the
// browser sends the form and the server's 413 page answers; the Back button brings the form back as it was.
//
// And a form the server took (its answer a redirect, not the form's problems) is emptied when the page it leads to
// is the one the form is on ("Add council", "Add category", "Send invitation"): without JavaScript that page comes
// afresh with the form empty, but with it the same form stayed on the page holding what was sent, as if not yet
// done, and a second press sent it again. The browser's reset puts each field back to the page's own value (Conform
// listens for it and resets its state too).
import {
  Form as RemixForm,
  useActionData,
  useLocation,
  useNavigation,
  useRouteLoaderData,
  type FormProps,
} from "@remix-run/react";
import {
  createContext,
  forwardRef,
  useContext,
  useEffect,
  useId,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type MutableRefObject,
  type RefObject,
  type ReactNode,
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

/** The summaries a form or a page shows, counted as they mount and unmount. */
function useSummaryCount(): [MutableRefObject<number>, SizeCheck["summaryShown"]] {
  const summaries = useRef(0);
  const summaryShown = useMemo(
    () => () => {
      summaries.current += 1;
      return () => void (summaries.current -= 1);
    },
    [],
  );
  return [summaries, summaryShown];
}

// The page's own: the refusal its summary outside every form shows, and which form it was (useId's id).
type PageRefusal = TooLarge & { form: string };
type PageSizeCheck = SizeCheck & {
  tooLarge: PageRefusal | null;
  summaries: MutableRefObject<number>;
  refuse: (refusal: PageRefusal | null) => void;
};
const PageSizeCheckContext = createContext<PageSizeCheck | null>(null);

/** Around every page (root.tsx): the refusal of a form with no summary of its own, for the page's summary outside
 * every form. It says the last form sent's refusal, and is gone once the page goes elsewhere or answers anything. */
export function PageSizeCheck({ children }: { children: ReactNode }) {
  const [made, setMade] = useState<{ refusal: PageRefusal | null; at: string }>({ refusal: null, at: "" });
  const [summaries, summaryShown] = useSummaryCount();
  // the location the refusal was made at: a navigation since (an answer from the server too) makes a new one
  const { key } = useLocation();
  const refusal = made.at === key ? made.refusal : null;
  const check = useMemo(
    () => ({
      tooLarge: refusal,
      summaries,
      summaryShown,
      refuse: (refused: PageRefusal | null) => setMade({ refusal: refused, at: key }),
    }),
    [refusal, summaries, summaryShown, key],
  );
  return <PageSizeCheckContext.Provider value={check}>{children}</PageSizeCheckContext.Provider>;
}

/** For an error summary: whether its form, or for a summary outside every form any form of the page without a summary
 * of its own, was refused in the browser as too large (then the summary shows it). A summary says it is there; a
 * form with none to say it is sent as it is and the server's refusal answers, so a refusal is never made where
 * nobody would see it. */
export function useTooLargeForm(): TooLarge | null {
  const page = useContext(PageSizeCheckContext);
  const check = useContext(SizeCheckContext) ?? page;
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
  const [ownRefusal, setOwnRefusal] = useState<TooLarge | null>(null);
  const element = useRef<HTMLFormElement>(null);
  useImperativeHandle(ref, () => element.current!, []);
  const emptiedOnceDone = useEmptiedOnceDone(element);
  const [summaries, summaryShown] = useSummaryCount();
  const page = useContext(PageSizeCheckContext);
  const formId = useId();
  // this form's refusal, said by its own summary or by the page's
  const pageRefusal = page?.tooLarge?.form === formId ? page.tooLarge : null;
  const tooLarge = ownRefusal ?? pageRefusal;
  const check = useMemo(() => ({ tooLarge, summaryShown }), [tooLarge, summaryShown]);
  useEffect(() => {
    if (posted && !sizeCheckModule)
      void import("~/ui/body-limits.ts").then((module) => (sizeCheckModule = module));
  }, [posted]);

  const checkSize = (event: FormEvent<HTMLFormElement>) => {
    onSubmit?.(event);
    // a form sent by the browser itself (reloadDocument) gets the server's 413 page, as without JavaScript
    const ownSummary = summaries.current > 0;
    const pageSummary = (page?.summaries.current ?? 0) > 0;
    if (!posted || props.reloadDocument || !(ownSummary || pageSummary) || !sizeCheckModule) {
      if (posted) emptiedOnceDone.sent(event);
      return;
    }
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
    else emptiedOnceDone.sent(event);
    const found = refused && { message: refused.message, field: refused.field };
    setOwnRefusal(ownSummary ? found : null);
    page?.refuse(!ownSummary && found ? { ...found, form: formId } : null);
  };

  return (
    <RemixForm ref={element} {...props} onSubmit={checkSize} aria-describedby={described || undefined}>
      {posted && shownFor ? <input type="hidden" name={SWITCHER_FIELD} value={shownFor} /> : null}
      <SizeCheckContext.Provider value={check}>{children}</SizeCheckContext.Provider>
    </RemixForm>
  );
});

/**
 * A form sent with JavaScript and answered by a redirect (done: no problems came back) is reset once the page it led
 * to has loaded, when that page still shows it (`element`). `sent` is called as the form is sent.
 */
function useEmptiedOnceDone(element: RefObject<HTMLFormElement | null>) {
  // "sent" from the press until the navigation starts, "underway" until it ends
  const progress = useRef<"idle" | "sent" | "underway">("idle");
  const navigation = useNavigation();
  const actionData = useActionData();
  useEffect(() => {
    if (navigation.state !== "idle") {
      if (progress.current === "sent") progress.current = "underway";
      return;
    }
    if (progress.current !== "underway") return;
    progress.current = "idle";
    // the form's problems came back (action data): it stays as sent, for them to be put right
    if (actionData === undefined) element.current?.reset();
  }, [navigation.state, actionData, element]);
  return {
    sent: (event: FormEvent<HTMLFormElement>) => {
      if (!event.defaultPrevented) progress.current = "sent";
    },
  };
}
