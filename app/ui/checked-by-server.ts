// A form checked in the browser (Conform's onValidate) with an answer only the server can check: whether the council
// already uses the contract reference or measure code typed. The browser refused a form with other problems before
// sending it, so such a clash was told only once they were put right, in a second round (a third, after a date's).
import { conformZodMessage, parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";

// a submission with no verdict: Conform sends the form to the server instead of showing problems itself
const leftToTheServer = z.any().refine(() => false, conformZodMessage.VALIDATION_UNDEFINED);

/** Conform's check of the form in the browser, except that a form with problems of which none is `field`'s is sent
 * to the server, which tells them all at once with the clash of `field`'s answer, if it has one (without JavaScript
 * the server tells them all the same). */
export function checkedWithServerAnswer<Schema extends z.ZodType>(
  formData: FormData,
  schema: Schema,
  field: keyof z.input<Schema> & string,
) {
  const submission = parseWithZod(formData, { schema });
  if (submission.status === "success" || submission.error?.[field]?.length) return submission;
  return parseWithZod(formData, { schema: leftToTheServer });
}
