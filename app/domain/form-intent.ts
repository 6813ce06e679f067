// The `intent` a form's button sends (several forms on one page, STYLE.md), and what a form that sends none of the
// page's intents is told: a hand-made form, or one from a page older than the buttons it now has. zod's own
// message ("Invalid input", "Invalid discriminator value. Expected 'add' | 'update'") means nothing to the user.
// No server imports: the forms check with these schemas in the browser too.
import { z } from "zod";
import { SWITCHER_FIELD } from "~/auth/switcher-field.ts";

export const FORM_NOT_RECOGNISED = "This form was not recognised. Reload the page and try again.";

/** A field the page fills in itself (a record's id, an emailed link's token), which the user cannot see or change:
 * missing, empty or too long (a hand-made form) it is told FORM_NOT_RECOGNISED, not zod's "Invalid input: expected
 * string, received undefined" or "Too big: expected string to have <=40 characters". */
export function pageFilled(max?: number) {
  const filled = z.string({ error: FORM_NOT_RECOGNISED }).min(1, FORM_NOT_RECOGNISED);
  // without a bound, an id no record has (of any length) is looked up and answered as not found
  return max === undefined ? filled : filled.max(max, FORM_NOT_RECOGNISED);
}

/** The forms of one page, told apart by their `intent`. */
export function intentUnion<
  const Options extends readonly [z.core.$ZodTypeDiscriminable, ...z.core.$ZodTypeDiscriminable[]],
>(options: Options) {
  return z.discriminatedUnion("intent", options, { error: FORM_NOT_RECOGNISED });
}

/** The `intent` of a form whose buttons all send the same fields: one of `values`. */
export function intentOf<const Values extends readonly [string, ...string[]]>(values: Values) {
  return z.enum(values, { error: FORM_NOT_RECOGNISED });
}

/** The names of the hidden inputs a page fills in itself, wherever the portal's forms carry them: no field a user can
 * see or reach has one of these names, so no element of the page has it as its id (parse-form.server.ts's
 * HIDDEN_FIELDS, less the names some forms show as fields). `lines[0].commitmentId`: inside a list's entries. */
const PAGE_FILLED_FIELDS = new Set([
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
const PAGE_FILLED_IN_ENTRIES = new Set(["commitmentId"]);

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
