import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireCouncilOfficer } from "~/auth/permissions.server.ts";
import { clientIp } from "~/domain/audit/audit.server.ts";
import {
  addDistrict,
  listDistricts,
  refusalReply,
  toggleDistrict,
} from "~/domain/marketplace/council-lists.server.ts";
import { districtSchema, splitPostcodeAreas } from "~/domain/marketplace/schemas.ts";
import { PageHeading, Table } from "~/ui/components.tsx";
import { listItemColumns } from "~/ui/council-lists.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { Button, ErrorSummary, TextInput } from "~/ui/form.tsx";
import { readForm } from "~/server/read-form.server.ts";

export const meta: MetaFunction = () => [{ title: "Districts – Social Value Marketplace" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { membership } = await requireCouncilOfficer(request);
  const districts = await listDistricts(membership.organisationId);
  return json({ districts, councilName: membership.organisationName });
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer, membership } = await requireCouncilOfficer(request);
  const submission = parseWithZod(await readForm(request), { schema: districtSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const actor = { userId: viewer.user.id, ipAddress: clientIp(request) };
  const value = submission.value;
  const result =
    value.intent === "add"
      ? await addDistrict(
          membership.organisationId,
          value.name,
          splitPostcodeAreas(value.postcodeAreas),
          actor,
        )
      : await toggleDistrict(membership.organisationId, value.id, actor);
  if (!result.ok) return json(submission.reply(refusalReply(result)), { status: 400 });
  return redirectWithFlash("/council/districts", { kind: "success", message: "Districts updated" });
}

export default function DistrictsPage() {
  const { districts, councilName } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult, shouldRevalidate: "onSubmit" });
  return (
    <>
      <PageHeading caption={councilName}>Districts and postcode areas</PageHeading>
      <ErrorSummary errors={form.allErrors} />
      <Table
        caption="Districts"
        rows={districts}
        rowKey={(d) => d.id}
        columns={[
          { header: "Name", cell: (d) => d.name, rowHeader: true },
          { header: "Postcode areas", cell: (d) => d.postcodeAreas.join(", ") || "None" },
          ...listItemColumns<(typeof districts)[number]>(),
        ]}
      />
      <Form method="post" {...getFormProps(form)} noValidate className="max-w-xl border-t-2 border-line pt-4">
        <h2 className="mb-4 text-2xl font-bold">Add a district</h2>
        <TextInput
          name="name"
          label="Name"
          width="20"
          errors={fields.name.errors}
          defaultValue={fields.name.initialValue as string | undefined}
        />
        <TextInput
          name="postcodeAreas"
          label="Postcode areas (optional)"
          hint="The first half of postcodes, separated by commas, for example GU1, GU2"
          width="20"
          errors={fields.postcodeAreas.errors}
          defaultValue={fields.postcodeAreas.initialValue as string | undefined}
        />
        <Button name="intent" value="add">
          Add district
        </Button>
      </Form>
    </>
  );
}
