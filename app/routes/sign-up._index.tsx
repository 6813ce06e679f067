import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/ui/form-for.tsx";
import { CHECK_EMAIL_PATH, rememberSentTo } from "~/auth/check-email-cookie.server.ts";
import { getViewer } from "~/auth/permissions.server.ts";
import { consumeAttempt, consumePasswordScore, waitMessage } from "~/auth/rate-limit.server.ts";
import { pageOfThisSite, requestContext } from "~/auth/request-context.server.ts";
import { createSession, endSessionOfRequest, sessionCookie } from "~/auth/session.server.ts";
import { findOpenInvitation } from "~/domain/accounts/members.server.ts";
import { NEW_PASSWORD_HINT } from "~/domain/accounts/labels.ts";
import { registeringOnTheWay } from "~/domain/accounts/registering-journey.ts";
import { parseForm, signUpSchema, signUpSchemaUnscored } from "~/domain/accounts/public-forms.server.ts";
import { signUp, signUpWithInvitation } from "~/domain/accounts/users.server.ts";
import { InsetText, Notice, PageHeading } from "~/ui/page-parts.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { useServerForm } from "~/ui/server-form.ts";
import { Button, ErrorSummary, Radios, TextInput } from "~/ui/form.tsx";
import { readForm } from "~/server/read-form.server.ts";

