import { useForm } from "@conform-to/react";
import { parseForm } from "~/server/parse-form.server.ts";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireCouncilOf } from "~/auth/permissions.server.ts";
import { keepCouncil } from "~/ui/charts/record-links.ts";
import { clientIp } from "~/domain/audit/audit.server.ts";
import {
  addCategory,
  listCategories,
  refusalReply,
  type ListEntryStale,
  toggleCategory,
  updateCategory,
} from "~/domain/marketplace/council-lists.server.ts";
import { categorySchema } from "~/domain/marketplace/schemas.ts";
import { PageHeading, Table } from "~/ui/components.tsx";
import { ListEntryForm, listItemColumns, staleListRows } from "~/ui/council-lists.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { ErrorSummary, TextInput } from "~/ui/form.tsx";
import { readForm } from "~/server/read-form.server.ts";
import { editState, StaleEditNotice, staleEditMessage } from "~/ui/stale-edit.tsx";
import { actsForNamed } from "~/ui/acting-for.ts";

export const meta: MetaFunction = () => [{ title: "Needs and priorities – Social Value Marketplace" }];

// the header shows the council the address names, which the page acts for (app/ui/acting-for.ts)
export const handle = actsForNamed("council");

export async function loader({ request }: LoaderFunctionArgs) {
  // the council a link names (`council=<id>`, the moderation page's), else the header switcher's
  const named = new URL(request.url).searchParams.get("council");
  const { membership } = await requireCouncilOf(request, named);
  // the list's own links keep the council the address names
  const listPath = keepCouncil("/council/categories", membership.organisationId, Boolean(named));
  const categories = await listCategories(membership.organisationId);
  const editId = new URL(request.url).searchParams.get("edit");
  const editing = categories.find((c) => c.id === editId) ?? null;
  // a "Change" link for an entry this council does not list (another council's, followed after switching council in
  // another window, or an old link) is said so, rather than silently showing the form to add a new one
  const editNotFound = editId !== null && editId !== "" && !editing;
  return json({ categories, editing, editNotFound, listPath, councilName: membership.organisationName });
}

export async function action({ request }: ActionFunctionArgs) {
  // the form is sent to its page's address, which names the council it was shown for when a link named one
  const named = new URL(request.url).searchParams.get("council");
  const { viewer, membership } = await requireCouncilOf(request, named);
  const submission = parseForm(await readForm(request), { schema: categorySchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const actor = { userId: viewer.user.id, ipAddress: clientIp(request) };
  const councilId = membership.organisationId;
  const value = submission.value;
  const result =
    value.intent === "add"
      ? await addCategory(councilId, value.name, value.description, actor)
      : value.intent === "update"
        ? await updateCategory(councilId, value.id, value, actor)
        : await toggleCategory(councilId, value.id, actor, value.active);
  if (!result.ok) {
    // a colleague saved it after this form was read: shown beside the answers, which are kept
    if ("stale" in result)
      return json(
        { ...submission.reply({ formErrors: [staleEditMessage("category")] }), stale: result.stale },
        { status: 409 },
      );
    return json(submission.reply(refusalReply(result)), { status: 400 });
  }
  return redirectWithFlash(keepCouncil("/council/categories", membership.organisationId, Boolean(named)), {
    kind: "success",
    message: "Categories updated",
  });
}

export default function CategoriesPage() {
  const { categories, editing, editNotFound, listPath, councilName } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { stale, version } = editState<ListEntryStale>(lastResult, editing?.version);
  const [form, fields] = useForm({ lastResult, shouldRevalidate: "onSubmit" });
  return (
    <>
      <PageHeading caption={councilName}>Needs and priorities</PageHeading>
      <p className="mb-6 max-w-3xl">
        Requestors file every request under one of these categories. Categories are never deleted, so the
        requests filed under them keep their place in reports: retire one so no new requests use it.
      </p>
      <ErrorSummary errors={form.allErrors} />
      {stale && editing ? <StaleEditNotice what="category" rows={staleListRows(stale)} /> : null}
      <Table
        caption="Categories"
        rows={categories}
        rowKey={(c) => c.id}
        empty="Your council has no categories yet. Add one below: requestors choose one for each request they post."
        columns={[
          { header: "Name", cell: (c) => c.name, rowHeader: true },
          { header: "Description", cell: (c) => c.description || "None" },
          ...listItemColumns<(typeof categories)[number]>(listPath),
        ]}
      />
      <ListEntryForm
        form={form}
        what="category"
        listPath={listPath}
        councilName={councilName}
        editing={editing}
        editNotFound={editNotFound}
        version={version}
        name={fields.name}
      >
        <TextInput
          key={`description-${editing?.id}`}
          name="description"
          label="Description (optional)"
          errors={fields.description.errors}
          defaultValue={(fields.description.initialValue as string | undefined) ?? editing?.description ?? ""}
        />
      </ListEntryForm>
    </>
  );
}
