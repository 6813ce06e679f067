import { useForm } from "@conform-to/react";
import { parseForm } from "~/server/parse-form.server.ts";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireCouncilOf } from "~/auth/permissions.server.ts";
import { keepCouncil } from "~/ui/charts/record-links.ts";
import { clientIp } from "~/domain/audit/audit.server.ts";
import {
  addDistrict,
  listDistricts,
  refusalReply,
  type ListEntryStale,
  toggleDistrict,
  updateDistrict,
} from "~/domain/marketplace/council-lists.server.ts";
import { districtSchema, splitPostcodeAreas } from "~/domain/marketplace/schemas.ts";
import { listInWords } from "~/domain/format.ts";
import { sharedPostcodeAreas } from "~/domain/postcodes.ts";
import { Notice, PageHeading, Table } from "~/ui/components.tsx";
import { ListEntryForm, listItemColumns, staleListRows } from "~/ui/council-lists.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { ErrorSummary, TextInput } from "~/ui/form.tsx";
import { readForm } from "~/server/read-form.server.ts";
import { editState, StaleEditNotice, staleEditMessage } from "~/ui/stale-edit.tsx";
import { actsForNamed } from "~/ui/acting-for.ts";

export const meta: MetaFunction = () => [{ title: "Districts – Social Value Marketplace" }];

// the header shows the council the address names, which the page acts for (app/ui/acting-for.ts)
export const handle = actsForNamed("council");

export async function loader({ request }: LoaderFunctionArgs) {
  // the council a link names (`council=<id>`, the moderation page's), else the header switcher's
  const named = new URL(request.url).searchParams.get("council");
  const { membership } = await requireCouncilOf(request, named);
  // the list's own links keep the council the address names
  const listPath = keepCouncil("/council/districts", membership.organisationId, Boolean(named));
  const districts = await listDistricts(membership.organisationId);
  const editId = new URL(request.url).searchParams.get("edit");
  const editing = districts.find((d) => d.id === editId) ?? null;
  // a "Change" link for an entry this council does not list (another council's, followed after switching council in
  // another window, or an old link) is said so, rather than silently showing the form to add a new one
  const editNotFound = editId !== null && editId !== "" && !editing;
  // districts saved before one district per postcode area (decision 040) may still share an area, its requests
  // filed under whichever sorts first: the officer is told which, to give each area to one district
  const shared = sharedPostcodeAreas(districts);
  return json({
    districts,
    editing,
    editNotFound,
    shared,
    listPath,
    councilName: membership.organisationName,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  // the form is sent to its page's address, which names the council it was shown for when a link named one
  const named = new URL(request.url).searchParams.get("council");
  const { viewer, membership } = await requireCouncilOf(request, named);
  const submission = parseForm(await readForm(request), { schema: districtSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const actor = { userId: viewer.user.id, ipAddress: clientIp(request) };
  const value = submission.value;
  const councilId = membership.organisationId;
  const result =
    value.intent === "add"
      ? await addDistrict(councilId, value.name, splitPostcodeAreas(value.postcodeAreas), actor)
      : value.intent === "update"
        ? await updateDistrict(
            councilId,
            value.id,
            {
              name: value.name,
              postcodeAreas: splitPostcodeAreas(value.postcodeAreas),
              version: value.version,
            },
            actor,
          )
        : await toggleDistrict(councilId, value.id, actor, value.active);
  if (!result.ok) {
    // a colleague saved it after this form was read: shown beside the answers, which are kept
    if ("stale" in result)
      return json(
        { ...submission.reply({ formErrors: [staleEditMessage("district")] }), stale: result.stale },
        { status: 409 },
      );
    return json(submission.reply(refusalReply(result)), { status: 400 });
  }
  return redirectWithFlash(keepCouncil("/council/districts", membership.organisationId, Boolean(named)), {
    kind: "success",
    message: "Districts updated",
  });
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
