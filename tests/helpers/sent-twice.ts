// Forms posted with a field sent twice (name=a&name=b), as a broken or hostile client sends them, and what the page
// then shows in and by a field: shared by the s31/s32 repeated-fields tests and the hidden-field-sent-twice test.
import { beforeEach, vi } from "vitest";
import { createRequest, sessionCookieFor, type createWorld } from "./factories.ts";
import { readableText } from "./render-page.ts";

type World = Awaited<ReturnType<typeof createWorld>>;
export type Pairs = [string, string][];

/** A form as a browser sends it: each name and value in turn, a name given twice sent twice. */
export function sent(pairs: Pairs) {
  const form = new FormData();
  for (const [name, value] of pairs) form.append(name, value);
  return form;
}

/** The form's answers with `field` sent twice, `first` then `second`, where it stands in the form. */
export function twice(pairs: Pairs, field: string, first: string, second: string): Pairs {
  if (!pairs.some(([name]) => name === field)) throw new Error(`the form has no ${field}`);
  return pairs.flatMap(([name, value]): Pairs =>
    name === field
      ? [
          [field, first],
          [field, second],
        ]
      : [[name, value]],
  );
}

/** A form given as one value a field, with `field` sent twice, `first` then `second`, where it stands in the form. */
export const sentTwice = (values: Record<string, string>, field: string, first: string, second: string) =>
  sent(twice(Object.entries(values), field, first, second));

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** What the page shows in the field `field` (a name such as "lines[0].quantity" too): an input's value (as written
 * in the page, entities and all) or a text area's text. */
export function shownIn(html: string, field: string) {
  const id = escaped(`id="${field}"`);
  const input = new RegExp(`<input[^>]*${id}[^>]*>`).exec(html)?.[0];
  if (input) return /value="([^"]*)"/.exec(input)?.[1];
  return new RegExp(`<textarea[^>]*${id}[^>]*>([^<]*)</textarea>`).exec(html)?.[1];
}

/** The message shown by the field `field`, as text; "" when there is none. */
export function errorOn(html: string, field: string) {
  const at = html.indexOf(`id="${field}-error"`);
  return at < 0 ? "" : readableText(html.slice(html.indexOf(">", at) + 1).split("</p>")[0]!);
}

/** console.error, where React warns (of a field's value given as a list, say), seen afresh in each test. */
export function watchConsoleErrors() {
  const consoleErrors = vi.spyOn(console, "error");
  beforeEach(() => consoleErrors.mockClear());
  return consoleErrors;
}

/** A submitted request of the world's charity, and its moderation form as officerA sends it asking for changes. */
export async function changesAskedFor(w: World) {
  const need = await createRequest({
    councilId: w.councilA.id,
    organisationId: w.vcse.id,
    categoryId: w.category.id,
    status: "SUBMITTED",
  });
  const fields: Pairs = [
    ["intent", "requestChanges"],
    ["reviewedSubmission", need.submittedAt!.toISOString()],
    ["comment", "Please say which days volunteers are needed."],
  ];
  return {
    need,
    path: `/council/moderation/${need.id}`,
    cookie: await sessionCookieFor(w.users.officerA.id),
    fields,
  };
}
