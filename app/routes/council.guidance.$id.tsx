// Add (id "new") or edit one of the council's guidance pages.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/ui/form-for.tsx";
import { z } from "zod";
import { notFound, requireCouncilAdmin, requireCouncilOf } from "~/auth/permissions.server.ts";
import { clientIp } from "~/domain/audit/audit.server.ts";
import {
  councilOfGuidance,
  deleteGuidance,
  getCouncilGuidance,
  getCouncilGuidanceWithPreview,
  saveGuidance,
} from "~/domain/content/guidance.server.ts";
import { GUIDANCE_AUDIENCES, guidancePageSchema } from "~/domain/content/schemas.ts";
import { BackLink, PageHeading } from "~/ui/components.tsx";
import { GuidanceBody } from "~/ui/guidance-body.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { Button, Checkbox, ErrorSummary, Radios, Textarea, TextInput } from "~/ui/form.tsx";
import { readForm } from "~/server/read-form.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.page ? "Edit guidance page" : "Add a guidance page"} – Social Value Marketplace` },
];

const actionSchema = z.discriminatedUnion("intent", [
  // a new page's form names the council it was shown for
  guidancePageSchema.extend({ intent: z.literal("save"), councilId: z.string().optional() }),
  z.object({ intent: z.literal("delete") }),
]);

// The page's own council, or for a new page the council its form was shown for (see requireCouncilOf).
async function councilOfPage(request: Request, id: string, shownFor?: unknown) {
  await requireCouncilAdmin(request);
  const councilId = id === "new" ? shownFor : await councilOfGuidance(id);
  return requireCouncilOf(request, councilId, requireCouncilAdmin);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { membership } = await councilOfPage(request, params.id!);
  const council = { councilName: membership.organisationName, councilId: membership.organisationId };
  if (params.id === "new") return json({ ...council, page: null, preview: null, confirmingDelete: false });
  const found = await getCouncilGuidanceWithPreview(membership.organisationId, params.id!);
  if (!found) notFound();
  // "Delete page" asks first (a link here, so it works without JavaScript): one click used to delete it
  const confirmingDelete = new URL(request.url).searchParams.has("delete");
  return json({ ...council, ...found, confirmingDelete });
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireCouncilAdmin(request);
  const submission = parseWithZod(await readForm(request), { schema: actionSchema });
  const { viewer, membership } = await councilOfPage(request, params.id!, submission.payload.councilId);
  const councilId = membership.organisationId;
  const isNew = params.id === "new";
  const value = submission.status === "success" ? submission.value : null;
  const common = { councilId, actorUserId: viewer.user.id, ipAddress: clientIp(request) };
  // before the page is looked up: a page this admin deleted moments ago (sent twice) is answered as deleted
  if (value?.intent === "delete") {
    if (isNew || !(await deleteGuidance({ ...common, id: params.id! }))) notFound();
    return redirectWithFlash("/council/guidance", { kind: "success", message: "Guidance page deleted" });
  }
  if (!isNew && !(await getCouncilGuidance(councilId, params.id!))) notFound();
  const councilName = membership.organisationName;
  if (!value) return json({ ...submission.reply(), councilName }, { status: 400 });
  const { intent: _intent, councilId: _shownFor, ...input } = value;
  const result = await saveGuidance({ ...common, id: isNew ? undefined : params.id, input });
  if (!result) notFound();
  if (!result.ok)
    return json({ ...submission.reply({ fieldErrors: result.fieldErrors }), councilName }, { status: 400 });
  return redirectWithFlash("/council/guidance", { kind: "success", message: "Guidance page saved" });
}

export default function EditGuidance() {
  const { councilName, councilId, page, preview, confirmingDelete } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { ...(page ?? { audience: "EVERYONE", published: true }), councilId },
    shouldRevalidate: "onSubmit",
  });
  if (page && confirmingDelete)
    return (
      <>
        <BackLink to={`/council/guidance/${page.id}`}>Back to the page</BackLink>
        <PageHeading caption={councilName}>Delete “{page.title}”?</PageHeading>
        <div className="max-w-3xl">
          <p className="mb-4">
            {page.published
              ? "The page comes off the guidance list and its address stops working for anyone who has it."
              : "The page is not published, so no reader has it: only this draft goes."}{" "}
            Deleting cannot be undone; the audit log keeps a record that it was deleted.
          </p>
          <Form method="post" className="flex flex-wrap items-center gap-6">
            <Button name="intent" value="delete" variant="warning">
              Yes, delete “{page.title}”
            </Button>
            <Link to={`/council/guidance/${page.id}`} className="underline">
              No, keep it
            </Link>
          </Form>
        </div>
      </>
    );
  return (
    <>
      <BackLink to="/council/guidance">Guidance pages</BackLink>
      <PageHeading caption={lastResult?.councilName ?? councilName}>
        {page ? "Edit guidance page" : "Add a guidance page"}
      </PageHeading>
      <Form method="post" {...getFormProps(form)} noValidate className="max-w-3xl">
        <ErrorSummary errors={form.allErrors} />
        {page ? null : (
          <input
            type="hidden"
            name={fields.councilId.name}
            key={fields.councilId.key}
            defaultValue={fields.councilId.initialValue as string | undefined}
          />
        )}
        <TextInput
          name={fields.title.name}
          defaultValue={fields.title.initialValue as string | undefined}
          key={fields.title.key}
          label="Title"
          errors={fields.title.errors}
        />
        <TextInput
          name={fields.slug.name}
          defaultValue={fields.slug.initialValue as string | undefined}
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
          defaultValue={fields.audience.initialValue as string | undefined}
          errors={fields.audience.errors}
        />
        <Textarea
          name={fields.bodyMarkdown.name}
          defaultValue={fields.bodyMarkdown.initialValue as string | undefined}
          key={fields.bodyMarkdown.key}
          label="Page content"
          hint="Write in Markdown: ## for a heading, - for a list item (- [ ] for a task to do, - [x] for one done), [words](https://…) for a link. A picture, ![what it shows](https://…), becomes a link to it. HTML is shown as text."
          rows={18}
          errors={fields.bodyMarkdown.errors}
        />
        <Checkbox
          name={fields.published.name}
          key={fields.published.key}
          label="Published (anyone can read it)"
          defaultChecked={fields.published.initialValue === "on" || fields.published.initialValue === "true"}
          errors={fields.published.errors}
        />
        <div className="flex flex-wrap items-center gap-6">
          <Button name="intent" value="save">
            Save page
          </Button>
          {page ? (
            <Link to="?delete" className="font-bold">
              Delete page
            </Link>
          ) : null}
        </div>
      </Form>
      {page && preview !== null ? (
        <section aria-labelledby="preview-heading" className="mt-12 max-w-3xl border-t-4 border-brand pt-4">
          <h2 id="preview-heading" className="mb-2 text-2xl font-bold">
            Preview
          </h2>
          <p className="mb-4 text-muted">
            {page.published ? (
              <>
                The page as readers see it at{" "}
                <Link to={`/guidance/${councilId}/${page.slug}`}>its public address</Link>, as last saved.
              </>
            ) : (
              "The page as readers will see it once published, as last saved. It is a draft: only your council's admins can see it, here."
            )}{" "}
            Save your changes to see them here.
          </p>
          <div className="border-2 border-line p-4">
            <GuidanceBody html={preview} />
          </div>
        </section>
      ) : null}
    </>
  );
}
