// Remix's Form, for every form of the portal: a posted one carries the organisation the header switcher was on
// when its page was shown. The switcher is one cookie for every window, so without it a form in one window acted
// for whichever organisation was chosen since in another: an admin of two councils could add a category, save
// settings or approve a request for the wrong council. The server acts for the organisation named here when the
// person may act for it (permissions.server.ts).
import { Form as RemixForm, useRouteLoaderData, type FormProps } from "@remix-run/react";
import { forwardRef } from "react";
import { SWITCHER_FIELD } from "~/auth/switcher-field.ts";
import type { loader as rootLoader } from "~/root.tsx";

export const Form = forwardRef<HTMLFormElement, FormProps>(function Form({ children, ...props }, ref) {
  const shownFor = useRouteLoaderData<typeof rootLoader>("root")?.shownFor;
  const posted = props.method?.toLowerCase() === "post";
  return (
    <RemixForm ref={ref} {...props}>
      {posted && shownFor ? <input type="hidden" name={SWITCHER_FIELD} value={shownFor} /> : null}
      {children}
    </RemixForm>
  );
});
