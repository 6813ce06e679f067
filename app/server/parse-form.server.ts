// Conform's parseWithZod for an action, with each question answered once. Conform reads a name sent twice
// (name=a&name=b: a hostile or broken client, a browser extension that copies a field) as a list. A field the form
// expects one answer for was then refused with its "Enter …" message though it had been answered, and the page
// shown again with the list as the input's value: React warned, and the field read "a,b".
//
// Here a field the schema expects one value for keeps the first one sent, so the page shows it as typed. The same
// value sent again is no harm and goes through; different values are refused on that field (which one was meant
// cannot be known). Fields the schema reads as a list (checkboxes) and names it does not know are left as sent.
import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";

export const SENT_TWICE =
  "This was sent more than once with different answers: check it and send the form again";

type Options<Schema extends z.ZodType> = { schema: Schema };

export function parseForm<Schema extends z.ZodType>(formData: FormData, { schema }: Options<Schema>) {
  const single = singleValueFields(schema);
  const form = new FormData();
  const sentTwice = new Set<string>();
  for (const [name, value] of formData.entries()) {
    if (single.has(name) && form.has(name)) {
      if (form.get(name) !== value) sentTwice.add(name);
      continue;
    }
    form.append(name, value);
  }
  if (!sentTwice.size) return parseWithZod(form, { schema });
  // `when`: said even when other fields have errors of their own
  const refused = schema.refine(() => false, {
    when: () => true,
    message: SENT_TWICE,
    path: [[...sentTwice][0]!],
  });
  const checked = [...sentTwice]
    .slice(1)
    .reduce<z.ZodType>(
      (s, name) => s.refine(() => false, { when: () => true, message: SENT_TWICE, path: [name] }),
      refused,
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

/** The top-level names of a form's schema whose value is one answer (not a list or a group of fields). */
function singleValueFields(schema: z.ZodType): Set<string> {
  const names = new Set<string>();
  const lists = new Set<string>();
  const visit = (type: z.ZodType) => {
    const def = unwrap(type);
    if (def.type === "object" && def.shape)
      for (const [name, field] of Object.entries(def.shape)) {
        const kind = unwrap(field).type;
        if (kind === "array" || kind === "object" || kind === "tuple" || kind === "record") lists.add(name);
        else names.add(name);
      }
    else if (def.type === "union" && def.options) def.options.forEach(visit);
  };
  visit(schema);
  // a name one form of a union reads as a list is left as sent
  for (const name of lists) names.delete(name);
  return names;
}
