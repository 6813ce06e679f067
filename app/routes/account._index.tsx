import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/ui/form-for.tsx";
import { requireUser } from "~/auth/permissions.server.ts";
import { consumeAttempt, waitMessage } from "~/auth/rate-limit.server.ts";
import { requestContext } from "~/auth/request-context.server.ts";
import { clearSessionCookie } from "~/auth/session.server.ts";
import {
  cancelEmailChange,
  pendingEmailChange,
  resendEmailChangeLink,
} from "~/domain/accounts/email-change.server.ts";
import { accountPageSchema } from "~/domain/accounts/schemas.ts";
import { signOutEverywhere } from "~/domain/accounts/users.server.ts";
import { FORM_NOT_RECOGNISED } from "~/domain/form-intent.ts";
import { MembershipsTable } from "~/ui/memberships.tsx";
import { PageHeading, SummaryList, Tag, type SummaryRow } from "~/ui/components.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { Button, ErrorSummary } from "~/ui/form.tsx";
import { formatDateTime } from "~/ui/format.ts";
import { parseForm } from "~/server/parse-form.server.ts";
import { readForm } from "~/server/read-form.server.ts";

export const meta: MetaFunction = () => [{ title: "Your account – Social Value Marketplace" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  return json({
    user: {
      name: viewer.user.name,
      email: viewer.user.email,
      verified: Boolean(viewer.user.emailVerifiedAt),
    },
    // a change asked for and not yet confirmed (an expired one is over: nothing is waiting)
    emailChange: await pendingEmailChange(viewer.user.id),
    memberships: viewer.memberships,
  });
}

const NOTHING_WAITING =
  "No change of email address is waiting to be confirmed: its link expired, or it was confirmed or cancelled. " +
  "To change your email address, start again.";

// Every form here acts on the signed-in person's own account, so none carries a record's id.
export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  const submission = parseForm(await readForm(request), { schema: accountPageSchema });
  if (submission.status !== "success") return json({ error: FORM_NOT_RECOGNISED }, { status: 400 });
  const context = requestContext(request);
  const { intent } = submission.value;

  if (intent === "sign-out-everywhere") {
    await signOutEverywhere(viewer.user.id, context);
    return redirectWithFlash(
      "/sign-in",
      { kind: "success", message: "You have been signed out on every device" },
      { headers: { "Set-Cookie": clearSessionCookie() } },
    );
  }

  if (intent === "cancel-email-change") {
    const cancelled = await cancelEmailChange(viewer.user.id, context);
    return redirectWithFlash(
      "/account",
      cancelled === "cancelled"
        ? {
            kind: "success",
            message: `The change of email address is cancelled: its link no longer works. Your email address is still ${viewer.user.email}.`,
          }
        : { kind: "info", message: NOTHING_WAITING },
    );
  }

  // sending the link again emails an address the person typed: counted as asking for it was (account.email.tsx)
  const limit = await consumeAttempt("email-change", { ip: context.ip, account: viewer.user.id });
  if (!limit.ok)
    return json({ error: waitMessage(limit.retryAfterSeconds), sendingAgain: true }, { status: 429 });
  const resent = await resendEmailChangeLink(viewer.user.id, context);
  if (!resent) return redirectWithFlash("/account", { kind: "info", message: NOTHING_WAITING });
  return redirectWithFlash("/account", {
    kind: "success",
    message: resent.sentMomentsAgo
      ? `A link for ${resent.newEmail} was sent moments ago, so no new one was sent: an email can take a few minutes to arrive.`
      : `If ${resent.newEmail} is not used by another account, we have sent it a new link. The link sent before no longer works.`,
  });
}

export default function Account() {
  const { user, emailChange, memberships } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const rows: SummaryRow[] = [
    { key: "Name", value: user.name, action: { to: "/account/name", label: "Change", hidden: "name" } },
    {
      key: "Email address",
      value: (
        <>
          {user.email}{" "}
          {user.verified ? null : (
            <>
              <Tag colour="yellow">Not confirmed</Tag> <Link to="/verify-email">Confirm it</Link>
            </>
          )}
        </>
      ),
      action: { to: "/account/email", label: "Change", hidden: "email address" },
    },
  ];
  if (emailChange)
    rows.push({
      key: "New email address",
      value: (
        <WaitingEmailChange
          {...emailChange}
          email={user.email}
          error={refused && "sendingAgain" in refused ? refused.error : undefined}
        />
      ),
    });
  return (
    <>
      <PageHeading>Your account</PageHeading>
      {/* the only refusals: a link asked for again too often, or a hand-made form */}
      {refused?.error ? <ErrorSummary errors={{ "": [refused.error] }} /> : null}
      <SummaryList
        rows={[
          ...rows,
          {
            key: "Password",
            value: "••••••••••••",
            action: { to: "/account/password", label: "Change", hidden: "password" },
          },
        ]}
      />
      <h2 className="mb-4 text-2xl font-bold">Your organisations</h2>
      <MembershipsTable memberships={memberships} />
      <p className="mb-10">
        <Link to="/organisations/new">Register an organisation</Link>
      </p>
      <h2 className="mb-4 text-2xl font-bold">Security and your data</h2>
      <Form method="post" className="mb-6">
        <p className="mb-4">If you signed in on a shared or lost device, sign out everywhere.</p>
        <Button variant="secondary" name="intent" value="sign-out-everywhere">
          Sign out of every device
        </Button>
      </Form>
      <ul className="space-y-2">
        <li>
          <a href="/account/data">Download your data (JSON)</a>
        </li>
        <li>
          <Link to="/account/delete">Delete your account</Link>
        </li>
      </ul>
    </>
  );
}

// A change of address asked for and not yet confirmed, with what the person can do about it (GOV.UK: say what
// happens next, and until when). Its link is sent nowhere when another account uses the address; the page says so
// in general, never of this address.
function WaitingEmailChange({
  newEmail,
  sentAt,
  expiresAt,
  email,
  error,
}: {
  newEmail: string;
  sentAt: string;
  expiresAt: string;
  email: string;
  error?: string;
}) {
  return (
    <>
      <p className="mb-2">
        {newEmail} <Tag colour="yellow">Waiting for confirmation</Tag>
      </p>
      <p className="mb-2">
        Link sent on {formatDateTime(sentAt)}. It works until {formatDateTime(expiresAt)}. Until it is opened,
        your email address stays {email}.
      </p>
      <p className="mb-4 text-muted">
        No email? Check the address above and your spam folder. An address that another account already uses
        is sent no link, only an email saying that it has an account already.
      </p>
      {error ? (
        <p className="mb-2 font-bold text-error">
          <span className="sr-only">Error: </span>
          {error}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-4">
        <Form method="post">
          <Button variant="secondary" name="intent" value="resend-email-change">
            Send the link again
          </Button>
        </Form>
        <Form method="post">
          <Button variant="secondary" name="intent" value="cancel-email-change">
            Cancel the change of email address
          </Button>
        </Form>
      </div>
    </>
  );
}
