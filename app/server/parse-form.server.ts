// Conform's parseWithZod for an action, with each question answered once. Conform reads a name sent twice
// (name=a&name=b: a hostile or broken client, a browser extension that copies a field) as a list. A field the form
// expects one answer for was then refused with its "Enter …" message though it had been answered, and the page
// shown again with the list as the input's value: React warned, and the field read "a,b".
//
// Here a field the schema expects one value for keeps the first one sent, so the page shows it as typed. The same
// value sent again is no harm and goes through; different values are refused on that field (which one was meant
// cannot be known). A field in a list of entries ("lines[0].quantity", a return's line) is checked as its entry's
// schema says. Fields the schema reads as a list (checkboxes) and names it does not know are left as sent.
//
// A field the page fills in itself (a hidden input: the version of the record the form was shown with, the button
// pressed, a submission key) has nothing next to it to show an error on, and the user cannot check it: sent twice
// with different values, the form as a whole is refused with "reload the page", in the error summary as text rather
// than a link to a field that is not on the page.
//
// Not read (left as sent, as Conform reads them): fields of a z.intersection, and a name one option of a union
// reads as a list. No form of the portal has either.
import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";
import { PAGE_FILLED_FIELDS, PAGE_FILLED_IN_ENTRIES } from "~/domain/page-filled-fields.ts";

export const SENT_TWICE =
  "This was sent more than once with different answers: check it and send the form again";

export const HIDDEN_SENT_TWICE =
  "Part of this form that the page fills in itself was sent twice with different values: reload the page and try again";

/** The names of the hidden inputs the portal's forms carry, wherever they are used: those no form shows as a field
 * (page-filled-fields.ts, which the error summary reads too) and those some forms show as a field and others carry
 * hidden (a list's filter, the quarter a return is for, the organisation a form acts on). A form with a hidden input
 * of a name other forms show as a field says so itself (`hidden`). */
export const HIDDEN_FIELDS: ReadonlySet<string> = new Set([
  ...PAGE_FILLED_FIELDS,
  "active",
  "query",
  "quarter",
  "organisationId",
  "access",
]);

/** Hidden inside a list entry ("lines[0].commitmentId", the commitment a return's line is for), though a field of
 * its own elsewhere (the commitment a pledge counts towards). */
export const HIDDEN_IN_ENTRIES = PAGE_FILLED_IN_ENTRIES;

type Options<Schema extends z.ZodType> = { schema: Schema; hidden?: string[] };

export function parseForm<Schema extends z.ZodType>(
  formData: FormData,
  { schema, hidden = [] }: Options<Schema>,
) {
  const single = singleValueFields(schema);
  const form = new FormData();
  const sentTwice = new Set<string>();
  for (const [name, value] of formData.entries()) {
    if (single(name) && form.has(name)) {
      if (form.get(name) !== value) sentTwice.add(name);
      continue;
    }
    form.append(name, value);
  }
  if (!sentTwice.size) return parseWithZod(form, { schema });
  const isHidden = (name: string) => {
    const path = pathOf(name);
    const last = path.at(-1);
    if (typeof last !== "string") return false;
    return (
      HIDDEN_FIELDS.has(last) || hidden.includes(last) || (path.length > 1 && HIDDEN_IN_ENTRIES.has(last))
    );
  };
  // `when`: said even when other fields have errors of their own
  const onFields = [...sentTwice].filter((name) => !isHidden(name));
  const refusals = [
    ...onFields.map((name) => ({ message: SENT_TWICE, path: pathOf(name) })),
    ...(onFields.length < sentTwice.size ? [{ message: HIDDEN_SENT_TWICE, path: [] }] : []),
  ];
  const checked = refusals.reduce<z.ZodType>(
    (s, { message, path }) => s.refine(() => false, { when: () => true, message, path }),
    schema,
  );
  return parseWithZod(form, { schema: checked as unknown as Schema });
}

type Def = {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  options?: z.ZodType[];
  element?: z.ZodType;
};

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;
const WRAPPERS = new Set(["optional", "nonoptional", "default", "prefault", "catch", "nullable", "readonly"]);

/** What a schema's value is once the wrappers (optional, default, a transform's input…) are taken off. */
function unwrap(schema: z.ZodType): Def {
  let def = defOf(schema);
  for (let depth = 0; depth < 20; depth++) {
    if (WRAPPERS.has(def.type) && def.innerType) def = defOf(def.innerType);
    else if (def.type === "pipe" && def.in && def.out)
      def = defOf(defOf(def.in).type === "transform" ? def.out : def.in);
    else break;
  }
  return def;
}

/** "lines[0].quantity" → ["lines", 0, "quantity"], as Conform names a field in a list. */
function pathOf(name: string): (string | number)[] {
  return [...name.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] === undefined ? m[1] : Number(m[2])));
}

const LIST_KINDS = new Set(["array", "object", "tuple", "record"]);

/**
 * Whether a form field, by its name ("email", or "lines[0].quantity" in a list of entries), is one the schema
 * expects one answer for (not a list or a group of fields).
 */
function singleValueFields(schema: z.ZodType): (name: string) => boolean {
  // what the field at `path` is in each form of the schema (each option of a union): one answer, a list, or unknown
  const kinds = (type: z.ZodType, path: (string | number)[]): ("single" | "list")[] => {
    const def = unwrap(type);
    if (def.type === "union" && def.options) return def.options.flatMap((option) => kinds(option, path));
    if (!path.length) return [LIST_KINDS.has(def.type) ? "list" : "single"];
    const [step, ...rest] = path;
    if (def.type === "object" && def.shape && typeof step === "string" && Object.hasOwn(def.shape, step))
      return kinds(def.shape[step]!, rest);
    if (def.type === "array" && def.element && typeof step === "number") return kinds(def.element, rest);
    return [];
  };
  const known = new Map<string, boolean>();
  return (name) => {
    let single = known.get(name);
    if (single === undefined) {
      const found = kinds(schema, pathOf(name));
      // a name one form of a union reads as a list is left as sent
      single = found.includes("single") && !found.includes("list");
      known.set(name, single);
    }
    return single;
  };
}
