import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/ui/form-for.tsx";
import { getViewer, requireUser } from "~/auth/permissions.server.ts";
import { organisationCookie } from "~/auth/organisation-cookie.server.ts";
import { requestContext } from "~/auth/request-context.server.ts";
import {
  acceptInvitation,
  declinedByInvitee,
  declineInvitation,
  findOpenInvitation,
  INVITATION_ENDED,
  type InvitedFrom,
  isInvitee,
  joinedByInvitation,
} from "~/domain/accounts/members.server.ts";
import { KIND_LABEL, ROLE_LABEL } from "~/domain/accounts/labels.ts";
import { Notice, PageHeading } from "~/ui/page-parts.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { Button } from "~/ui/form-fields.tsx";
import { readForm } from "~/server/read-form.server.ts";

export const meta: MetaFunction = () => [{ title: "Join an organisation – Social Value Marketplace" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token!;
  const invitation = await findOpenInvitation(token);
  const viewer = await getViewer(request);
  if (!invitation) {
    const joined = viewer ? await joinedByInvitation(token, viewer.user) : null;
    const declined = viewer && !joined ? await declinedByInvitee(token, viewer.user) : null;
    return json({
      invitation: null,
      joined: joined?.organisation ?? null,
      declined,
      signedInAs: viewer?.user.email ?? null,
      forAnotherAddress: false,
      token,
    });
  }
  return json({
    invitation: {
      organisation: invitation.organisation.name,
      kind: invitation.organisation.kind,
      role: invitation.role,
      email: invitation.email,
      // to an organisation with no leads of its own, a platform admin or its council's admin invites, and sees a decline
      from: invitation.from,
    },
    joined: null,
    declined: null,
    signedInAs: viewer?.user.email ?? null,
    // signed in with another address: accepting or declining would be refused, so the page says what to do first
    forAnotherAddress: Boolean(viewer && !isInvitee(invitation, viewer.user)),
    token,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token!;
  // Declining needs no account: whoever holds the emailed link may say no to it, unless signed in as someone else.
  // The page then says it was declined to the invitee signed in; anyone else opening the link sees only that it has
  // ended, so someone who declined signed out is told once, by the flash (and again only for a double click: a
  // decline sent again later is answered as for a cancelled invitation, declineInvitation).
  // "Accept invitation" has no fields to read: a request sent with no form at all still accepts
  const intent = request.body ? (await readForm(request)).get("intent") : null;
  if (intent === "decline") {
    const viewer = await getViewer(request);
    const declined = await declineInvitation(token, viewer?.user ?? null, requestContext(request));
    if (!declined.ok)
      return declined.reason === "other-email"
        ? json(
            {
              error:
                "This invitation was sent to a different email address. Sign out to decline it, or sign in with that address.",
            },
            { status: 403 },
          )
        : json({ error: INVITATION_ENDED }, { status: 400 });
    const here = `/invitations/${encodeURIComponent(token)}`;
    return viewer
      ? redirect(here, 303)
      : redirectWithFlash(here, { kind: "success", message: DECLINED }, { status: 303 });
  }
  const viewer = await requireUser(request);
  const result = await acceptInvitation(params.token!, viewer.user, requestContext(request));
  if (!result.ok)
    // as a decline sent by someone else is refused: it is not theirs to accept
    return result.reason === "other-email"
      ? json(
          {
            error:
              "This invitation was sent to a different email address. Sign out, then sign in with that address to accept it.",
          },
          { status: 403 },
        )
      : json({ error: INVITATION_ENDED }, { status: 400 });
  return redirectWithFlash(
    `/organisations/${result.organisationId}`,
    { kind: "success", message: "You have joined the organisation" },
    { headers: { "Set-Cookie": organisationCookie(result.organisationId) } },
  );
}

// names neither the organisation nor the address: the answer to a decline sent signed out, by whoever holds the link
const DECLINED = "You have declined the invitation. Its link no longer works.";

export default function Invitation() {
  const { invitation, joined, declined, signedInAs, forAnotherAddress, token } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const here = `/invitations/${encodeURIComponent(token)}`;
  if (joined)
    return (
      <div className="max-w-2xl">
        <PageHeading>You have already joined {joined.name}</PageHeading>
        <p>
          You accepted this invitation. <Link to={`/organisations/${joined.id}`}>Go to {joined.name}</Link>
        </p>
      </div>
    );
  if (declined)
    return (
      <div className="max-w-2xl">
        <PageHeading>You have declined this invitation</PageHeading>
        <p className="mb-4">You said no to joining {declined.name}. This link no longer works.</p>
        <p>If you change your mind, ask {whoInvites(declined.from, declined.name)} to invite you again.</p>
      </div>
    );
  if (!invitation)
    return (
      <div className="max-w-2xl">
        <PageHeading>This invitation has ended</PageHeading>
        <p className="mb-4">
          It has expired, was cancelled or was already used. Ask whoever invited you to invite you again.
        </p>
        {signedInAs ? null : (
          <p>
            If you have already accepted it,{" "}
            <Link to={`/sign-in?redirectTo=${encodeURIComponent(here)}`}>sign in</Link>.
          </p>
        )}
      </div>
    );
  return (
    <div className="max-w-2xl">
      <PageHeading caption={KIND_LABEL[invitation.kind]}>Join {invitation.organisation}</PageHeading>
      {result?.error ? (
        <Notice kind="error" title="There is a problem">
          {result.error}
        </Notice>
      ) : null}
      <p className="mb-6">
        You have been invited to join as <strong>{ROLE_LABEL[invitation.role].toLowerCase()}</strong>. The
        invitation was sent to {invitation.email}.
      </p>
      {invitation.from.by === "platform" ? (
        <p className="mb-6">
          Nobody has joined {invitation.organisation} yet: a platform admin of the Social Value Marketplace
          invited you to be its first admin. Once you have joined, you can invite your colleagues.
        </p>
      ) : invitation.from.by === "council" ? (
        <p className="mb-6">
          Nobody belongs to {invitation.organisation} at the moment: an admin at {invitation.from.councilName}{" "}
          invited you to be its owner. Once you have joined, you can invite your colleagues.
        </p>
      ) : null}
      {forAnotherAddress ? (
        <Form method="post" action="/sign-out">
          <input type="hidden" name="redirectTo" value={here} />
          <p className="mb-4">
            You are signed in as {signedInAs}, so you cannot accept or decline it here. Sign out, then sign in
            as {invitation.email} (or create an account with that address) to accept it. Once signed out, you
            can also decline it on this page.
          </p>
          <Button variant="secondary">Sign out</Button>
        </Form>
      ) : signedInAs ? (
        <Form method="post">
          <p className="mb-6">You are signed in as {signedInAs}.</p>
          <Button>Accept invitation</Button>
        </Form>
      ) : (
        <ul className="space-y-3">
          <li>
            <Link to={`/sign-up?invitation=${encodeURIComponent(token)}`} className="font-bold">
              Create an account and join
            </Link>
          </li>
          <li>
            <Link to={`/sign-in?redirectTo=${encodeURIComponent(here)}`}>
              I already have an account: sign in
            </Link>
          </li>
        </ul>
      )}
      {forAnotherAddress ? null : (
        <>
          <h2 className="mt-10 mb-4 text-2xl font-bold">If you do not want to join</h2>
          <Form method="post">
            <p className="mb-4">
              {invitation.from.by === "platform"
                ? "The platform admin who invited you will see that you declined."
                : `${invitation.from.by === "council" ? invitation.from.councilName : invitation.organisation} will see that you declined.`}{" "}
              This link will then stop working.
            </p>
            <Button name="intent" value="decline" variant="secondary">
              No, I do not want to join {invitation.organisation}
            </Button>
          </Form>
        </>
      )}
    </div>
  );
}

// Who to ask for a new invitation after declining: whoever can invite to the organisation (InvitedFrom).
function whoInvites(from: InvitedFrom, organisation: string) {
  if (from.by === "platform") return "the platform admin who invited you";
  return `someone at ${from.by === "council" ? from.councilName : organisation}`;
}
