import { useForm } from "@conform-to/react";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import {
  addCategory,
  listCategories,
  type ListEntryStale,
  toggleCategory,
  updateCategory,
} from "~/domain/marketplace/council-lists.server.ts";
import { categorySchema } from "~/domain/marketplace/schemas.ts";
import { PageHeading, Table } from "~/ui/components.tsx";
import { ListEntryForm, listItemColumns, staleListRows } from "~/ui/council-lists.tsx";
import { readCouncilListPage, saveCouncilListEntry } from "~/ui/council-list-page.server.ts";
import { ErrorSummary, TextInput } from "~/ui/form.tsx";
import { editState, StaleEditNotice } from "~/ui/stale-edit.tsx";
import { actsForNamed } from "~/ui/acting-for.ts";

export const meta: MetaFunction = () => [{ title: "Needs and priorities – Social Value Marketplace" }];

// the header shows the council the address names, which the page acts for (app/ui/acting-for.ts)
export const handle = actsForNamed("council");

export async function loader({ request }: LoaderFunctionArgs) {
  const page = await readCouncilListPage(request, "/council/categories", listCategories);
  const { entries: categories, editing, editNotFound, listPath, councilName } = page;
  return json({ categories, editing, editNotFound, listPath, councilName });
}

export async function action({ request }: ActionFunctionArgs) {
  return saveCouncilListEntry(
    request,
    { path: "/council/categories", schema: categorySchema, what: "category", saved: "Categories updated" },
    {
      add: (councilId, form, actor) => addCategory(councilId, form.name, form.description, actor),
      update: (councilId, form, actor) => updateCategory(councilId, form.id, form, actor),
      toggle: (councilId, form, actor) => toggleCategory(councilId, form.id, actor, form.active),
    },
  );
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
          {
            header: "Description",
            cell: (c) =>
              c.description || (
                <>
                  <span aria-hidden="true">–</span>
                  <span className="sr-only">No description</span>
                </>
              ),
          },
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
