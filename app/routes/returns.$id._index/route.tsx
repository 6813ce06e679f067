// One quarterly return. The supplier fills it in (figures, notes, evidence), saves drafts and submits it;
// the council sees it read-only with a link to review it. Both see progress and history.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { ReturnFormValue } from "~/domain/reporting/returns-schema.ts";
import { parseForm } from "~/server/parse-form.server.ts";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/ui/form-for.tsx";
import { useState } from "react";
import { actingMembership, notFound, requireViewer, type Viewer } from "~/auth/permissions.server.ts";
import { clientIp } from "~/auth/request-context.server.ts";
import { takesWholeNumbers } from "~/domain/contracts/quantities.ts";
import { ACCEPT_ATTRIBUTE } from "~/domain/reporting/returns-evidence.ts";
import {
  getReturnPage,
  returnLineSpecs,
  type ReturnAccess,
} from "~/domain/reporting/returns-queries.server.ts";
import { isEditableBySupplier, UNIT_LABELS } from "~/domain/reporting/returns-rules.ts";
import {
  alignedToCommitments,
  COMMITMENTS_CHANGED,
  returnFigureForForm,
  FORM_OUT_OF_DATE,
  QUERIED_SINCE_OPENED,
  queriedSinceShown,
  returnFormSchema,
  reviewShownValue,
  withoutFarEntries,
} from "~/domain/reporting/returns-schema.ts";
import {
  addEvidence,
  removeEvidence,
  saveReturn,
  type EvidenceResult,
} from "~/domain/reporting/returns.server.ts";
import { withCouncil } from "~/ui/charts/record-links.ts";
import { BackLink, Notice, PageHeading, SummaryList } from "~/ui/components.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { Button, Checkbox, ErrorSummary, FileInput, Textarea, TextInput } from "~/ui/form.tsx";
import { formatDate, formatDateTime } from "~/ui/format.ts";
import {
  acceptedBy,
  ReturnLineHeading,
  ContractLink,
  formatBytes,
  LinkedPledges,
  ProgressTable,
  ReturnHistory,
  ReturnLineAnswer,
  ReturnStatusTag,
  submittedLateRow,
  type ReturnLineView,
} from "~/ui/returns.tsx";
import { discardUploads, readReturnForm } from "./read-form.server.ts";
import { readCommand } from "./command.ts";
import { actsForLoaded } from "~/ui/acting-for.ts";

