import { useForm } from "@conform-to/react";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import {
  addDistrict,
  listDistricts,
  type ListEntryStale,
  toggleDistrict,
  updateDistrict,
} from "~/domain/marketplace/council-lists.server.ts";
import { districtSchema, splitPostcodeAreas } from "~/domain/marketplace/schemas.ts";
import { listInWords } from "~/domain/format.ts";
import { sharedPostcodeAreas } from "~/domain/postcodes.ts";
import { Notice, PageHeading, Table } from "~/ui/components.tsx";
import { ListEntryForm, listItemColumns, staleListRows } from "~/ui/council-lists.tsx";
import { readCouncilListPage, saveCouncilListEntry } from "~/ui/council-list-page.server.ts";
import { ErrorSummary, TextInput } from "~/ui/form.tsx";
import { editState, StaleEditNotice } from "~/ui/stale-edit.tsx";
import { actsForNamed } from "~/ui/acting-for.ts";

export const meta: MetaFunction = () => [{ title: "Districts – Social Value Marketplace" }];

// the header shows the council the address names, which the page acts for (app/ui/acting-for.ts)
export const handle = actsForNamed("council");

export async function loader({ request }: LoaderFunctionArgs) {
  const page = await readCouncilListPage(request, "/council/districts", listDistricts);
  const { entries: districts, editing, editNotFound, listPath, councilName } = page;
  // districts saved before one district per postcode area (decision 040) may still share an area, its requests
  // filed under whichever sorts first: the officer is told which, to give each area to one district
  const shared = sharedPostcodeAreas(districts);
  return json({ districts, editing, editNotFound, shared, listPath, councilName });
}

export async function action({ request }: ActionFunctionArgs) {
  return saveCouncilListEntry(
    request,
    { path: "/council/districts", schema: districtSchema, what: "district", saved: "Districts updated" },
    {
      add: (councilId, form, actor) =>
        addDistrict(councilId, form.name, splitPostcodeAreas(form.postcodeAreas), actor),
      update: (councilId, form, actor) =>
        updateDistrict(
          councilId,
          form.id,
          { name: form.name, postcodeAreas: splitPostcodeAreas(form.postcodeAreas), version: form.version },
          actor,
        ),
      toggle: (councilId, form, actor) => toggleDistrict(councilId, form.id, actor, form.active),
    },
  );
}

export default function DistrictsPage() {
  const { districts, editing, editNotFound, shared, listPath, councilName } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { stale, version } = editState<ListEntryStale>(lastResult, editing?.version);
  const [form, fields] = useForm({ lastResult, shouldRevalidate: "onSubmit" });
  return (
    <>
      <PageHeading caption={councilName}>Districts and postcode areas</PageHeading>
      <ErrorSummary errors={form.allErrors} />
      {stale && editing ? <StaleEditNotice what="district" rows={staleListRows(stale)} /> : null}
      {shared.length ? (
        <Notice
          title={
            shared.length === 1
              ? "A postcode area is in more than one district"
              : "Postcode areas are in more than one district"
          }
        >
          <p>
            Requests in an area listed by more than one district are filed under only one of them. Change the
            districts so that each area is in one district:
          </p>
          <ul className="mt-2 list-disc pl-6">
            {shared.map(({ area, districts: names }) => (
              <li key={area}>
                {area} is in {listInWords(names.map((name) => `“${name}”`))}
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <Table
        caption="Districts"
        rows={districts}
        rowKey={(d) => d.id}
        empty="Your council has no districts yet. Add one below: requestors can say which district a request is in, so suppliers can find help needed near them."
        columns={[
          { header: "Name", cell: (d) => d.name, rowHeader: true },
          { header: "Postcode areas", cell: (d) => d.postcodeAreas.join(", ") || "None" },
          ...listItemColumns<(typeof districts)[number]>(listPath),
        ]}
      />
      <ListEntryForm
        form={form}
        what="district"
        listPath={listPath}
        councilName={councilName}
        editing={editing}
        editNotFound={editNotFound}
        version={version}
        name={fields.name}
      >
        <TextInput
          key={`areas-${editing?.id}`}
          name="postcodeAreas"
          label="Postcode areas (optional)"
          hint="The first half of postcodes, separated by commas, for example GU1, GU2. They also decide which suppliers are eligible for the supplier diversity survey."
          width="20"
          errors={fields.postcodeAreas.errors}
          defaultValue={
            (fields.postcodeAreas.initialValue as string | undefined) ?? editing?.postcodeAreas.join(", ")
          }
        />
      </ListEntryForm>
    </>
  );
}
