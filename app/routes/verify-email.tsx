import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/ui/form-for.tsx";
import { getViewer } from "~/auth/permissions.server.ts";
import { consumeAttempt, waitMessage } from "~/auth/rate-limit.server.ts";
import { pageOfThisSite, requestContext, safeRedirect } from "~/auth/request-context.server.ts";
import { parseForm, verifyEmailSchema } from "~/domain/accounts/public-forms.server.ts";
import { confirmingLeadsTo, registeringKind } from "~/domain/accounts/registering-journey.ts";
import { confirmationLinkStanding } from "~/domain/accounts/tokens.server.ts";
import { resendVerification, verifyEmail } from "~/domain/accounts/users.server.ts";
import { Notice, PageHeading } from "~/ui/page-parts.tsx";
import { EndedLinkNotice } from "~/ui/ended-link.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { Button } from "~/ui/form-fields.tsx";
import { readForm } from "~/server/read-form.server.ts";

export const meta: MetaFunction = () => [{ title: "Confirm your email address – Social Value Marketplace" }];

// The link opens a page with a button, so mail scanners that follow links cannot use the token.
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const token = url.searchParams.get("token");
  // the organisation they said they came to register: one rule for what the link may carry (registering-journey.ts)
  const then = registeringKind(url.searchParams.get("then"));
  // the page they were on their way to when they signed up (a survey invitation): never another site
  const redirectTo = safeRedirect(url.searchParams.get("redirectTo"), "") || null;
  const viewer = await getViewer(request);
  // a link that can no longer confirm anything says so at once, not after its button is pressed (read only: a mail
  // scanner following the link uses nothing)
  // (and whether it was sent for another account than the one signed in here: a shared computer)
  const link = token
    ? await confirmationLinkStanding(token, "EMAIL_VERIFICATION", viewer?.user.id ?? null)
    : null;
  const standing = link?.standing ?? null;
  return json(
    {
      token: standing === "usable" ? token : null,
      standing,
      forAnotherAccount: link?.forAnotherAccount ?? false,
      then,
      redirectTo,
      // after confirming: signing in leads on to where the link led (the page they were going to, or the form)
      onward: confirmingLeadsTo(redirectTo, then),
      signedIn: Boolean(viewer),
      verified: Boolean(viewer?.user.emailVerifiedAt),
      email: viewer?.user.email ?? null,
    },
    { status: standing === "ended" ? 410 : 200 },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const context = requestContext(request);
  const submission = parseForm(await readForm(request), { schema: verifyEmailSchema });
  if (submission.status !== "success") return json({ error: "This link is not valid" }, { status: 400 });
  const viewer = await getViewer(request);
  // A link's token is 256 random bits, so it is not guessed: the limit stops floods from one address, and for a
  // signed-in person (asking for new links) from their account too.
  const limit = await consumeAttempt("verification", { ip: context.ip, account: viewer?.user.id });
  if (!limit.ok) return json({ error: waitMessage(limit.retryAfterSeconds) }, { status: 429 });
  if (submission.value.intent === "resend") {
    // the page they were on their way to: the new link leads there as the first did, and this page keeps it
    const goOnTo = pageOfThisSite(submission.value.redirectTo) ?? undefined;
    const thisPage = goOnTo ? `/verify-email?redirectTo=${encodeURIComponent(goOnTo)}` : "/verify-email";
    if (!viewer) throw redirect(`/sign-in?redirectTo=${encodeURIComponent(thisPage)}`);
    if (!(await resendVerification(viewer.user.id, goOnTo)))
      return redirectWithFlash(goOnTo ?? "/verify-email", {
        kind: "success",
        message: "Your email address is already confirmed",
      });
    return redirectWithFlash(thisPage, {
      kind: "success",
      message: `We have sent a new link to ${viewer.user.email}`,
    });
  }
  const confirmedFor = await verifyEmail(submission.value.token, context);
  if (!confirmedFor)
    return json(
      { error: "This link has expired or has already been used. Sign in and ask for a new one." },
      { status: 400 },
    );
  // Someone else's account is signed in here (a shared computer): not on to registering an organisation in it
  if (viewer && viewer.user.id !== confirmedFor)
    return redirectWithFlash("/account", {
      kind: "info",
      message: `The email address is confirmed. It belongs to a different account from the one you are signed in with (${viewer.user.email}): to use it, sign out, then sign in with the address you confirmed.`,
    });
  const message = { kind: "success", message: "Your email address is confirmed" } as const;
  // On to the page they were on their way to when they signed up, or else to registering the organisation they
  // said they came for (or the choice of kind): the rule the page's own links follow (registering-journey.ts)
  const next =
    confirmingLeadsTo(pageOfThisSite(submission.value.redirectTo), submission.value.then) ??
    "/organisations/new";
  return viewer
    ? redirectWithFlash(next, message)
    : redirectWithFlash(`/sign-in?redirectTo=${encodeURIComponent(next)}`, message);
}