// the header shows the organisation the return is read for (its loader's actingFor): the council the address names,
// else the return's council for its officers or its supplier for the supplier, whatever the switcher is on
// (app/ui/acting-for.ts, decision 027)
export const handle = actsForLoaded("actingFor");

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${data.page.period} return: ${data.page.contract.reference} – Social Value Marketplace`
      : "Return – Social Value Marketplace",
  },
];

// The organisations the viewer could be looking at this return for: the one they act as first.
function accessCandidates(
  viewer: Viewer,
  request: Request,
  kinds: ("SUPPLIER" | "COUNCIL")[],
): ReturnAccess[] {
  const acting = actingMembership(viewer, request, { kinds });
  const all = viewer.memberships.filter(
    (m) => (m.kind === "SUPPLIER" || m.kind === "COUNCIL") && kinds.includes(m.kind),
  );
  const ordered = acting ? [acting, ...all.filter((m) => m.organisationId !== acting.organisationId)] : all;
  return ordered.map((m) => ({ kind: m.kind as ReturnAccess["kind"], organisationId: m.organisationId }));
}

// A council's list names its council in the links to its returns (`council=<id>`): someone who is also the return's
// supplier sees it as that council's, whichever organisation the switcher is on. Only that council's members, and
// only a return of that council: anyone else, a stale link included, gets 404 rather than another organisation's view.
function namedCouncil(viewer: Viewer, councilId: string): ReturnAccess[] {
  return viewer.memberships
    .filter((m) => m.kind === "COUNCIL" && m.organisationId === councilId)
    .map((m) => ({ kind: "COUNCIL", organisationId: m.organisationId }));
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const now = new Date();
  const named = new URL(request.url).searchParams.get("council");
  const candidates = named
    ? namedCouncil(viewer, named)
    : accessCandidates(viewer, request, ["SUPPLIER", "COUNCIL"]);
  for (const access of candidates) {
    const page = await getReturnPage(params.id!, access, now);
    // the council's back link names the council acted for, as its links to the list do (decision 027)
    if (page)
      return json({
        view: access.kind,
        actingFor: access.organisationId,
        councilId: access.kind === "COUNCIL" ? access.organisationId : null,
        page,
      });
  }
  notFound();
}

type LinesReply = { reply: SubmissionResult<string[]> };

/** The form field of a line's evidence file. */
const evidenceField = (index: number) => `lines[${index}].evidence`;

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const returnId = params.id!;
  let found: { access: ReturnAccess; specs: Awaited<ReturnType<typeof returnLineSpecs>> } | null = null;
  for (const access of accessCandidates(viewer, request, ["SUPPLIER"])) {
    const specs = await returnLineSpecs(returnId, access);
    if (specs) {
      found = { access, specs };
      break;
    }
  }
  if (!found?.specs) notFound();
  const { access, specs } = found;
  const actor = { actorUserId: viewer.user.id, ipAddress: clientIp(request) };
  // Files are read even for a return no longer editable: one chosen in another tab after the return was submitted
  // there is refused below with the reason (the same file sent twice, a double click, is found attached already).
  const fileFields = new Map(specs.specs.map((s, i) => [evidenceField(i), s.commitmentId]));
  const { formData, uploads } = await readReturnForm(request, fileFields);
  const command = readCommand(formData.get("intent"));
  // answers sent from a page listing other commitments are shown back against their own commitments, not saved
  const aligned = alignedToCommitments(formData, specs.specs);
  if (
    command?.kind === "upload" &&
    !aligned.changed &&
    !specs.specs.some((s) => s.commitmentId === command.commitmentId)
  ) {
    await discardUploads(uploads);
    notFound();
  }
  // the figures are checked as a draft unless submitting
  const { fields, outOfRange } = withoutFarEntries(aligned.fields, specs.specs.length);
  fields.set("intent", command?.kind === "submit" ? "submit" : "save");
  const submission = parseForm(fields, { schema: returnFormSchema(specs.specs) });
  const refuse = async (options: Parameters<typeof submission.reply>[0], status = 400) => {
    await discardUploads(uploads);
    return json<LinesReply>({ reply: submission.reply(options) }, { status });
  };
  if (!command || outOfRange) return refuse({ formErrors: [FORM_OUT_OF_DATE] });
  if (aligned.changed) return refuse({ formErrors: [COMMITMENTS_CHANGED] });

  // files: each refused one is explained next to its field; a chosen file is never kept from a form that
  // is not saved, and the browser cannot keep it, so the supplier is asked to choose it again
  const fileErrors: Record<string, string[]> = {};
  for (const upload of uploads) {
    if (!upload.outcome.ok) fileErrors[upload.field] = [upload.outcome.message];
  }
  const editable = isEditableBySupplier(specs.status);
  if (
    editable &&
    command.kind === "upload" &&
    !uploads.some((u) => u.commitmentId === command.commitmentId)
  ) {
    const index = specs.specs.findIndex((s) => s.commitmentId === command.commitmentId);
    fileErrors[evidenceField(index)] = ["Select a file to upload"];
  }
  if (submission.status !== "success") {
    for (const upload of uploads) {
      if (upload.outcome.ok) {
        fileErrors[upload.field] = [
          `Choose ${upload.outcome.file.originalName} again: it was not uploaded because of the problems above`,
        ];
      }
    }
    return refuse({ fieldErrors: fileErrors });
  }
  if (Object.keys(fileErrors).length) {
    for (const upload of uploads) {
      if (upload.outcome.ok) {
        fileErrors[upload.field] = [
          `Choose ${upload.outcome.file.originalName} again: nothing was saved because of the problems above`,
        ];
      }
    }
    return refuse({ fieldErrors: fileErrors });
  }
  // checked again as it is saved; here too, so the files of a submit refused for it are not attached
  if (command.kind === "submit" && queriedSinceShown(specs, submission.value.reviewShown)) {
    for (const upload of uploads) {
      if (upload.outcome.ok) {
        fileErrors[upload.field] = [
          `Choose ${upload.outcome.file.originalName} again: nothing was saved because the return was queried`,
        ];
      }
    }
    return refuse({ formErrors: [QUERIED_SINCE_OPENED], fieldErrors: fileErrors }, 409);
  }
  const conflict = (formError: string) =>
    json<LinesReply>({ reply: submission.reply({ formErrors: [formError] }) }, { status: 409 });
  const pending = uploads.filter((u) => u.outcome.ok);
  const stored: string[] = [];
  /** Attaches the chosen files; on a refusal the files not yet attached are discarded. */
  const attachFiles = async (): Promise<EvidenceResult> => {
    while (pending.length) {
      const { commitmentId, outcome } = pending[0];
      if (!outcome.ok) throw new Error("only stored uploads are pending");
      const attached = await addEvidence({
        ...actor,
        returnId,
        supplierOrganisationId: access.organisationId,
        commitmentId,
        file: outcome.file,
      });
      pending.shift(); // attached, or removed from storage by addEvidence
      if (!attached.ok) {
        await discardUploads(pending);
        return attached;
      }
      stored.push(outcome.file.originalName);
    }
    return { ok: true };
  };
  const save = () =>
    saveReturn({
      ...actor,
      returnId,
      supplierOrganisationId: access.organisationId,
      specs: specs.specs,
      value: submission.value,
    });
  // A submit takes the files first (a submitted return takes no more evidence); anything else saves the
  // figures first, so a change refused because the return moved on meanwhile keeps no file.
  const filesFirst = command.kind === "submit" ? await attachFiles() : null;
  if (filesFirst && !filesFirst.ok)
    return "notFound" in filesFirst ? notFound() : conflict(filesFirst.formError);
  const result = await save();
  if (!result.ok) {
    await discardUploads(pending);
    return "notFound" in result ? notFound() : conflict(result.formError);
  }
  const files = await attachFiles();
  if (!files.ok) return "notFound" in files ? notFound() : conflict(files.formError);
  if (command.kind === "remove-evidence") {
    const removed = await removeEvidence({
      ...actor,
      returnId,
      supplierOrganisationId: access.organisationId,
      evidenceId: command.evidenceId,
    });
    if (!removed.ok && !("notFound" in removed)) return conflict(removed.formError);
    // not found: a second click on "Remove" finds it gone (or it was never this return's)
    return redirectWithFlash(`/returns/${returnId}`, {
      kind: "success",
      message: removed.ok
        ? "File removed. Your figures were saved as a draft."
        : "That file had already been removed. Your figures were saved as a draft.",
    });
  }
  if (result.notSaved) {
    return redirectWithFlash(`/returns/${returnId}`, {
      kind: "error",
      message:
        "This return had already been submitted, with answers different from yours, so your changes were not saved. What was sent is shown below.",
    });
  }
  const uploaded = stored.length ? `${stored.join(", ")} uploaded. ` : "";
  const message =
    command.kind === "submit"
      ? result.unchanged
        ? "This return was already submitted"
        : `${uploaded}Return submitted. The council will review it.`
      : command.kind === "upload"
        ? `${uploaded}Your figures were saved as a draft.`
        : `${uploaded}Draft saved. You can come back and finish it later.`;
  const anchor = command.kind === "upload" ? `#line-${command.commitmentId}` : "";
  return redirectWithFlash(`/returns/${returnId}${anchor}`, { kind: "success", message });
}

