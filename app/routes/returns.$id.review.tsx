// The contract manager reviews a submitted return: accept it, or query it with comments per line.
import { getFormProps, useForm } from "@conform-to/react";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/ui/form-for.tsx";
import { notFound, requireCouncilOfficer, requireViewer } from "~/auth/permissions.server.ts";
import { clientIp } from "~/auth/request-context.server.ts";
import {
  getReturnPage,
  returnCouncilId,
  returnLineSpecs,
} from "~/domain/reporting/returns-queries.server.ts";
import {
  FORM_OUT_OF_DATE,
  LINE_QUERY_MAX,
  REVIEW_COMMENT_MAX,
  reviewSchema,
  withoutFarEntries,
  type ReviewValue,
} from "~/domain/reporting/returns-schema.ts";
import { ownSupplierReview, reviewReturn } from "~/domain/reporting/returns.server.ts";
import { withCouncil } from "~/ui/charts/record-links.ts";
import { BackLink, Notice, PageHeading, SummaryList } from "~/ui/components.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { Button, ErrorSummary, Textarea } from "~/ui/form.tsx";
import { formatDate, formatDateTime } from "~/ui/format.ts";
import {
  acceptedBy,
  ReturnLineHeading,
  ProgressTable,
  ReturnChanges,
  ReturnHistory,
  ReturnLineAnswer,
  ReturnStatusTag,
  submittedLateRow,
} from "~/ui/returns.tsx";
import { parseForm } from "~/server/parse-form.server.ts";
import { readForm } from "~/server/read-form.server.ts";
import { actsForLoaded } from "~/ui/acting-for.ts";

// the header shows the return's council (its loader's councilId), which the page acts for whatever the switcher is
// on (app/ui/acting-for.ts, decision 027)
export const handle = actsForLoaded("councilId");

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `Review ${data.page.period} return: ${data.page.contract.reference} – Social Value Marketplace`
      : "Review return – Social Value Marketplace",
  },
];

// An officer of the return's own council, whichever council they are acting for at the moment (the review
// link comes from emails and the return page), including a partnership-wide member of a partner council.
async function requireReturnOfficer(request: Request, returnId: string) {
  await requireViewer(request);
  const councilId = await returnCouncilId(returnId);
  if (!councilId) notFound();
  return requireCouncilOfficer(request, councilId);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, membership } = await requireReturnOfficer(request, params.id!);
  const page = await getReturnPage(
    params.id!,
    { kind: "COUNCIL", organisationId: membership.organisationId },
    new Date(),
  );
  if (!page) notFound();
  // the back link names the council acted for, as the council's links to the list do (decision 027)
  // an officer who also works for the supplier reads the return but leaves its review to another (reviewReturn)
  const ownSupplier = viewer.memberships.some(
    (m) => m.organisationId === page.contract.supplierOrganisationId,
  )
    ? ownSupplierReview(page.contract.supplierName)
    : null;
  return json({ page, councilId: membership.organisationId, ownSupplier });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, membership } = await requireReturnOfficer(request, params.id!);
  const access = { kind: "COUNCIL" as const, organisationId: membership.organisationId };
  const specs = await returnLineSpecs(params.id!, access);
  if (!specs) notFound();
  // one comment field per line of the return at most
  const { fields, outOfRange } = withoutFarEntries(await readForm(request), specs.specs.length);
  const submission = parseForm(fields, { schema: reviewSchema(specs.specs) });
  if (outOfRange) return json(submission.reply({ formErrors: [FORM_OUT_OF_DATE] }), { status: 400 });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = await reviewReturn({
    returnId: params.id!,
    councilId: membership.organisationId,
    actorUserId: viewer.user.id,
    ipAddress: clientIp(request),
    value: submission.value,
  });
  if (!result.ok) {
    if ("notFound" in result) notFound();
    return json(submission.reply({ formErrors: [result.formError] }), { status: 409 });
  }
  // the return as its council sees it, though the officer is also its supplier and the switcher is on the supplier
  const returnPage = withCouncil(`/returns/${params.id}`, membership.organisationId);
  if (result.notSaved) {
    return redirectWithFlash(returnPage, {
      kind: "error",
      message: `This return has already been ${result.status === "ACCEPTED" ? "accepted" : "queried"}, with comments different from yours, so your review was not sent. The review made is in the history below.`,
    });
  }
  const message = result.unchanged
    ? `This return was already ${result.status === "ACCEPTED" ? "accepted" : "queried"}`
    : result.status === "ACCEPTED"
      ? "Return accepted. Its figures now count towards the contract's progress."
      : "Return queried. The supplier has been asked to amend it.";
  return redirectWithFlash(returnPage, { kind: "success", message });
}

