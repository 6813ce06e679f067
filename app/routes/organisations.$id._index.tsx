import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/ui/form-for.tsx";
import { notFound, requireUser } from "~/auth/permissions.server.ts";
import { consumeAttempt, waitMessage } from "~/auth/rate-limit.server.ts";
import { requestContext } from "~/auth/request-context.server.ts";
import { recentlyAudited } from "~/domain/audit/audit.server.ts";
import { BUSINESS_SIZE_LABEL } from "~/domain/accounts/business-size.ts";
import {
  changeRole,
  inviteMember,
  leadRoleFor,
  leaveOrganisation,
  organisationForMember,
  removeMember,
  revokeInvitation,
  setPartnershipAccess,
  setSurveyAccess,
} from "~/domain/accounts/members.server.ts";
import {
  KIND_LABEL,
  MEMBER_ROLES_BY_KIND,
  membersActionSchema,
  ROLE_LABEL,
  STATUS_LABEL,
} from "~/domain/accounts/schemas.ts";
import { surveyAccessSchema } from "~/domain/survey/schemas.ts";
import { Notice, PageHeading, SummaryList, Table, Tag, type SummaryRow } from "~/ui/components.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { Button, ErrorSummary, Radios, TextInput, type FieldErrors } from "~/ui/form.tsx";
import { formatDate } from "~/ui/format.ts";
import { readForm } from "~/server/read-form.server.ts";

