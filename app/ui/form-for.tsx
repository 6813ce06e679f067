// Remix's Form, for every form of the portal: a posted one carries the organisation the header switcher was on
// when its page was shown. The switcher is one cookie for every window, so without it a form in one window acted
// for whichever organisation was chosen since in another: an admin of two councils could add a category, save
// settings or approve a request for the wrong council. The server acts for the organisation named here when the
// person may act for it (permissions.server.ts).
//
// It also leaves out the reference Conform's getFormProps adds to a form with a form-wide error
// (aria-describedby="<form id>-error"): the portal shows those errors in the page's error summary, so no element
// has that id, and a reference to nothing is an invalid attribute value (WCAG 4.1.2).
import { Form as RemixForm, useRouteLoaderData, type FormProps } from "@remix-run/react";
import { forwardRef } from "react";
import { SWITCHER_FIELD } from "~/auth/switcher-field.ts";
import type { loader as rootLoader } from "~/root.tsx";

export const Form = forwardRef<HTMLFormElement, FormProps>(function Form(
  { children, "aria-describedby": describedBy, ...props },
  ref,
) {
  const shownFor = useRouteLoaderData<typeof rootLoader>("root")?.shownFor;
  const posted = props.method?.toLowerCase() === "post";
  const described = describedBy
    ?.split(" ")
    .filter((id) => id && id !== `${props.id}-error`)
    .join(" ");
  return (
    <RemixForm ref={ref} {...props} aria-describedby={described || undefined}>
      {posted && shownFor ? <input type="hidden" name={SWITCHER_FIELD} value={shownFor} /> : null}
      {children}
    </RemixForm>
  );
});