export default function VerifyEmail() {
  const { token, standing, forAnotherAccount, then, redirectTo, onward, signedIn, verified, email } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="max-w-2xl">
      <PageHeading>Confirm your email address</PageHeading>
      {result?.error ? (
        <Notice kind="error" title="There is a problem">
          {result.error}
        </Notice>
      ) : null}
      {forAnotherAccount && email ? (
        <LinkForAnotherAccount
          ended={standing === "ended"}
          onward={onward}
          signedInAs={email}
          verified={verified}
        />
      ) : (
        <>
          {standing === "ended" && !result?.error && !verified ? (
            <EndedLinkNotice>
              {signedIn ? "Ask for a new one below." : "Sign in to get a new one."}
            </EndedLinkNotice>
          ) : null}
          {standing === "done" && !verified ? (
            <>
              <p className="mb-4">This email address is already confirmed.</p>
              <p>
                <Link to={onward ? `/sign-in?redirectTo=${encodeURIComponent(onward)}` : "/sign-in"}>
                  Sign in
                </Link>
              </p>
            </>
          ) : token ? (
            <Form method="post">
              <input type="hidden" name="token" value={token} />
              {then ? <input type="hidden" name="then" value={then} /> : null}
              {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
              <p className="mb-6">
                Confirm that this is your email address to finish setting up your account.
              </p>
              <Button name="intent" value="confirm">
                Confirm email address
              </Button>
            </Form>
          ) : verified ? (
            <>
              <p className="mb-4">Your email address {email} is confirmed.</p>
              {redirectTo ? (
                <p>
                  <Link to={redirectTo}>Carry on where you were going</Link>
                </p>
              ) : null}
            </>
          ) : signedIn ? (
            // the new link leads where this one did: the page they were going to, or the form of the organisation
            // they came to register (as "Check your email" asks for it)
            <Form method="post">
              {onward ? <input type="hidden" name="redirectTo" value={onward} /> : null}
              <p className="mb-4">
                We sent a link to <strong>{email}</strong>. Open it to confirm your address before you
                register an organisation or join one.
              </p>
              <p className="mb-6">If the email has not arrived, check your spam folder or get a new link.</p>
              <Button name="intent" value="resend" variant="secondary">
                Send a new link
              </Button>
            </Form>
          ) : (
            <p>
              Open the link in the email we sent you, or{" "}
              <Link
                to={`/sign-in?redirectTo=${encodeURIComponent(
                  onward ? `/verify-email?redirectTo=${encodeURIComponent(onward)}` : "/verify-email",
                )}`}
              >
                sign in to get a new one
              </Link>
              .
            </p>
          )}
        </>
      )}
    </div>
  );
}

/**
 * A used or ended link opened where another account is signed in (a shared computer, or a second account): whoever
 * is at the keyboard is told whose account this is, and offered both ways on. The link's owner signs out and signs in
 * with the address it was sent to, on to where it led (or to asking for a new one, when it has ended); the person
 * signed in, whose own address is not confirmed, may ask for a new link to it.
 */
function LinkForAnotherAccount({
  ended,
  onward,
  signedInAs,
  verified,
}: {
  ended: boolean;
  onward: string | null;
  signedInAs: string;
  verified: boolean;
}) {
  const owner = ended ? `/verify-email${onward ? `?redirectTo=${encodeURIComponent(onward)}` : ""}` : onward;
  return (
    <>
      {ended ? (
        <EndedLinkNotice>It was sent for a different account from the one signed in here.</EndedLinkNotice>
      ) : (
        <p className="mb-4">
          This link has been used: the address it was sent to is already confirmed. It was sent for a
          different account from the one signed in here.
        </p>
      )}
      <Form method="post" action="/sign-out" className="mb-8">
        <input
          type="hidden"
          name="redirectTo"
          value={owner ? `/sign-in?redirectTo=${encodeURIComponent(owner)}` : "/sign-in"}
        />
        <p className="mb-4">
          You are signed in as <strong>{signedInAs}</strong>. If the link was sent to you, sign out, then sign
          in with the address it was sent to{ended ? " and ask for a new one" : ""}.
        </p>
        <Button variant="secondary">Sign out</Button>
      </Form>
      {verified ? null : (
        // (asked for on the plain page, which an error such as too many requests is shown on)
        <Form method="post" action="/verify-email">
          <h2 className="mb-4 text-2xl font-bold">Your own address</h2>
          <p className="mb-6">
            Your address, {signedInAs}, is not confirmed yet. If the email we sent to it has not arrived,
            check your spam folder or get a new link.
          </p>
          <Button name="intent" value="resend" variant="secondary">
            Send a new link to {signedInAs}
          </Button>
        </Form>
      )}
    </>
  );
}
