import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { councilIdsOf, notFound, requireCouncilOfficer, type Viewer } from "~/auth/permissions.server.ts";
import { requestContext } from "~/auth/request-context.server.ts";
import { BALANCE_SHEET_BANDS, BUSINESS_SIZE_LABEL, TURNOVER_BANDS } from "~/domain/accounts/business-size.ts";
import { decideVerification, organisationForVerification } from "~/domain/accounts/organisations.server.ts";
import { KIND_LABEL, STATUS_LABEL, verificationDecisionSchema } from "~/domain/accounts/schemas.ts";
import { BackLink, PageHeading, SummaryList, Tag, type SummaryRow } from "~/ui/components.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { Button, ErrorSummary, Textarea } from "~/ui/form.tsx";
import { formatDate } from "~/ui/format.ts";
import { readForm } from "~/server/read-form.server.ts";

export const meta: MetaFunction = () => [{ title: "Verify an organisation – Social Value Marketplace" }];

// Councils where the viewer is an officer or admin: a partner council's organisations are not theirs.
function officerCouncilIds(viewer: Viewer) {
  return councilIdsOf(viewer).filter((id) =>
    viewer.memberships.some((m) => m.organisationId === id && (m.role === "OFFICER" || m.role === "ADMIN")),
  );
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer } = await requireCouncilOfficer(request);
  const organisation = await organisationForVerification(params.id!, officerCouncilIds(viewer));
  if (!organisation) notFound();
  return json({ organisation });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer } = await requireCouncilOfficer(request);
  // may they: only an organisation registered with one of the officer's councils (404 before any validation)
  if (!(await organisationForVerification(params.id!, officerCouncilIds(viewer)))) notFound();
  const submission = parseWithZod(await readForm(request), { schema: verificationDecisionSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const outcome = await decideVerification(
    params.id!,
    officerCouncilIds(viewer),
    viewer.user.id,
    submission.value,
    requestContext(request),
  );
  if (outcome === "not-found") notFound();
  if (outcome === "already-decided")
    return json(submission.reply({ formErrors: ["Someone has already decided on this organisation"] }), {
      status: 409,
    });
  return redirectWithFlash("/council/verification", {
    kind: "success",
    message: submission.value.intent === "verify" ? "Organisation verified" : "Organisation rejected",
  });
}

const bandLabel = (bands: readonly { value: string; label: string }[], value: string | null) =>
  bands.find((b) => b.value === value)?.label ?? "Not given";

export default function VerifyOrganisation() {
  const { organisation } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({ id: "decision", lastResult });
  const rows: SummaryRow[] = [
    { key: "Type", value: KIND_LABEL[organisation.kind] },
    {
      key: "Status",
      value: (
        <Tag
          colour={
            organisation.status === "VERIFIED"
              ? "green"
              : organisation.status === "PENDING"
                ? "yellow"
                : "red"
          }
        >
          {STATUS_LABEL[organisation.status]}
        </Tag>
      ),
    },
    { key: "Registered", value: formatDate(organisation.createdAt) },
    {
      key: "Owners",
      value: organisation.memberships.map((m) => `${m.user.name} (${m.user.email})`).join("\n"),
    },
  ];
  if (organisation.kind === "VCSE")
    rows.push(
      { key: "Charity or company number", value: organisation.charityNumber ?? "Not registered" },
      { key: "Area served", value: organisation.areaServed ?? "" },
      { key: "What it does", value: organisation.description ?? "" },
    );
  else
    rows.push(
      { key: "Companies House number", value: organisation.companyNumber ?? "" },
      { key: "Registered postcode", value: organisation.registeredPostcode ?? "" },
      { key: "Staff", value: String(organisation.staffHeadcount ?? "") },
      { key: "Turnover", value: bandLabel(TURNOVER_BANDS, organisation.turnoverBand) },
      { key: "Balance sheet", value: bandLabel(BALANCE_SHEET_BANDS, organisation.balanceSheetBand) },
      {
        key: "Business size",
        value: organisation.businessSize ? BUSINESS_SIZE_LABEL[organisation.businessSize] : "Not known",
      },
      { key: "Contact email", value: organisation.contactEmail ?? "Not given" },
    );
  if (organisation.rejectionReason)
    rows.push({ key: "Reason for rejection", value: organisation.rejectionReason });
  return (
    <>
      <BackLink to="/council/verification">Back to organisations to verify</BackLink>
      <PageHeading caption={organisation.council?.name}>{organisation.name}</PageHeading>
      <ErrorSummary errors={form.allErrors} />
      <SummaryList rows={rows} />
      {organisation.status === "PENDING" ? (
        <div className="grid max-w-3xl gap-10">
          <Form method="post">
            <h2 className="mb-4 text-2xl font-bold">Verify</h2>
            <p className="mb-4">
              Verify if you have checked the organisation is genuine. Its owners will be emailed.
            </p>
            <Button name="intent" value="verify">
              Verify organisation
            </Button>
          </Form>
          <Form method="post" {...getFormProps(form)} noValidate>
            <h2 className="mb-4 text-2xl font-bold">Reject</h2>
            <Textarea
              name={fields.reason.name}
              key={fields.reason.key}
              defaultValue={fields.reason.initialValue as string | undefined}
              label="Reason for rejecting"
              hint="The owners will see this in their email, so say what they could do"
              errors={fields.reason.errors}
              rows={4}
            />
            <Button name="intent" value="reject" variant="warning">
              Reject organisation
            </Button>
          </Form>
        </div>
      ) : null}
    </>
  );
}
