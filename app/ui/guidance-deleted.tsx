// What an admin sees on saving a guidance page a colleague deleted while they were editing it: that it is gone, by
// whom and when, and everything they typed, in a form that adds it again as a new page (as a draft unless they
// choose otherwise) or from which it can be copied. Without it they were told "Page not found" and lost the text.
import { getFormProps, useForm } from "@conform-to/react";
import { Link } from "@remix-run/react";
import { BackLink, Notice, PageHeading } from "~/ui/components.tsx";
import { Form } from "~/ui/form-for.tsx";
import { Button, Checkbox } from "~/ui/form.tsx";
import { GuidanceFields } from "~/ui/guidance-fields.tsx";
import { formatDateTime } from "~/ui/format.ts";

/** What the edit page's action answers (410) for a page deleted since its form was read. */
export type DeletedGuidance = {
  councilId: string;
  councilName: string;
  deleted: { at: string; by: string | null; byYou: boolean };
  answers: { title: string; slug: string; audience: string; bodyMarkdown: string };
};

export function isDeletedGuidance(data: unknown): data is DeletedGuidance {
  return typeof data === "object" && data !== null && "deleted" in data && "answers" in data;
}

/** What the edit and delete pages answer (410) when opened again for a page of the admin's council deleted since
 * (Back after deleting it, a bookmark, a colleague's link): that it was deleted, by whom and when. */
export type GoneGuidance = {
  councilName: string;
  list: string;
  gone: { at: string; by: string | null; byYou: boolean; title: string | null };
};

export function isGoneGuidance(data: unknown): data is GoneGuidance {
  return typeof data === "object" && data !== null && "gone" in data;
}

export function GuidanceGone({ councilName, list, gone }: GoneGuidance) {
  const who = gone.byYou ? "You deleted" : `${gone.by ?? "Someone"} deleted`;
  return (
    <div className="max-w-3xl">
      <BackLink to={list}>Guidance pages</BackLink>
      <PageHeading caption={councilName}>This guidance page has been deleted</PageHeading>
      <p className="mb-4">
        {who} {gone.title ? `the page “${gone.title}”` : "this page"} on {formatDateTime(gone.at)}, so there
        is nothing left to change or delete. The audit log keeps a record that it was deleted.
      </p>
      <p>
        <Link to={list}>Back to the guidance pages</Link>
      </p>
    </div>
  );
}

export function GuidanceDeleted({ councilId, councilName, deleted, answers }: DeletedGuidance) {
  const [form, fields] = useForm({
    id: "deleted-page",
    defaultValue: { ...answers, councilId, published: false },
  });
  const who = deleted.byYou ? "You deleted" : `${deleted.by ?? "Someone else"} deleted`;
  return (
    <>
      <BackLink to="/council/guidance">Guidance pages</BackLink>
      <PageHeading caption={councilName}>This guidance page has been deleted</PageHeading>
      <Notice kind="error" title="Your changes have not been saved">
        <p className="mb-2">
          {who} this page on {formatDateTime(deleted.at)}, while you were editing it.
        </p>
        <p>
          Nothing you typed has been lost: it is in the form below. You can add it again as a new page, or
          copy the page content to keep it somewhere else.
        </p>
      </Notice>
      <Form
        method="post"
        action="/council/guidance/new"
        {...getFormProps(form)}
        noValidate
        className="max-w-3xl"
      >
        <input type="hidden" name={fields.councilId.name} value={councilId} />
        <GuidanceFields fields={fields} />
        {/* a colleague took it down, maybe for a reason: it comes back only to admins until someone publishes it */}
        <Checkbox
          name={fields.published.name}
          key={fields.published.key}
          label="Published (anyone can read it)"
          hint="Leave this unticked to save it as a draft, which only your council's admins can see, so you can check with whoever deleted it first."
          defaultChecked={false}
        />
        <div className="flex flex-wrap items-center gap-6">
          <Button name="intent" value="save">
            Save as a new page
          </Button>
          <Link to="/council/guidance" className="underline">
            Leave without saving
          </Link>
        </div>
      </Form>
    </>
  );
}
