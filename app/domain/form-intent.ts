// The `intent` a form's button sends (several forms on one page, STYLE.md), and what a form that sends none of the
// page's intents is told: a hand-made form, or one from a page older than the buttons it now has. zod's own
// message ("Invalid input", "Invalid discriminator value. Expected 'add' | 'update'") means nothing to the user.
// No server imports: the forms check with these schemas in the browser too.
import { z } from "zod";

export const FORM_NOT_RECOGNISED = "This form was not recognised. Reload the page and try again.";

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