export default function ReturnPage() {
  const { view, councilId, page } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // a change sent from a page that was out of date (the return moved on meanwhile)
  const staleError =
    page.editable || !actionData ? undefined : Object.values(actionData.reply.error ?? {}).flat()[0];
  return (
    <>
      <BackLink to={councilId ? withCouncil("/returns", councilId) : "/returns"}>Quarterly returns</BackLink>
      <PageHeading caption={`${page.contract.title} (${page.contract.reference})`}>
        {page.period} return
      </PageHeading>
      <SummaryList
        rows={[
          {
            key: "Contract",
            value: (
              <ContractLink
                id={page.contract.id}
                title={page.contract.title}
                reference={page.contract.reference}
              />
            ),
          },
          {
            key: view === "SUPPLIER" ? "Council" : "Supplier",
            value: view === "SUPPLIER" ? page.contract.councilName : page.contract.supplierName,
          },
          { key: "Period", value: `${formatDate(page.periodStart)} to ${formatDate(page.periodEnd)}` },
          { key: "Due by", value: formatDate(page.dueDate) },
          ...(view === "SUPPLIER"
            ? [
                {
                  key: "Contract manager",
                  value:
                    page.contract.managerName === null
                      ? "Not assigned yet"
                      : page.contract.managerHasLeft
                        ? `${page.contract.managerName} (no longer works for the council)`
                        : page.contract.managerName,
                },
              ]
            : []),
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
                  value: `${formatDateTime(page.submittedAt)} by ${page.submittedBy ?? "a former user"}`,
                },
              ]
            : []),
          ...submittedLateRow(page),
        ]}
      />
      {view === "SUPPLIER" ? <SupplierStatusNotice /> : null}
      {page.status === "QUERIED" && view === "SUPPLIER" ? (
        <Notice kind="error" title="The council has queried this return">
          {page.reviewedAt ? (
            <p className="mb-2">
              Queried by {page.reviewedBy ?? "a former user"} on {formatDate(page.reviewedAt)}
              {page.reviewComment ? ":" : "."}
            </p>
          ) : null}
          {page.reviewComment ? <p className="mb-2 whitespace-pre-line">{page.reviewComment}</p> : null}
          <p>
            {page.lines.some((l) => l.queryComment)
              ? "Read the comments against each commitment below, amend the return and submit it again."
              : "Amend the return below and submit it again."}
          </p>
        </Notice>
      ) : null}
      {page.status === "QUERIED" && view === "COUNCIL" ? (
        <Notice title="This return has been queried">
          {page.reviewComment ? <p className="mb-2 whitespace-pre-line">{page.reviewComment}</p> : null}
          <p>The supplier has been asked to amend it and submit it again.</p>
        </Notice>
      ) : null}
      {page.accepted && view === "COUNCIL" ? (
        <Notice kind="success" title="This return has been accepted">
          <p>{acceptedBy(page.accepted)}.</p>
        </Notice>
      ) : null}
      {view === "COUNCIL" && page.status === "SUBMITTED" ? (
        <p className="mb-8">
          <Link to={`/returns/${page.id}/review`} className="font-bold">
            Review this return
          </Link>
        </p>
      ) : null}
      {staleError ? (
        <Notice kind="error" title="Your changes were not saved">
          {staleError}
        </Notice>
      ) : null}
      {page.editable ? <ReturnForm /> : <ReadOnlyLines lines={page.lines} council={view === "COUNCIL"} />}
      <ProgressTable rows={page.lines} caption="Delivered against commitments to date" />
      <p className="mb-8 max-w-3xl text-sm text-muted">
        Delivered to date counts accepted returns and confirmed marketplace pledges, each once. Plan to date
        covers the quarters that have ended. Green is at least 90% of plan to date, amber at least 60%.
      </p>
      <ReturnHistory items={page.history} reader={view} />
    </>
  );
}

