// The `intent` a form's button sends (several forms on one page, STYLE.md), and what a form that sends none of the
// page's intents is told: a hand-made form, or one from a page older than the buttons it now has. zod's own
// message ("Invalid input", "Invalid discriminator value. Expected 'add' | 'update'") means nothing to the user.
// No server imports: the forms check with these schemas in the browser too.
import { z } from "zod";
import { FORM_NOT_RECOGNISED } from "~/domain/page-filled-fields.ts";

export { FORM_NOT_RECOGNISED };

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
