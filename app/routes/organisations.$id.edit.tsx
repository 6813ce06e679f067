// "Change your organisation's details": for an organisation's owner while the council has not verified it. While it
// waits, the officer sees the corrected details; once the council has refused it (the reason is shown here, as on
// its page), saving sends it back to the council's queue and tells the council's verifiers, as registering did.
// A verified organisation's details are the council's record and are not changed here, except its contact email,
// which is contact information its owner keeps up to date (decision 039, addendum).
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "~/auth/permissions.server.ts";
import { requestContext } from "~/auth/request-context.server.ts";
import { ContactEmailField, SupplierDetailFields, VcseDetailFields } from "~/ui/organisation-fields.tsx";
import {
  changeContactEmail,
  changeOrganisationDetails,
  organisationForOwnerEdit,
  type DetailsInput,
} from "~/domain/accounts/organisations.server.ts";
import { contactEmailSchema, supplierDetailsSchema, vcseDetailsSchema } from "~/domain/accounts/schemas.ts";
import { parseForm } from "~/server/parse-form.server.ts";
import { readForm } from "~/server/read-form.server.ts";
import { BackLink, Notice, PageHeading, SummaryList } from "~/ui/components.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { Form } from "~/ui/form-for.tsx";
import { Button, ErrorSummary, TextInput } from "~/ui/form.tsx";
import { actsForLoaded } from "~/ui/acting-for.ts";

// the header shows this organisation's (its loader's actingFor), which the page is about whatever the switcher is on
// (app/ui/acting-for.ts, decision 027)
export const handle = actsForLoaded("actingFor");

// names the organisation, so each organisation's page has a title of its own
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `Change your organisation's details${data ? `: ${data.organisation.name}` : ""} – Social Value Marketplace`,
  },
];

