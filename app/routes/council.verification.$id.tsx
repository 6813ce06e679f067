import { getFormProps, useForm } from "@conform-to/react";
import { parseForm } from "~/server/parse-form.server.ts";
import { z } from "zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/ui/form-for.tsx";
import {
  councilIdsOf,
  forbidden,
  notFound,
  refuseOwnCouncil,
  requireViewer,
  type Viewer,
} from "~/auth/permissions.server.ts";
import { pageParam, requestContext } from "~/auth/request-context.server.ts";
import { BALANCE_SHEET_BANDS, BUSINESS_SIZE_LABEL, TURNOVER_BANDS } from "~/domain/accounts/business-size.ts";
import { inviteOwnerOfMemberless } from "~/domain/accounts/members.server.ts";
import {
  decideVerification,
  organisationForVerification,
  sameNameOrNumber,
  verificationQueue,
} from "~/domain/accounts/organisations.server.ts";
import { KIND_LABEL, STATUS_LABEL, verificationDecisionSchema } from "~/domain/accounts/schemas.ts";
import {
  BackLink,
  InsetText,
  PageHeading,
  SummaryList,
  Table,
  Tag,
  type SummaryRow,
} from "~/ui/components.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { Button, ErrorSummary, Textarea, TextInput } from "~/ui/form.tsx";
import { capitalise, formatDate, formatDateTime, formatNumber, listInWords } from "~/ui/format.ts";
import { OrganisationStatusTag } from "~/ui/organisation-status.tsx";
import { readForm } from "~/server/read-form.server.ts";
import { organisationChangesSinceSent } from "~/domain/audit/organisation-changes.server.ts";
import { actsForLoaded } from "~/ui/acting-for.ts";

// the header shows the organisation's council (its loader's councilId), which the page acts for whatever the
// switcher is on (app/ui/acting-for.ts, decision 027)
export const handle = actsForLoaded("councilId");