// What a return's state means for the supplier and what, if anything, they need to do next.
function SupplierStatusNotice() {
  const { page } = useLoaderData<typeof loader>();
  // one who has left the council will not review it: the council's admins are told instead (decision 023)
  const manager =
    page.contract.managerName === null || page.contract.managerHasLeft
      ? "the council"
      : page.contract.managerName;
  if (page.notOwed === "OUTSIDE_TERM")
    return (
      <Notice title="This quarter is no longer owed">
        <p>
          The contract&apos;s term, as it now stands, does not cover this quarter: it runs from{" "}
          {formatDate(page.contract.startDate)} to {formatDate(page.contract.endDate)}. This return is no
          longer owed and you will not be chased for it. You may still amend it and submit it again.
        </p>
      </Notice>
    );
  if (page.notOwed) return null;
  if (page.overdue && page.status !== "QUERIED")
    return (
      <Notice kind="error" title="This return is overdue">
        <p>This return was due on {formatDate(page.dueDate)}. Submit it as soon as you can.</p>
      </Notice>
    );
  if (page.status === "SUBMITTED")
    return (
      <Notice title="Submitted">
        <p>
          Waiting for {manager} to review it. You cannot change it now; if they query it, you can amend it and
          submit it again.
        </p>
      </Notice>
    );
  if (page.status === "ACCEPTED")
    return (
      <Notice kind="success" title="Accepted">
        <p>{page.accepted ? `${acceptedBy(page.accepted)}. ` : ""}Nothing more is needed for this quarter.</p>
        {/* the contract manager's comment may say what they want next quarter: shown here, not only in the history */}
        {page.reviewComment ? (
          <p className="mt-2 whitespace-pre-line">
            <strong>Their comment:</strong> {page.reviewComment}
          </p>
        ) : null}
      </Notice>
    );
  return null;
}

