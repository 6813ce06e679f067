// An organisation's own page for its members: its details, its members and their roles and access, the
// invitations waiting, inviting a colleague and leaving. Only whoever manages it sees the forms changing members.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/ui/form-for.tsx";
import { notFound, requireUser } from "~/auth/permissions.server.ts";
import { consumeAttempt, waitMessage } from "~/auth/rate-limit.server.ts";
import { requestContext } from "~/auth/request-context.server.ts";
import { leadRoleFor, organisationForMember } from "~/domain/accounts/members.server.ts";
import { ROLE_LABEL } from "~/domain/accounts/schemas.ts";
import { PageHeading } from "~/ui/components.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { Button, ErrorSummary } from "~/ui/form.tsx";
import { parseForm } from "~/server/parse-form.server.ts";
import { readForm } from "~/server/read-form.server.ts";
import { actionSchema, carryOut, doneMomentsAgo, LEFT, leftMomentsAgo } from "./intents.server.ts";
import { InvitationsDeclined, InvitationsWaiting, InviteForm } from "./invitations.tsx";
import { MembersTable, PartnerStaff } from "./members-table.tsx";
import { OrganisationDetails } from "./organisation-details.tsx";
import { describedBy, placed, RowError, type RowErrors } from "./row-errors.tsx";
import { actsForLoaded } from "~/ui/acting-for.ts";

// the header shows this organisation's (its loader's actingFor), which the page is about whatever the switcher is on
// (app/ui/acting-for.ts, decision 027)
export const handle = actsForLoaded("actingFor");

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `${data?.confirmRemove ? `Remove ${data.confirmRemove.name} from ` : ""}${data?.organisation.name ?? "Organisation"} – Social Value Marketplace`,
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  const page = await organisationForMember(params.id!, viewer.user.id);
  if (!page) notFound();
  const { organisation, myRole, canManage, declined, partnerStaff } = page;
  // "Remove" beside a member asks first (?remove=<membership id>): a member gone, or oneself, shows the page
  const removing = canManage ? new URL(request.url).searchParams.get("remove") : null;
  const toRemove = organisation.memberships.find((m) => m.id === removing && m.userId !== viewer.user.id);
  return json({
    actingFor: organisation.id,
    confirmRemove: toRemove ? { id: toRemove.id, name: toRemove.user.name } : null,
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
      declined,
    },
    partnerStaff,
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
  const submission = parseForm(form, { schema: actionSchema });
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
  const result = await carryOut(input, organisationId, actor, context);
  const destination = input.intent === "leave" ? "/account" : `/organisations/${organisationId}`;
  if (!result.ok) {
    const repeat = await doneMomentsAgo(input, actor, organisationId);
    if (!repeat) return json(placed(submission.reply({ fieldErrors: result.fieldErrors })), { status: 400 });
    return redirectWithFlash(destination, { kind: "success", message: repeat });
  }
  return redirectWithFlash(destination, { kind: "success", message: result.message });
}

export default function OrganisationPage() {
  const { organisation, partnerStaff, myRole, canManage, confirmRemove } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  if (confirmRemove) return <ConfirmRemove member={confirmRemove} organisation={organisation} />;
  const sent = lastResult?.initialValue ?? {};
  const errors: RowErrors = {};
  for (const [name, messages] of Object.entries(lastResult?.error ?? {}))
    errors[name] = messages ?? undefined;
  const keptRole = (membershipId: string) =>
    sent.intent === "change-role" && sent.membershipId === membershipId && typeof sent.role === "string"
      ? sent.role
      : null;
  return (
    <>
      <PageHeading caption={`Your role: ${ROLE_LABEL[myRole]}`}>{organisation.name}</PageHeading>
      <ErrorSummary errors={errors} />
      <OrganisationDetails organisation={organisation} />

      <h2 className="mb-4 text-2xl font-bold">Members</h2>
      {organisation.partnership ? (
        <p className="mb-4 max-w-3xl">
          A member who works for every partner council in {organisation.partnership.name} uses one sign-in to
          act as an officer for each of them, choosing which council they are working for. Each council still
          sees only its own records, and each council&apos;s own admins keep its settings, members and survey
          access.
        </p>
      ) : null}
      <MembersTable organisation={organisation} canManage={canManage} errors={errors} keptRole={keptRole} />
      {organisation.kind === "COUNCIL" && organisation.partnership ? (
        <PartnerStaff
          council={organisation.name}
          partnership={organisation.partnership.name}
          staff={partnerStaff}
        />
      ) : null}

      {canManage ? (
        <>
          <h2 className="mb-4 text-2xl font-bold">Invitations waiting</h2>
          <InvitationsWaiting invitations={organisation.invitations} />
          {organisation.declined.length ? (
            <>
              <h2 className="mb-4 text-2xl font-bold">Invitations declined</h2>
              <InvitationsDeclined invitations={organisation.declined} />
            </>
          ) : null}
          <h2 className="mb-4 text-2xl font-bold">Invite a colleague</h2>
          <InviteForm kind={organisation.kind} lastResult={lastResult} />
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

      {canManage && organisation.kind !== "COUNCIL" ? (
        <>
          <h2 className="mt-10 mb-4 text-2xl font-bold">Delete this organisation</h2>
          <p className="mb-4">
            If {organisation.name} was registered by mistake, you may be able to delete it.
          </p>
          <p>
            <Link to={`/organisations/${organisation.id}/delete`}>Delete {organisation.name}</Link>
          </p>
        </>
      ) : null}
    </>
  );
}

// Removing a member asks first, on its own page: the answer is sent to the organisation page itself, so a refusal
// (the last owner) shows beside that member's "Remove" there, and a repeat gets the first's answer.
function ConfirmRemove({
  member,
  organisation,
}: {
  member: { id: string; name: string };
  organisation: { id: string; name: string };
}) {
  const page = `/organisations/${organisation.id}`;
  return (
    <div className="max-w-2xl">
      <PageHeading>
        Remove {member.name} from {organisation.name}?
      </PageHeading>
      <p className="mb-4">
        They will no longer be able to sign in as a member of {organisation.name} or act for it. Invitations
        they sent that are still waiting are cancelled.
      </p>
      <p className="mb-4">
        What they wrote for {organisation.name} stays, with their name on it. You can invite them again later.
      </p>
      <Form method="post" action={`${page}?index`}>
        <input type="hidden" name="membershipId" value={member.id} />
        <div className="flex flex-wrap items-center gap-4">
          <Button name="intent" value="remove" variant="warning">
            Yes, remove
          </Button>
          <Link to={page}>Cancel</Link>
        </div>
      </Form>
    </div>
  );
}