export default function ReviewReturn() {
  const { page, councilId, ownSupplier } = useLoaderData<typeof loader>();
  // a submitted return this officer may accept or query: not one their own company sent
  const reviewable = page.status === "SUBMITTED" && !ownSupplier;
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<ReviewValue>({
    id: "review-form",
    lastResult,
    defaultValue: { lineComments: page.lines.map((l) => ({ commitmentId: l.commitmentId, comment: "" })) },
  });
  // each line's comment as sent, found by its commitment, so it stays against its line whatever the order
  const sentComments = new Map(
    fields.lineComments.getFieldList().map((entry) => {
      const f = entry.getFieldset();
      return [String(f.commitmentId.initialValue ?? ""), f.comment] as const;
    }),
  );
  // sent again after a query: what changed since the version queried, to review the amendment
  const amended = page.history.findLast((h) => h.toStatus === "SUBMITTED")?.changes ?? null;
  return (
    <>
      <BackLink to={withCouncil("/returns", councilId)}>Quarterly returns</BackLink>
      <PageHeading
        caption={`${page.contract.supplierName}: ${page.contract.title} (${page.contract.reference})`}
      >
        Review the {page.period} return
      </PageHeading>
      <SummaryList
        rows={[
          { key: "Supplier", value: page.contract.supplierName },
          { key: "Period", value: `${formatDate(page.periodStart)} to ${formatDate(page.periodEnd)}` },
          { key: "Due by", value: formatDate(page.dueDate) },
          {
            key: "Status",
            value: (
              <ReturnStatusTag
                status={page.status}
                overdue={page.overdue}
                late={page.daysSubmittedLate !== null}
                notOwed={page.notOwed}
              />
            ),
          },
          ...(page.submittedAt
            ? [
                {
                  key: "Submitted",
                  value: `${formatDateTime(page.submittedAt)} by ${page.submittedBy ?? "a former user"}, with the declaration that it relates only to this contract and period`,
                },
              ]
            : []),
          ...submittedLateRow(page),
        ]}
      />
      {page.status !== "SUBMITTED" ? (
        <Notice
          title={page.accepted ? "This return has been accepted" : "This return is not waiting for review"}
        >
          {page.accepted ? <p className="mb-2">{acceptedBy(page.accepted)}.</p> : null}
          Only a submitted return can be accepted or queried.{" "}
          <Link to={withCouncil(`/returns/${page.id}`, councilId)}>View the return</Link>
        </Notice>
      ) : null}
      {page.status === "SUBMITTED" && ownSupplier ? (
        <Notice title="Another officer must review this return">
          <p>{ownSupplier}</p>
        </Notice>
      ) : null}
      {page.status === "SUBMITTED" && amended ? (
        <section aria-labelledby="amended-heading" className="mb-10 max-w-4xl">
          <h2 id="amended-heading" className="mb-2 text-2xl font-bold">
            What the supplier changed after the query
          </h2>
          <p className="mb-4">Compared with the version that was queried.</p>
          <ReturnChanges changes={amended} caption="Changed in this resubmission" reader="COUNCIL" />
        </section>
      ) : null}
      <Form method="post" {...getFormProps(form)} noValidate className="max-w-3xl">
        <ErrorSummary
          errors={form.allErrors}
          order={[
            ...page.lines.map((_, index) => `${fields.lineComments.name}[${index}].comment`),
            fields.comment.name,
          ]}
        />
        {page.lines.map((line, index) => {
          const sent = sentComments.get(line.commitmentId);
          return (
            <section
              key={line.commitmentId}
              aria-labelledby={`line-${line.commitmentId}-heading`}
              className="mb-10 border-t-2 border-line pt-6"
            >
              <ReturnLineHeading line={line} level={2} />
              {/* a resubmission keeps the last query's comments until this review replaces them */}
              {line.queryComment ? (
                <p className="mb-2 whitespace-pre-line border-l-4 border-error pl-3">
                  <strong>{page.status === "SUBMITTED" ? "Queried last time:" : "Query:"}</strong>{" "}
                  {line.queryComment}
                </p>
              ) : null}
              <ReturnLineAnswer line={line} reader="COUNCIL" />
              {reviewable ? (
                <>
                  <input
                    type="hidden"
                    name={`${fields.lineComments.name}[${index}].commitmentId`}
                    value={line.commitmentId}
                  />
                  <Textarea
                    name={`${fields.lineComments.name}[${index}].comment`}
                    key={sent?.key ?? line.commitmentId}
                    // not "(optional)": accepting refuses it, and querying needs it or another comment
                    label={`Query about ${line.measureName}`}
                    hint={`Only if you query the return: leave it blank to accept. A query needs a comment against at least one line or an overall comment. The supplier sees this against the line. Up to ${LINE_QUERY_MAX.toLocaleString("en-GB")} characters.`}
                    rows={3}
                    defaultValue={sent?.initialValue as string | undefined}
                    errors={sent?.errors}
                  />
                </>
              ) : null}
            </section>
          );
        })}
        {reviewable ? (
          <>
            <input type="hidden" name={fields.submittedAt.name} value={page.submittedAt ?? ""} />
            <Textarea
              name={fields.comment.name}
              key={fields.comment.key}
              label="Overall comment"
              hint={`Required if you query the return, unless you have written a query against a line. Optional when accepting: the supplier sees it with the accepted return. Up to ${REVIEW_COMMENT_MAX.toLocaleString("en-GB")} characters.`}
              rows={4}
              defaultValue={fields.comment.initialValue as string | undefined}
              errors={fields.comment.errors}
            />
            <div className="flex flex-wrap gap-4">
              <Button name="intent" value="accept">
                Accept return
              </Button>
              <Button name="intent" value="query" variant="warning">
                Query return
              </Button>
            </div>
          </>
        ) : null}
      </Form>
      <div className="mt-10">
        <ProgressTable rows={page.lines} caption="Delivered against commitments to date" />
        <ReturnHistory items={page.history} reader="COUNCIL" />
      </div>
    </>
  );
}
