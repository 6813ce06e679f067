// Which errors name no field a user can see, for the error summary, which every form page draws: without zod (as
// form-intent.ts has), so a page with a form does not ship zod to the browser for this (the JavaScript budget test).
import { SWITCHER_FIELD } from "~/auth/switcher-field.ts";

export const FORM_NOT_RECOGNISED = "This form was not recognised. Reload the page and try again.";

/** The names of the hidden inputs a page fills in itself, wherever the portal's forms carry them: no field a user can
 * see or reach has one of these names, so no element of the page has it as its id. parse-form.server.ts's HIDDEN_FIELDS
 * are these and the names some forms show as fields. `lines[0].commitmentId`: inside a list's entries. */
export const PAGE_FILLED_FIELDS: ReadonlySet<string> = new Set([
  "intent",
  "version",
  "submissionKey",
  "reviewedSubmission",
  "reviewShown",
  "shownAt",
  "submittedAt",
  "redirectTo",
  "token",
  "then",
  "upload",
  "id",
  "invitation",
  "invitationId",
  "membershipId",
  SWITCHER_FIELD,
]);
export const PAGE_FILLED_IN_ENTRIES: ReadonlySet<string> = new Set(["commitmentId"]);

/** Whether an error (`name`, its `messages`) is about no field the user can see: the form as a whole, a field the page
 * fills in itself (a record's id or version, the button pressed), or one told FORM_NOT_RECOGNISED (pageFilled's,
 * intentOf's). The error summary says these as text: a link to `#<name>` would lead nowhere. */
export function namesNoVisibleField(name: string, messages: readonly string[] = []): boolean {
  if (name === "" || name === "form") return true;
  if (messages.length > 0 && messages.every((m) => m === FORM_NOT_RECOGNISED)) return true;
  // the field's own name: "id" of "id", "commitmentId" of "lines[0].commitmentId"
  const last = name.match(/([^.[\]]+)(?:\[\d+\])*$/)?.[1] ?? name;
  return PAGE_FILLED_FIELDS.has(last) || (last !== name && PAGE_FILLED_IN_ENTRIES.has(last));
}
