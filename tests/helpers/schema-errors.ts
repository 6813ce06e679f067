// Unit tests of a form's number fields parse one field as the browser sends it, through the form's own schema and
// Conform, and read the messages the form would show next to that field.
import { parseWithZod } from "@conform-to/zod/v4";

/** The messages `schema` gives field `name` typed `typed` (alone in the form), or null where it takes it. */
export function errorsOf(schema: Parameters<typeof parseWithZod>[1]["schema"], name: string, typed: string) {
  const form = new FormData();
  form.append(name, typed);
  const submission = parseWithZod(form, { schema });
  if (submission.status === "success") return null;
  return (submission.reply().error ?? {})[name] ?? null;
}