// The council sees what the supplier sent (see getReturnPage), never a draft they are still writing.
function ReadOnlyLines({ lines, council }: { lines: ReturnLineView[]; council: boolean }) {
  const { page } = useLoaderData<typeof loader>();
  const notSent = council && (page.status === "NOT_STARTED" || page.status === "DRAFT");
  return (
    <section aria-labelledby="answers-heading" className="mb-8">
      <h2 id="answers-heading" className="mb-4 text-2xl font-bold">
        What was reported
      </h2>
      {notSent ? (
        <p className="mb-4 max-w-3xl">
          Nothing yet: the supplier has not submitted this return. Their answers show here once they do.
        </p>
      ) : null}
      {council && page.status === "QUERIED" ? (
        <p className="mb-4 max-w-3xl">
          As submitted before it was queried. The supplier is amending it: the new version shows here once
          they submit it again.
        </p>
      ) : null}
      {(notSent ? [] : lines).map((line) => (
        <section
          key={line.commitmentId}
          aria-labelledby={`line-${line.commitmentId}-heading`}
          className="mb-6"
        >
          <ReturnLineHeading line={line} level={3} />
          {/* a resubmission keeps the last query's comments until the next review replaces them */}
          {line.queryComment ? (
            <p className="mb-2 whitespace-pre-line border-l-4 border-error pl-3">
              <strong>{page.status === "QUERIED" ? "Query:" : "Queried last time:"}</strong>{" "}
              {line.queryComment}
            </p>
          ) : null}
          <ReturnLineAnswer line={line} reader={council ? "COUNCIL" : "SUPPLIER"} />
        </section>
      ))}
    </section>
  );
}