export const meta: MetaFunction = () => [{ title: "Create an account – Social Value Marketplace" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getViewer(request)) throw redirect("/account");
  const search = new URL(request.url).searchParams;
  const token = search.get("invitation") ?? "";
  const invitation = token ? await findOpenInvitation(token) : null;
  return json({
    invitation: invitation
      ? { token, email: invitation.email, organisation: invitation.organisation.name }
      : null,
    // from an invitation's "Create an account and join" that has ended since: said, not silently dropped
    invitationEnded: Boolean(token) && !invitation,
    // from "Create an account" on the way to a page (a survey invitation): carried to the confirmation link
    redirectTo: token ? null : pageOfThisSite(search.get("redirectTo")),
    // on the way there, an organisation to register first (a survey invitation's business)
    registering: token ? null : registeringOnTheWay(pageOfThisSite(search.get("redirectTo"))),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const context = requestContext(request);
  // counted before the password is scored, which costs the server's one thread (decision 051)
  const scoring = await consumePasswordScore({ ip: context.ip });
  const submission = parseForm(await readForm(request), {
    schema: scoring.ok ? signUpSchema : signUpSchemaUnscored,
  });
  const hideFields = ["password"];
  if (!scoring.ok)
    return json(submission.reply({ formErrors: [waitMessage(scoring.retryAfterSeconds)], hideFields }), {
      status: 429,
    });
  if (submission.status !== "success") return json(submission.reply({ hideFields }), { status: 400 });
  const { invitation, redirectTo: wanted, ...input } = submission.value;
  const limit = await consumeAttempt("sign-up", { ip: context.ip, account: input.email });
  if (!limit.ok)
    return json(submission.reply({ formErrors: [waitMessage(limit.retryAfterSeconds)], hideFields }), {
      status: 429,
    });
  if (invitation) {
    const result = await signUpWithInvitation(input, invitation, context);
    if (!result.ok)
      return json(submission.reply({ fieldErrors: result.fieldErrors, hideFields }), { status: 400 });
    // the cookie is replaced: whoever was signed in here before (a form left open in a tab) is signed out for good
    await endSessionOfRequest(request);
    const session = await createSession(result.userId, context.userAgent);
    return redirectWithFlash(
      `/organisations/${result.organisationId}`,
      { kind: "success", message: "Your account is ready and you have joined the organisation" },
      { headers: { "Set-Cookie": sessionCookie(session.token, session.expiresAt) } },
    );
  }
  const redirectTo = pageOfThisSite(wanted) ?? undefined;
  await signUp({ ...input, redirectTo }, context);
  // The same answer whether or not the address already had an account (no account enumeration).
  // "join" comes only from a page shown before joining was explained as by invitation: no organisation to register
  const then = input.organisationKind === "join" ? "" : (input.organisationKind ?? "");
  const query = new URLSearchParams();
  if (then) query.set("then", then);
  if (redirectTo) query.set("redirectTo", redirectTo);
  // the address goes in a short-lived cookie, not the web address (browser history, server logs)
  return redirect(`${CHECK_EMAIL_PATH}${query.size ? `?${query}` : ""}`, {
    headers: { "Set-Cookie": await rememberSentTo(input.email) },
  });
}

export default function SignUp() {
  const { invitation, invitationEnded, redirectTo, registering } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  // checked on the server only: a public page's browser code leaves Conform and zod out (decision 019)
  const [form, fields] = useServerForm(
    lastResult,
    invitation ? { email: invitation.email, invitation: invitation.token } : undefined,
  );
  return (
    <div className="max-w-2xl">
      <PageHeading>Create an account</PageHeading>
      {invitationEnded ? (
        <Notice title="Your invitation has ended">
          It has expired, was cancelled or was already used. Creating an account here does not add you to the
          organisation: ask whoever invited you to invite you again. If you have already joined it,{" "}
          <Link to="/sign-in">sign in</Link>.
        </Notice>
      ) : null}
      {invitation ? (
        <p className="mb-6">
          Create an account to join <strong>{invitation.organisation}</strong>.
        </p>
      ) : (
        <>
          {redirectTo && registering ? (
            <p className="mb-6">
              Create your account and confirm your email address. When you sign in, we will take you to
              registering {registering}, then back to where you were going.
            </p>
          ) : redirectTo ? (
            <p className="mb-6">
              Create your account and confirm your email address. When you sign in, we will take you back to
              where you were going.
            </p>
          ) : (
            <p className="mb-6">
              Create your account, confirm your email address, then register your organisation: the council
              verifies it before you can publish requests or pledge.
            </p>
          )}
          <InsetText>
            <h2 className="mb-2 text-lg font-bold">Joining an organisation that is already registered?</h2>
            <p className="mb-2">
              You need an invitation, not an account of your own first. Ask its owner (at a council, one of
              its admins) to invite you from the organisation&apos;s page on this site.
            </p>
            <p>
              The email they send you has a link that creates your account and adds you to the organisation.
              If you already have an account, sign in from that link to accept.
            </p>
          </InsetText>
        </>
      )}
      <Form method="post" noValidate>
        <ErrorSummary errors={form.allErrors} />
        {invitation ? <input type="hidden" name="invitation" value={invitation.token} /> : null}
        {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
        <TextInput
          name={fields.name.name}
          key={fields.name.key}
          defaultValue={fields.name.initialValue}
          label="Full name"
          errors={fields.name.errors}
          autoComplete="name"
          spellCheck={false}
        />
        <TextInput
          name={fields.email.name}
          key={fields.email.key}
          defaultValue={fields.email.initialValue}
          label="Email address"
          hint="We will send you a link to confirm it"
          errors={fields.email.errors}
          type="email"
          autoComplete="email"
          spellCheck={false}
        />
        <TextInput
          name={fields.password.name}
          key={fields.password.key}
          label="Password"
          hint={NEW_PASSWORD_HINT}
          errors={fields.password.errors}
          type="password"
          autoComplete="new-password"
        />
        {/* on the way to a page, confirming leads back there, not to registering an organisation */}
        {invitation || redirectTo ? null : (
          <Radios
            name={fields.organisationKind.name}
            key={fields.organisationKind.key}
            defaultValue={fields.organisationKind.initialValue}
            legend="What are you signing up for? (optional)"
            hint="After you confirm your email address we will take you to the right form"
            errors={fields.organisationKind.errors}
            options={[
              { value: "vcse", label: "To register a charity, community group or social enterprise" },
              { value: "supplier", label: "To register a business that supplies the council" },
            ]}
          />
        )}
        <Button>Create account</Button>
      </Form>
      <p className="mt-8">
        Already have an account?{" "}
        {/* from an invitation: back to it once signed in, to accept it, as the invitation page's own link does */}
        <Link
          to={
            invitation
              ? `/sign-in?redirectTo=${encodeURIComponent(`/invitations/${invitation.token}`)}`
              : redirectTo
                ? `/sign-in?redirectTo=${encodeURIComponent(redirectTo)}`
                : "/sign-in"
          }
        >
          Sign in
        </Link>
      </p>
    </div>
  );
}
