// A guidance page's title, web address name, audience and content: the fields of the edit form and of the form
// that adds a page deleted while it was being edited again, so the two ask the same way.
import { GUIDANCE_AUDIENCES } from "~/domain/content/audiences.ts";
import { Radios, Textarea, TextInput } from "~/ui/form.tsx";

type Field = { name: string; key?: string; initialValue?: unknown; errors?: string[] };
type Fields = Record<"title" | "slug" | "audience" | "bodyMarkdown", Field>;

const text = (field: Field) => field.initialValue as string | undefined;

export function GuidanceFields({ fields }: { fields: Fields }) {
  return (
    <>
      <TextInput
        name={fields.title.name}
        defaultValue={text(fields.title)}
        key={fields.title.key}
        label="Title"
        errors={fields.title.errors}
      />
      <TextInput
        name={fields.slug.name}
        defaultValue={text(fields.slug)}
        key={fields.slug.key}
        label="Web address name"
        hint="Lower-case letters, numbers and hyphens, for example how-it-works"
        errors={fields.slug.errors}
        width="20"
        spellCheck={false}
      />
      <Radios
        name={fields.audience.name}
        key={fields.audience.key}
        legend="Who is this page for?"
        options={GUIDANCE_AUDIENCES.map((a) => ({ value: a.value, label: a.label }))}
        defaultValue={text(fields.audience)}
        errors={fields.audience.errors}
      />
      <Textarea
        name={fields.bodyMarkdown.name}
        defaultValue={text(fields.bodyMarkdown)}
        key={fields.bodyMarkdown.key}
        label="Page content"
        hint="Write in Markdown: ## for a heading, - for a list item (- [ ] for a task to do, - [x] for one done), [words](https://…) for a link. A picture, ![what it shows](https://…), becomes a link to it. HTML is shown as text."
        rows={18}
        errors={fields.bodyMarkdown.errors}
      />
    </>
  );
}