// names the organisation, so each organisation's page has a title of its own
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Verify an organisation${data ? `: ${data.organisation.name}` : ""} – Social Value Marketplace` },
];

// Councils where the viewer is an officer or admin: a partner council's organisations are not theirs.
function officerCouncilIds(viewer: Viewer) {
  return councilIdsOf(viewer).filter((id) =>
    viewer.memberships.some((m) => m.organisationId === id && (m.role === "OFFICER" || m.role === "ADMIN")),
  );
}

// An officer of any of their councils: the organisation's own council decides, not the header switcher, so a
// decision sent after the switcher's council was lost (it left the partnership) still counts for its council.
async function requireOfficer(request: Request) {
  const viewer = await requireViewer(request);
  if (!officerCouncilIds(viewer).length) notFound();
  return { viewer };
}

// Nobody vouches for an organisation they belong to: another officer of its council decides on it.
const OWN_ORGANISATION =
  "You are a member of this organisation, so another officer of its council must verify or reject it.";
function isMemberOf(viewer: Viewer, organisationId: string) {
  return viewer.memberships.some((m) => m.organisationId === organisationId);
}

// Its owner may change its details while it waits (decision 039): a decision on details the officer was not shown is
// refused, and the page read again shows the new ones.
const CHANGED_SINCE_SHOWN =
  "The organisation changed its details since you opened this page: check them and decide again";

// The version of its details the decision forms were shown (the organisation's updatedAt): absent, not checked;
// present but not a time (an edited form), answered as changed, so the page is read again.
const shownVersion = z.iso.datetime({ precision: 3 }).transform((v) => new Date(v));
function versionShown(formData: FormData): { ok: true; version?: Date } | { ok: false } {
  const sent = formData.get("version");
  if (sent === null || sent === "") return { ok: true };
  const parsed = shownVersion.safeParse(sent);
  return parsed.success ? { ok: true, version: parsed.data } : { ok: false };
}

// Councils where the viewer is an admin: they may give an organisation left with no members a new owner.
function adminCouncilIds(viewer: Viewer) {
  return councilIdsOf(viewer).filter((id) =>
    viewer.memberships.some((m) => m.organisationId === id && m.role === "ADMIN"),
  );
}

// The queue the officer came from, as its links to this page name it (`council=`, `page=`): the council only if they
// verify for it (else the queue would answer 404), the page only past the first. Only ever the queue's own address,
// built from these, whatever was sent.
function queueShown(viewer: Viewer, council: unknown, page: number) {
  return {
    council: typeof council === "string" && officerCouncilIds(viewer).includes(council) ? council : null,
    page,
  };
}
type QueueShown = ReturnType<typeof queueShown>;

function queueSearch({ council, page }: QueueShown) {
  const search = new URLSearchParams();
  if (council) search.set("council", council);
  if (page > 1) search.set("page", String(page));
  const text = search.toString();
  return text ? `?${text}` : "";
}

// Back to that queue after a decision, which took one organisation off it: on the same page, or the last one if
// that page is now past its end. The queue without a council named is the one of the council being worked for,
// which listed this organisation, so its council's queue is counted.
async function queueAfterDecision(shown: QueueShown, organisationCouncilId: string | null) {
  const counted = shown.council ?? organisationCouncilId;
  if (shown.page === 1 || !counted) return `/council/verification${queueSearch(shown)}`;
  const { pageCount } = await verificationQueue([counted], shown.page);
  return `/council/verification${queueSearch({ ...shown, page: Math.min(shown.page, pageCount) })}`;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer } = await requireOfficer(request);
  const shown = queueShown(viewer, new URL(request.url).searchParams.get("council"), pageParam(request));
  const found = await organisationForVerification(params.id!, officerCouncilIds(viewer));
  if (!found) notFound();
  const { _count, invitations, councilId, ...organisation } = found;
  const memberless = _count.memberships === 0;
  return json({
    councilId,
    // the queue it was opened from: the way back, and what the forms carry to lead back there after deciding
    queue: shown,
    queueSearch: queueSearch(shown),
    organisation,
    others: await sameNameOrNumber(found, officerCouncilIds(viewer)),
    memberless,
    invitations: memberless ? invitations : [],
    canInviteOwner: memberless && councilId !== null && adminCouncilIds(viewer).includes(councilId),
    ownOrganisation: isMemberOf(viewer, organisation.id),
    // what its owner changed since it was sent (or sent again after a refusal): the details below are the new ones
    changes: organisation.status === "PENDING" ? await organisationChangesSinceSent(organisation.id) : null,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer } = await requireOfficer(request);
  // may they: only an organisation registered with one of the officer's councils (404 before any validation),
  // and only its council's admins invite someone to take it over
  const organisation = await organisationForVerification(params.id!, officerCouncilIds(viewer));
  if (!organisation) notFound();
  const formData = await readForm(request);
  const adminOf = adminCouncilIds(viewer);
  if (
    formData.get("intent") === "invite-owner" &&
    (organisation.councilId === null || !adminOf.includes(organisation.councilId))
  ) {
    // its council's own officer is told which administrators can do it (decision 043)
    if (organisation.councilId !== null)
      await refuseOwnCouncil(request, organisation.councilId, "invite someone to take over an organisation");
    forbidden("Only an admin of its council can invite someone to take over an organisation.");
  }
  // the queue's council and page are filled in by the page: sent twice with different values, the form is refused
  const submission = parseForm(formData, { schema: verificationDecisionSchema, hidden: ["council", "page"] });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const cameFrom = queueShown(viewer, submission.value.council, submission.value.page);
  if (submission.value.intent === "invite-owner") {
    const invited = await inviteOwnerOfMemberless(
      params.id!,
      adminOf,
      viewer.user.id,
      submission.value.email,
      requestContext(request),
    );
    if (!invited.ok) return json(submission.reply({ fieldErrors: invited.fieldErrors }), { status: 400 });
    return redirectWithFlash(`/council/verification/${params.id}${queueSearch(cameFrom)}`, {
      kind: "success",
      message: invited.message,
    });
  }
  if (isMemberOf(viewer, organisation.id))
    return json(submission.reply({ formErrors: [OWN_ORGANISATION] }), { status: 403 });
  const shown = versionShown(formData);
  const outcome = shown.ok
    ? await decideVerification(
        params.id!,
        officerCouncilIds(viewer),
        viewer.user.id,
        submission.value,
        requestContext(request),
        shown.version,
      )
    : "changed";
  if (outcome === "not-found") notFound();
  if (outcome === "changed")
    return json(submission.reply({ formErrors: [CHANGED_SINCE_SHOWN] }), { status: 409 });
  if (outcome === "already-decided")
    return json(submission.reply({ formErrors: ["Someone has already decided on this organisation"] }), {
      status: 409,
    });
  return redirectWithFlash(await queueAfterDecision(cameFrom, organisation.councilId), {
    kind: "success",
    // which one, and what it may now do, as the queue says what waiting there stops it doing
    message:
      submission.value.intent === "verify"
        ? `Organisation verified: ${organisation.name}. It can now ${organisation.kind === "SUPPLIER" ? "pledge to requests" : "publish requests"}.`
        : `Organisation rejected: ${organisation.name}. It cannot ${organisation.kind === "SUPPLIER" ? "pledge to requests" : "publish requests"}.`,
  });
}

const bandLabel = (bands: readonly { value: string; label: string }[], value: string | null) =>
  bands.find((b) => b.value === value)?.label ?? "Not given";

export default function VerifyOrganisation() {
  const {
    queue,
    queueSearch,
    organisation,
    others,
    memberless,
    invitations,
    canInviteOwner,
    ownOrganisation,
    changes,
  } = useLoaderData<typeof loader>();
  // each form carries the queue it was opened from, so deciding leads back to it
  const queueFields = (
    <>
      {queue.council ? <input type="hidden" name="council" value={queue.council} /> : null}
      {queue.page > 1 ? <input type="hidden" name="page" value={queue.page} /> : null}
    </>
  );
  const lastResult = useActionData<typeof action>();
  // the decision forms and the invitation form answer separately: each shows only its own errors
  const inviting = lastResult?.initialValue?.intent === "invite-owner";
  const [form, fields] = useForm({ id: "decision", lastResult: inviting ? undefined : lastResult });
  const [inviteForm, inviteFields] = useForm({
    id: "invite-owner",
    lastResult: inviting ? lastResult : undefined,
  });
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
      value: organisation.memberships.length
        ? organisation.memberships.map((m) => `${m.user.name} (${m.user.email})`).join("\n")
        : "None",
    },
  ];
  if (organisation.kind === "VCSE")
    rows.push(
      { key: "Charity or company number", value: organisation.charityNumber ?? "Not registered" },
      { key: "Area served", value: organisation.areaServed ?? "" },
      { key: "What it does", value: organisation.description ?? "" },
      { key: "Contact email", value: organisation.contactEmail ?? "Not given" },
    );
  else
    rows.push(
      { key: "Companies House number", value: organisation.companyNumber ?? "" },
      { key: "Registered postcode", value: organisation.registeredPostcode ?? "" },
      {
        key: "Staff",
        value: organisation.staffHeadcount === null ? "" : formatNumber(organisation.staffHeadcount),
      },
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
      <BackLink to={`/council/verification${queueSearch}`}>Back to organisations to verify</BackLink>
      <PageHeading caption={organisation.council?.name}>{organisation.name}</PageHeading>
      <ErrorSummary errors={{ ...form.allErrors, ...inviteForm.allErrors }} />
      {changes?.resubmitted || changes?.changedSince ? (
        <InsetText>
          <h2 className="mb-2 text-xl font-bold">Changed since it was sent</h2>
          {changes.resubmitted ? (
            <p className="mb-2">
              Sent again on {formatDateTime(changes.resubmitted.at)} after the council did not verify it
              {changes.resubmitted.fields.length
                ? `, with changes to: ${listInWords(changes.resubmitted.fields)}.`
                : ", with no changes to its details."}
            </p>
          ) : null}
          {changes.changedSince ? (
            <p className="mb-2">
              Its owner changed {listInWords(changes.changedSince.fields)} while it was waiting, last on{" "}
              {formatDateTime(changes.changedSince.lastAt)}.
            </p>
          ) : null}
          <p>The details below are the ones it has now.</p>
        </InsetText>
      ) : null}
      <SummaryList rows={rows} />
      {others.length ? (
        <section aria-labelledby="same-name-or-number" className="mb-10">
          <h2 id="same-name-or-number" className="mb-4 text-2xl font-bold">
            Other registrations with the same name or number
          </h2>
          <p className="mb-4 max-w-3xl">
            Check whether this is the same organisation registering again, or someone using another
            organisation&apos;s details.
          </p>
          <Table
            caption="Other registrations"
            rows={others}
            rowKey={(o) => o.id}
            columns={[
              {
                header: "Organisation",
                rowHeader: true,
                cell: (o) => <Link to={`/council/verification/${o.id}${queueSearch}`}>{o.name}</Link>,
              },
              {
                header: "What matches",
                cell: (o) =>
                  capitalise(
                    listInWords([
                      ...(o.sameName ? ["name"] : []),
                      ...(o.sameNumber
                        ? [
                            organisation.kind === "SUPPLIER"
                              ? "Companies House number"
                              : "charity or company number",
                          ]
                        : []),
                    ]),
                  ),
              },
              { header: "Status", cell: (o) => <OrganisationStatusTag status={o.status} /> },
              { header: "Registered", cell: (o) => formatDate(o.createdAt) },
              {
                header: "Reason for rejection",
                cell: (o) => (
                  <span className="break-words whitespace-pre-line">{o.rejectionReason ?? ""}</span>
                ),
              },
            ]}
          />
        </section>
      ) : null}
      {memberless ? (
        <section aria-labelledby="no-members" className="mb-10 max-w-3xl">
          <h2 id="no-members" className="mb-4 text-2xl font-bold">
            Nobody can sign in for this organisation
          </h2>
          <p className="mb-4">
            Its last member deleted their account. Its records stay, but nobody can answer for it until
            someone takes it over.
          </p>
          {invitations.length ? (
            <>
              <h3 className="mb-2 text-xl font-bold">Invited to take it over</h3>
              <ul className="mb-4 list-disc pl-6">
                {invitations.map((i) => (
                  <li key={i.email}>
                    {i.email} (the invitation works until {formatDateTime(i.expiresAt)})
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {canInviteOwner ? (
            <Form method="post" {...getFormProps(inviteForm)} noValidate>
              {queueFields}
              <TextInput
                name={inviteFields.email.name}
                key={inviteFields.email.key}
                defaultValue={inviteFields.email.initialValue as string | undefined}
                label="Email address of the person to invite as its owner"
                hint="Confirm with the organisation who should look after it first. They become its owner when they accept, and can then invite colleagues."
                errors={inviteFields.email.errors}
                type="email"
                autoComplete="off"
                spellCheck={false}
              />
              <Button name="intent" value="invite-owner">
                Send invitation
              </Button>
            </Form>
          ) : (
            <InsetText>A council admin can invite someone to take it over.</InsetText>
          )}
        </section>
      ) : null}
      {organisation.status === "PENDING" && ownOrganisation ? (
        <InsetText>{OWN_ORGANISATION}</InsetText>
      ) : null}
      {organisation.status === "PENDING" && !ownOrganisation ? (
        <div className="grid max-w-3xl gap-10">
          <Form method="post">
            <input type="hidden" name="version" value={organisation.updatedAt} />
            {queueFields}
            <h2 className="mb-4 text-2xl font-bold">Verify</h2>
            <p className="mb-4">
              Verify if you have checked the organisation is genuine. Its owners will be emailed.
            </p>
            <Button name="intent" value="verify">
              Verify organisation
            </Button>
          </Form>
          <Form method="post" {...getFormProps(form)} noValidate>
            <input type="hidden" name="version" value={organisation.updatedAt} />
            {queueFields}
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