const actionSchema = z.discriminatedUnion("intent", [...membersActionSchema.options, surveyAccessSchema]);

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.organisation.name ?? "Organisation"} – Social Value Marketplace` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  const page = await organisationForMember(params.id!, viewer.user.id);
  if (!page) notFound();
  const { organisation, myRole, canManage } = page;
  return json({
    organisation: {
      ...organisation,
      memberships: organisation.memberships.map((m) => ({
        id: m.id,
        role: m.role,
        partnershipWide: m.partnershipWide,
        surveyAccess: organisation.kind === "COUNCIL" && m.surveyAccess,
        isMe: m.userId === viewer.user.id,
        name: m.user.name,
        email: m.user.email,
      })),
      invitations: canManage ? organisation.invitations : [],
    },
    myRole,
    canManage,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  const organisationId = params.id!;
  const form = await readForm(request);
  // Members only: a partner council reached through a partnership-wide membership is not one's own to manage.
  const mine = viewer.memberships.find((m) => m.organisationId === organisationId && !m.viaCouncil);
  if (!mine) {
    // "Leave" sent twice: the second finds this person no longer a member because they left moments ago
    if (form.get("intent") === "leave" && (await leftMomentsAgo(viewer.user.id, organisationId)))
      return redirectWithFlash("/account", { kind: "success", message: LEFT });
    notFound();
  }
  const submission = parseWithZod(form, { schema: actionSchema });
  if (submission.status !== "success") return json(placed(submission.reply()), { status: 400 });
  const context = requestContext(request);
  const input = submission.value;
  const actor = viewer.user.id;
  // the organisation's allowance is spent by those who may invite: a member's attempt is refused below
  if (input.intent === "invite" && mine.role === leadRoleFor(mine.kind)) {
    const limit = await consumeAttempt("invitation", { ip: context.ip, account: `org:${organisationId}` });
    if (!limit.ok)
      return json(submission.reply({ formErrors: [waitMessage(limit.retryAfterSeconds)] }), { status: 429 });
  }
  const result = await (() => {
    switch (input.intent) {
      case "invite":
        return inviteMember(organisationId, actor, input, context);
      case "change-role":
        return changeRole(organisationId, actor, input, context);
      case "remove":
        return removeMember(organisationId, actor, input.membershipId, context);
      case "revoke-invitation":
        return revokeInvitation(organisationId, actor, input.invitationId, context);
      case "partnership-access":
        return setPartnershipAccess(organisationId, actor, input, context);
      case "survey-access":
        return setSurveyAccess(organisationId, actor, input, context);
      case "leave":
        return leaveOrganisation(organisationId, actor, context);
    }
  })();
  const destination = input.intent === "leave" ? "/account" : `/organisations/${organisationId}`;
  if (!result.ok) {
    const repeat = await doneMomentsAgo(input, actor, organisationId);
    if (!repeat) return json(placed(submission.reply({ fieldErrors: result.fieldErrors })), { status: 400 });
    return redirectWithFlash(destination, { kind: "success", message: repeat });
  }
  return redirectWithFlash(destination, { kind: "success", message: result.message });
}

// The forms of a member's row (their role, their access, removing them) and "Leave" share the page with the
// invitation form: each error is keyed to the field or button it concerns (`role-<membership id>`,
// `remove-<membership id>`, `leave`…), so the page shows it next to that row or button and the error summary links
// there, never under the invitation form's own "Role". What concerns no row on the page (a member gone meanwhile)
// stays the form's.
// the id of a row's field (its role select) or button, which its error is keyed to
const rowFieldId = (name: string, membershipId: string) => `${name}-${membershipId}`;

const ROW_INTENTS = new Set(["change-role", "remove", "partnership-access", "survey-access"]);

function placed(reply: SubmissionResult<string[]>): SubmissionResult<string[]> {
  const sent = reply.initialValue ?? {};
  const intent = typeof sent.intent === "string" ? sent.intent : null;
  const membershipId = typeof sent.membershipId === "string" ? sent.membershipId : null;
  if (!reply.error || !intent) return reply;
  const keyFor = (name: string) => {
    if (intent === "leave") return "leave";
    if (!ROW_INTENTS.has(intent) || !membershipId) return name;
    if (name === "role") return rowFieldId("role", membershipId);
    if (name === "member" || name === "access") return rowFieldId(intent, membershipId);
    return name === "membershipId" ? "form" : name;
  };
  const error: Record<string, string[] | null> = {};
  for (const [name, messages] of Object.entries(reply.error)) {
    const key = keyFor(name);
    error[key] = [...(error[key] ?? []), ...(messages ?? [])];
  }
  return { ...reply, error };
}

// "Remove", "Cancel invitation" or "Leave" sent twice (a double click, the form sent again after a slow answer): the
// second finds the member gone or the invitation ended because this person did it moments ago, so it gets the
// first's answer instead of an error (decision 024). The message, or null when it is no repeat.
async function doneMomentsAgo(
  input: z.infer<typeof actionSchema>,
  actorUserId: string,
  organisationId: string,
) {
  if (input.intent === "remove")
    return (await recentlyAudited({ actorUserId, action: "membership.remove", entityId: input.membershipId }))
      ? "Member removed"
      : null;
  if (input.intent === "revoke-invitation")
    return (await recentlyAudited({
      actorUserId,
      action: "membership.invitation_revoke",
      entityId: input.invitationId,
    }))
      ? "Invitation cancelled"
      : null;
  if (input.intent === "leave") return (await leftMomentsAgo(actorUserId, organisationId)) ? LEFT : null;
  return null;
}

const LEFT = "You have left the organisation";

function leftMomentsAgo(actorUserId: string, organisationId: string) {
  return recentlyAudited({ actorUserId, action: "membership.leave", organisationId });
}

export default function OrganisationPage() {
  const { organisation, myRole, canManage } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const sent = lastResult?.initialValue ?? {};
  // only the invitation form's own answer fills it in: another form's role must not land in its "Role"
  const [form, fields] = useForm({
    id: "invite",
    lastResult: sent.intent === "invite" ? lastResult : undefined,
  });
  const errors: Record<string, FieldErrors> = {};
  for (const [name, messages] of Object.entries(lastResult?.error ?? {}))
    errors[name] = messages ?? undefined;
  // the role chosen for a member whose change was refused, shown again in their row
  const keptRole = (membershipId: string) =>
    sent.intent === "change-role" && sent.membershipId === membershipId && typeof sent.role === "string"
      ? sent.role
      : null;
  const roles = MEMBER_ROLES_BY_KIND[organisation.kind];
  const details: SummaryRow[] = [
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
  ];
  if (organisation.council) details.push({ key: "Council", value: organisation.council.name });
  if (organisation.partnership) details.push({ key: "Partnership", value: organisation.partnership.name });
  if (organisation.kind === "VCSE") {
    details.push({ key: "Charity or company number", value: organisation.charityNumber ?? "Not registered" });
    details.push({ key: "Area served", value: organisation.areaServed ?? "" });
    details.push({ key: "What it does", value: organisation.description ?? "" });
  }
  if (organisation.kind === "SUPPLIER") {
    details.push({ key: "Companies House number", value: organisation.companyNumber ?? "" });
    details.push({ key: "Registered postcode", value: organisation.registeredPostcode ?? "" });
    details.push({ key: "Staff", value: String(organisation.staffHeadcount ?? "") });
    details.push({
      key: "Business size",
      value: organisation.businessSize ? BUSINESS_SIZE_LABEL[organisation.businessSize] : "Not known",
    });
  }
  return (
    <>
      <PageHeading caption={`Your role: ${ROLE_LABEL[myRole]}`}>{organisation.name}</PageHeading>
      <ErrorSummary errors={errors} />
      {organisation.status === "PENDING" ? (
        <Notice title="Waiting for the council to verify this organisation">
          {organisation.kind === "VCSE"
            ? "You can draft requests now. They are published once the council has verified you."
            : "You can look at requests now. You can pledge once the council has verified you."}
        </Notice>
      ) : null}
      {organisation.status === "REJECTED" ? (
        <Notice kind="error" title="The council did not verify this organisation">
          {organisation.rejectionReason}
        </Notice>
      ) : null}
      <SummaryList rows={details} />

      <h2 className="mb-4 text-2xl font-bold">Members</h2>
      {organisation.partnership ? (
        <p className="mb-4 max-w-3xl">
          A member who works for every partner council in {organisation.partnership.name} uses one sign-in to
          act as an officer for each of them, choosing which council they are working for. Each council still
          sees only its own records, and each council&apos;s own admins keep its settings, members and survey
          access.
        </p>
      ) : null}
      <Table
        caption={<span className="sr-only">Members of {organisation.name}</span>}
        rows={organisation.memberships}
        rowKey={(m) => m.id}
        columns={[
          { header: "Name", rowHeader: true, cell: (m) => (m.isMe ? `${m.name} (you)` : m.name) },
          { header: "Email", cell: (m) => m.email },
          {
            header: "Role",
            cell: (m) =>
              canManage ? (
                <Form
                  method="post"
                  className={`flex flex-wrap items-center gap-2 ${errors[rowFieldId("role", m.id)] ? "border-l-4 border-error pl-2" : ""}`}
                >
                  <RowError id={rowFieldId("role", m.id)} errors={errors[rowFieldId("role", m.id)]} />
                  <input type="hidden" name="membershipId" value={m.id} />
                  <label htmlFor={rowFieldId("role", m.id)} className="sr-only">
                    Role for {m.name}
                  </label>
                  <select
                    id={rowFieldId("role", m.id)}
                    key={keptRole(m.id) ?? m.role}
                    name="role"
                    defaultValue={keptRole(m.id) ?? m.role}
                    {...invalid(rowFieldId("role", m.id), errors)}
                    className="border-2 border-ink bg-white px-2 py-1 aria-[invalid=true]:border-error"
                  >
                    {roles.map((role) => (
                      <option key={role} value={role}>
                        {ROLE_LABEL[role]}
                      </option>
                    ))}
                  </select>
                  <button type="submit" name="intent" value="change-role" className="underline">
                    Change role<span className="sr-only"> for {m.name}</span>
                  </button>
                </Form>
              ) : (
                ROLE_LABEL[m.role]
              ),
          },
          ...(organisation.partnership
            ? [
                {
                  header: "Partner councils",
                  cell: (m: (typeof organisation.memberships)[number]) => (
                    <>
                      {m.partnershipWide ? "Works for every partner council" : "This council only"}
                      {canManage ? (
                        <Form method="post">
                          <RowError
                            id={rowFieldId("partnership-access", m.id)}
                            errors={errors[rowFieldId("partnership-access", m.id)]}
                          />
                          <input type="hidden" name="membershipId" value={m.id} />
                          <input type="hidden" name="access" value={m.partnershipWide ? "revoke" : "grant"} />
                          <button
                            type="submit"
                            id={rowFieldId("partnership-access", m.id)}
                            name="intent"
                            value="partnership-access"
                            {...describedBy(rowFieldId("partnership-access", m.id), errors)}
                            className="underline"
                          >
                            {m.partnershipWide ? "Limit to this council" : "Let them work for every partner"}
                            <span className="sr-only"> ({m.name})</span>
                          </button>
                        </Form>
                      ) : null}
                    </>
                  ),
                },
              ]
            : []),
          ...(organisation.kind === "COUNCIL"
            ? [
                {
                  header: "Survey access",
                  cell: (m: (typeof organisation.memberships)[number]) => (
                    <>
                      {m.surveyAccess ? "Runs the supplier survey" : "No survey access"}
                      {canManage ? (
                        <Form method="post">
                          <RowError
                            id={rowFieldId("survey-access", m.id)}
                            errors={errors[rowFieldId("survey-access", m.id)]}
                          />
                          <input type="hidden" name="membershipId" value={m.id} />
                          <input type="hidden" name="access" value={m.surveyAccess ? "revoke" : "grant"} />
                          <button
                            type="submit"
                            id={rowFieldId("survey-access", m.id)}
                            name="intent"
                            value="survey-access"
                            {...describedBy(rowFieldId("survey-access", m.id), errors)}
                            className="underline"
                          >
                            {m.surveyAccess ? "Remove survey access" : "Give survey access"}
                            <span className="sr-only"> ({m.name})</span>
                          </button>
                        </Form>
                      ) : null}
                    </>
                  ),
                },
              ]
            : []),
          {
            header: <span className="sr-only">Actions</span>,
            cell: (m) =>
              canManage && !m.isMe ? (
                <Form method="post">
                  <RowError id={rowFieldId("remove", m.id)} errors={errors[rowFieldId("remove", m.id)]} />
                  <input type="hidden" name="membershipId" value={m.id} />
                  <button
                    type="submit"
                    id={rowFieldId("remove", m.id)}
                    name="intent"
                    value="remove"
                    {...describedBy(rowFieldId("remove", m.id), errors)}
                    className="text-error underline"
                  >
                    Remove<span className="sr-only"> {m.name}</span>
                  </button>
                </Form>
              ) : null,
          },
        ]}
      />

      {canManage ? (
        <>
          <h2 className="mb-4 text-2xl font-bold">Invitations waiting</h2>
          <Table
            caption={<span className="sr-only">Invitations waiting</span>}
            rows={organisation.invitations}
            rowKey={(i) => i.id}
            empty="No invitations are waiting."
            columns={[
              { header: "Email", rowHeader: true, cell: (i) => i.email },
              { header: "Role", cell: (i) => ROLE_LABEL[i.role] },
              { header: "Expires", cell: (i) => formatDate(i.expiresAt) },
              {
                header: <span className="sr-only">Actions</span>,
                cell: (i) => (
                  <Form method="post">
                    <input type="hidden" name="invitationId" value={i.id} />
                    <button type="submit" name="intent" value="revoke-invitation" className="underline">
                      Cancel invitation<span className="sr-only"> to {i.email}</span>
                    </button>
                  </Form>
                ),
              },
            ]}
          />
          <h2 className="mb-4 text-2xl font-bold">Invite a colleague</h2>
          <Form method="post" {...getFormProps(form)} noValidate className="mb-10 max-w-2xl">
            <TextInput
              name={fields.email.name}
              key={fields.email.key}
              defaultValue={fields.email.initialValue as string | undefined}
              label="Their email address"
              hint="We will email them a link that works for 7 days"
              errors={fields.email.errors}
              type="email"
              spellCheck={false}
            />
            <Radios
              name={fields.role.name}
              key={fields.role.key}
              defaultValue={(fields.role.initialValue as string | undefined) ?? roles[roles.length - 1]}
              legend="Role"
              errors={fields.role.errors}
              inline
              options={roles.map((role) => ({ value: role, label: ROLE_LABEL[role] }))}
            />
            <Button name="intent" value="invite">
              Send invitation
            </Button>
          </Form>
        </>
      ) : null}

      <h2 className="mb-4 text-2xl font-bold">Leave this organisation</h2>
      <Form method="post">
        <p className="mb-4">You will no longer be able to act for {organisation.name}.</p>
        <RowError id="leave" errors={errors.leave} />
        <Button id="leave" name="intent" value="leave" variant="warning" {...describedBy("leave", errors)}>
          Leave {organisation.name}
        </Button>
      </Form>
    </>
  );
}

// An error next to the row's field or button it concerns, as the form fields show theirs (app/ui/form.tsx).
function RowError({ id, errors }: { id: string; errors?: FieldErrors }) {
  if (!errors?.length) return null;
  return (
    <p id={`${id}-error`} className="mb-1 basis-full font-bold text-error">
      <span className="sr-only">Error: </span>
      {errors[0]}
    </p>
  );
}

// The select of a refused role is marked invalid; a button (not a field) is only described by its error.
function invalid(id: string, errors: Record<string, FieldErrors>) {
  return errors[id]?.length ? { "aria-invalid": true, "aria-describedby": `${id}-error` } : {};
}

function describedBy(id: string, errors: Record<string, FieldErrors>) {
  return errors[id]?.length ? { "aria-describedby": `${id}-error` } : {};
}
