// Add (id "new") or edit one of the council's guidance pages.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { notFound, requireCouncilAdmin } from "~/auth/permissions.server.ts";
import { clientIp } from "~/domain/audit/audit.server.ts";
import { deleteGuidance, getCouncilGuidance, saveGuidance } from "~/domain/content/guidance.server.ts";
import { GUIDANCE_AUDIENCES, guidancePageSchema } from "~/domain/content/schemas.ts";
import { BackLink, PageHeading } from "~/ui/components.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { Button, Checkbox, ErrorSummary, Radios, Textarea, TextInput } from "~/ui/form.tsx";
import { readForm } from "~/server/read-form.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.page ? "Edit guidance page" : "Add a guidance page"} – Social Value Marketplace` },
];

const actionSchema = z.discriminatedUnion("intent", [
  guidancePageSchema.extend({ intent: z.literal("save") }),
  z.object({ intent: z.literal("delete") }),
]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { membership } = await requireCouncilAdmin(request);
  if (params.id === "new") return json({ councilName: membership.organisationName, page: null });
  const page = await getCouncilGuidance(membership.organisationId, params.id!);
  if (!page) notFound();
  return json({ councilName: membership.organisationName, page });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, membership } = await requireCouncilAdmin(request);
  const councilId = membership.organisationId;
  const isNew = params.id === "new";
  const submission = parseWithZod(await readForm(request), { schema: actionSchema });
  const value = submission.status === "success" ? submission.value : null;
  const common = { councilId, actorUserId: viewer.user.id, ipAddress: clientIp(request) };
  // before the page is looked up: a page this admin deleted moments ago (sent twice) is answered as deleted
  if (value?.intent === "delete") {
    if (isNew || !(await deleteGuidance({ ...common, id: params.id! }))) notFound();
    return redirectWithFlash("/council/guidance", { kind: "success", message: "Guidance page deleted" });
  }
  if (!isNew && !(await getCouncilGuidance(councilId, params.id!))) notFound();
  if (!value) return json(submission.reply(), { status: 400 });
  const { intent: _intent, ...input } = value;
  const result = await saveGuidance({ ...common, id: isNew ? undefined : params.id, input });
  if (!result) notFound();
  if (!result.ok) return json(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  return redirectWithFlash("/council/guidance", { kind: "success", message: "Guidance page saved" });
}

export default function EditGuidance() {
  const { councilName, page } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: page ?? { audience: "EVERYONE", published: true },
    shouldRevalidate: "onSubmit",
  });
  return (
    <>
      <BackLink to="/council/guidance">Guidance pages</BackLink>
      <PageHeading caption={councilName}>{page ? "Edit guidance page" : "Add a guidance page"}</PageHeading>
      <Form method="post" {...getFormProps(form)} noValidate className="max-w-3xl">
        <ErrorSummary errors={form.allErrors} />
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
          hint="Write in Markdown: ## for a heading, - for a list item, [words](https://…) for a link. A picture, ![what it shows](https://…), becomes a link to it. HTML is shown as text."
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
        <div className="flex flex-wrap gap-4">
          <Button name="intent" value="save">
            Save page
          </Button>
          {page ? (
            <Button name="intent" value="delete" variant="warning">
              Delete page
            </Button>
          ) : null}
        </div>
      </Form>
    </>
  );
}