const schemaFor = (kind: "VCSE" | "SUPPLIER") =>
  kind === "VCSE" ? vcseDetailsSchema : supplierDetailsSchema;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  const organisation = await organisationForOwnerEdit(params.id!, viewer.user.id);
  // members who are not its owner, and anyone else, are told there is no such page
  if (!organisation) notFound();
  return json({
    actingFor: organisation.id,
    organisation: { ...organisation, kind: organisation.kind as "VCSE" | "SUPPLIER" },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  const organisationId = params.id!;
  const organisation = await organisationForOwnerEdit(organisationId, viewer.user.id);
  if (!organisation) notFound();
  if (organisation.status === "VERIFIED") return changeContact(request, organisationId, viewer.user.id);
  const kind = organisation.kind as "VCSE" | "SUPPLIER";
  const submission = parseForm(await readForm(request), { schema: schemaFor(kind) });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  // the schema was chosen by kind, so its value is that kind's input
  const input = { kind, ...submission.value } as DetailsInput;
  const result = await changeOrganisationDetails(
    organisationId,
    viewer.user.id,
    input,
    requestContext(request),
  );
  if (!result.ok) {
    if (result.reason === "decided")
      return json(submission.reply({ formErrors: [result.formError] }), { status: 409 });
    if (result.reason === "verified") return verifiedAlready(organisationId);
    notFound();
  }
  return redirectWithFlash(`/organisations/${organisationId}`, { kind: "success", message: result.message });
}

// Once verified, only the contact email is asked: a form of all the details (verified while it was open, or kept from
// before) changes nothing.
async function changeContact(request: Request, organisationId: string, userId: string) {
  const form = await readForm(request);
  if (form.get("intent") !== "contact") return verifiedAlready(organisationId);
  const submission = parseForm(form, { schema: contactEmailSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = await changeContactEmail(
    organisationId,
    userId,
    submission.value.contactEmail ?? null,
    requestContext(request),
  );
  if (!result.ok) notFound();
  return redirectWithFlash(`/organisations/${organisationId}`, { kind: "success", message: result.message });
}

// verified while the form was open, or a form kept from before: the council's record is not changed here
const verifiedAlready = (organisationId: string) =>
  redirectWithFlash(`/organisations/${organisationId}`, {
    kind: "info",
    message: "The council has verified this organisation, so its details can no longer be changed here.",
  });

export default function ChangeOrganisationDetails() {
  const { organisation } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const isVcse = organisation.kind === "VCSE";
  const rejected = organisation.status === "REJECTED";
  const [form, fields] = useForm<Record<string, unknown>>({
    lastResult,
    shouldRevalidate: "onSubmit",
    defaultValue: {
      name: organisation.name,
      charityNumber: organisation.charityNumber ?? "",
      areaServed: organisation.areaServed ?? "",
      description: organisation.description ?? "",
      companyNumber: organisation.companyNumber ?? "",
      registeredPostcode: organisation.registeredPostcode ?? "",
      staffHeadcount: organisation.staffHeadcount === null ? "" : String(organisation.staffHeadcount),
      turnoverBand: organisation.turnoverBand ?? "",
      balanceSheetBand: organisation.balanceSheetBand ?? "",
      contactEmail: organisation.contactEmail ?? "",
    },
    onValidate: ({ formData }) =>
      parseWithZod(formData, {
        schema: organisation.status === "VERIFIED" ? contactEmailSchema : schemaFor(organisation.kind),
      }),
  });
  const back = `/organisations/${organisation.id}`;
  if (organisation.status === "VERIFIED")
    return (
      <div className="max-w-2xl">
        <BackLink to={back} />
        <PageHeading caption={organisation.name}>Change your organisation&apos;s details</PageHeading>
        <p className="mb-6">
          The council has verified {organisation.name}, so its details can no longer be changed here. To
          correct them, contact the social value team at {organisation.council?.name ?? "your council"}.
        </p>
        <p className="mb-6">You can still change its contact email.</p>
        <Form method="post" {...getFormProps(form)} noValidate>
          <ErrorSummary errors={form.allErrors} />
          <input type="hidden" name="intent" value="contact" />
          <ContactEmailField field={fields.contactEmail} kind={organisation.kind} />
          <Button>Save contact email</Button>
        </Form>
      </div>
    );
  return (
    <div className="max-w-2xl">
      <BackLink to={back} />
      <PageHeading caption={organisation.name}>Change your organisation&apos;s details</PageHeading>
      {rejected ? (
        <Notice kind="error" title="Why the council did not verify this organisation">
          {/* as the officer wrote it: a list one to a line, a long link that must wrap */}
          <span className="block break-words whitespace-pre-line">{organisation.rejectionReason}</span>
        </Notice>
      ) : null}
      <p className="mb-6">
        {rejected
          ? "Correct what the council asked about, then send your organisation to the council to verify again. Its verifiers will be told by email."
          : "The council has not verified your organisation yet. The officer who does will see the details you save here."}
      </p>
      <Form method="post" {...getFormProps(form)} noValidate>
        <ErrorSummary errors={form.allErrors} />
        {rejected ? (
          <input type="hidden" name="intent" value="resend" />
        ) : (
          <input type="hidden" name="intent" value="save" />
        )}
        <TextInput
          name={fields.name.name}
          key={fields.name.key}
          defaultValue={fields.name.initialValue as string | undefined}
          label={isVcse ? "Organisation name" : "Business name"}
          errors={fields.name.errors}
          autoComplete="organization"
        />
        <SummaryList
          rows={[
            {
              key: isVcse ? "Council area" : "Council you supply",
              value: organisation.council?.name ?? "",
            },
          ]}
        />
        <p className="-mt-4 mb-6 text-muted">
          The council cannot be changed. To work with another council, register your organisation with it.
        </p>
        {isVcse ? (
          <VcseDetailFields
            fields={{
              charityNumber: fields.charityNumber,
              areaServed: fields.areaServed,
              description: fields.description,
              contactEmail: fields.contactEmail,
            }}
          />
        ) : (
          <SupplierDetailFields
            fields={{
              companyNumber: fields.companyNumber,
              registeredPostcode: fields.registeredPostcode,
              staffHeadcount: fields.staffHeadcount,
              turnoverBand: fields.turnoverBand,
              balanceSheetBand: fields.balanceSheetBand,
              contactEmail: fields.contactEmail,
            }}
          />
        )}
        <Button>{rejected ? "Send for verification again" : "Save changes"}</Button>
      </Form>
    </div>
  );
}