function ReturnForm() {
  const { page } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<ReturnFormValue>({
    id: "return-form",
    lastResult: actionData?.reply,
    defaultValue: {
      lines: page.lines.map((l) => ({
        commitmentId: l.commitmentId,
        quantity: returnFigureForForm(l.quantity, l.unit),
        narrative: l.narrative ?? "",
        note: l.note ?? "",
        evidenceUrl: l.evidenceUrl ?? "",
      })),
    },
  });
  const lineFields = fields.lines.getFieldList();
  // A chosen file goes with whichever button is pressed next, so once an answer comes back the file fields
  // are emptied, as a page load empties them without JavaScript: a stored file is listed above its field, a
  // refused one is asked for again.
  const [answered, setAnswered] = useState({ actionData, page, count: 0 });
  if (answered.actionData !== actionData || answered.page !== page) {
    setAnswered({ actionData, page, count: answered.count + 1 });
  }
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      {...getFormProps(form)}
      noValidate
      className="max-w-3xl"
    >
      {/* inside its form, so a file too large to send is refused here before sending (app/ui/form-for.tsx) and the
          figures typed are kept: a summary outside any form shows only the server's answers, and the server's
          refusal of a body over its limit is an error page in the form's place */}
      <ErrorSummary
        errors={form.allErrors}
        order={[
          ...page.lines.flatMap((_, index) =>
            ["quantity", "narrative", "note", "evidenceUrl", "evidence"].map((f) => `lines[${index}].${f}`),
          ),
          fields.declaration.name,
        ]}
      />
      {/* pressing Enter in a field submits, as the visible "Submit return" would (not "Remove" or "Upload") */}
      <button type="submit" name="intent" value="submit" className="sr-only" tabIndex={-1} aria-hidden="true">
        Submit return
      </button>
      <input type="hidden" name="reviewShown" value={reviewShownValue(page.reviewedAt)} />
      <p className="mb-6">
        For each commitment, enter what you delivered in this quarter. Save a draft at any time and come back
        to it; submit when it is complete.
      </p>
      {page.lines.map((line, index) => {
        const f = lineFields[index].getFieldset();
        const unitWord = UNIT_LABELS[line.unit];
        return (
          <section
            key={line.commitmentId}
            id={`line-${line.commitmentId}`}
            aria-labelledby={`line-${line.commitmentId}-heading`}
            className="mb-10 border-t-2 border-line pt-6"
          >
            <ReturnLineHeading line={line} level={2} />
            {line.queryComment ? (
              <Notice kind="error" title={`Query from ${page.reviewedBy ?? "the council"}`} headingLevel={3}>
                <p className="whitespace-pre-line">{line.queryComment}</p>
              </Notice>
            ) : null}
            <input type="hidden" name={f.commitmentId.name} value={line.commitmentId} />
            {line.unit === "QUALITATIVE" ? (
              <Textarea
                name={f.narrative.name}
                key={f.narrative.key}
                label={
                  <>
                    What did you deliver this quarter?<span className="sr-only"> ({line.measureName})</span>
                  </>
                }
                hint="Describe what happened, who benefited and what changed."
                defaultValue={f.narrative.initialValue as string | undefined}
                errors={f.narrative.errors}
              />
            ) : (
              <>
                <LinkedPledges
                  pledges={line.pledges}
                  awaiting={line.awaitingConfirmation}
                  total={line.pledgeTotal}
                  unit={line.unit}
                />
                <TextInput
                  name={f.quantity.name}
                  key={f.quantity.key}
                  label={
                    <>
                      Amount delivered this quarter{unitWord ? ` (${unitWord})` : ""}
                      <span className="sr-only">, {line.measureName}</span>
                    </>
                  }
                  hint={
                    line.unit === "PERCENT"
                      ? "A percentage from 0 to 100, for example 95"
                      : `${takesWholeNumbers(line.unit) ? "A whole number. " : ""}${
                          line.pledges.length || line.awaitingConfirmation.length
                            ? "Only what you delivered outside the marketplace pledges listed above, confirmed or awaiting confirmation: those count once confirmed. Enter 0 if nothing else."
                            : "Enter 0 if nothing was delivered."
                        }`
                  }
                  inputMode={takesWholeNumbers(line.unit) ? "numeric" : "decimal"}
                  width="10"
                  defaultValue={f.quantity.initialValue as string | undefined}
                  errors={f.quantity.errors}
                />
              </>
            )}
            <Textarea
              name={f.note.name}
              key={f.note.key}
              label={
                <>
                  Note<span className="sr-only"> on {line.measureName}</span> (optional)
                </>
              }
              hint={`Anything your contract manager should know about this ${line.unit === "QUALITATIVE" ? "answer" : "figure"}.`}
              rows={3}
              defaultValue={f.note.initialValue as string | undefined}
              errors={f.note.errors}
            />
            <TextInput
              name={f.evidenceUrl.name}
              key={f.evidenceUrl.key}
              label={
                <>
                  Link to evidence<span className="sr-only"> for {line.measureName}</span> (optional)
                </>
              }
              hint="For example a page on your website or a shared document"
              type="url"
              spellCheck={false}
              defaultValue={f.evidenceUrl.initialValue as string | undefined}
              errors={f.evidenceUrl.errors}
            />
            <EvidenceFiles
              key={answered.count}
              line={line}
              name={evidenceField(index)}
              errors={form.allErrors[evidenceField(index)]}
            />
          </section>
        );
      })}
      <Checkbox
        name={fields.declaration.name}
        key={fields.declaration.key}
        label="I confirm this return relates only to this contract and this period"
        hint="Needed to submit. Each delivery can be reported once, on one contract."
        errors={fields.declaration.errors}
        defaultChecked={fields.declaration.initialValue === "on"}
      />
      <div className="flex flex-wrap gap-4">
        <Button name="intent" value="submit">
          Submit return
        </Button>
        <Button name="intent" value="save" variant="secondary">
          Save draft
        </Button>
      </div>
    </Form>
  );
}

function EvidenceFiles({ line, name, errors }: { line: ReturnLineView; name: string; errors?: string[] }) {
  return (
    <div className="mb-4 bg-gray-50 p-4">
      <h3 className="mb-2 text-lg font-bold">Evidence files</h3>
      {line.evidence.length ? (
        <ul className="mb-4 space-y-2">
          {line.evidence.map((file) => (
            <li key={file.id} className="flex flex-wrap items-center gap-4">
              <a href={`/evidence/${file.id}`}>{file.originalName}</a>
              <span className="text-sm text-muted">{formatBytes(file.sizeBytes)}</span>
              <button type="submit" name="intent" value={`remove-evidence:${file.id}`} className="underline">
                Remove<span className="sr-only"> {file.originalName}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mb-4 text-muted">No files uploaded.</p>
      )}
      <FileInput
        name={name}
        label={`Upload a file for ${line.measureName}`}
        hint="PDF, PNG, JPEG, CSV or Excel (.xlsx), smaller than 10 MB. Uploading also saves your answers as a draft."
        accept={ACCEPT_ATTRIBUTE}
        errors={errors}
      />
      <Button type="submit" name="intent" value={`upload:${line.commitmentId}`} variant="secondary">
        Upload file<span className="sr-only"> for {line.measureName}</span>
      </Button>
    </div>
  );
}
