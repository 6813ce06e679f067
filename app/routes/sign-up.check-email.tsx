import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { sentTo } from "~/auth/check-email-cookie.server.ts";
import { pageOfThisSite } from "~/auth/request-context.server.ts";
import {
  confirmingLeadsTo,
  REGISTERING,
  registeringKind,
  registeringOnTheWay,
} from "~/domain/accounts/registering-journey.ts";
import { PageHeading } from "~/ui/page-parts.tsx";

export const meta: MetaFunction = () => [{ title: "Check your email – Social Value Marketplace" }];

// Public page: it shows only the address the visitor typed themselves, carried from the sign-up form in a
// short-lived cookie (check-email-cookie.server.ts), not in the web address.
export async function loader({ request }: LoaderFunctionArgs) {
  const email = await sentTo(request);
  const search = new URL(request.url).searchParams;
  const then = registeringKind(search.get("then"));
  // the page they were on their way to when they signed up (the confirmation link leads back to it too)
  const redirectTo = pageOfThisSite(search.get("redirectTo"));
  // a new link is asked for signed in, on the confirmation page: it is sent there on to where this link leads
  // (the page they were going to, or the form of the organisation they came to register), as the new link is
  const onward = confirmingLeadsTo(redirectTo, then);
  // (left out of the data when there is none)
  return json({
    email,
    registering: redirectTo || !then ? null : REGISTERING[then],
    redirectTo: redirectTo ?? undefined,
    // on the way there, an organisation to register first (a survey invitation's business)
    registeringFirst: registeringOnTheWay(redirectTo),
    newLink: onward ? `/verify-email?redirectTo=${encodeURIComponent(onward)}` : "/verify-email",
  });
}

export default function CheckEmail() {
  const { email, registering, redirectTo, registeringFirst, newLink } = useLoaderData<typeof loader>();
  return (
    <div className="max-w-2xl">
      <PageHeading>Check your email</PageHeading>
      <p className="mb-4">
        We have sent an email to {email ? <strong>{email}</strong> : "the address you gave"}. Open the link in
        it to confirm your address. The link works for 48 hours.
      </p>
      {registering ? (
        <p className="mb-4">
          When you have confirmed it, we will take you straight to registering {registering}.
        </p>
      ) : null}
      {redirectTo && registeringFirst ? (
        <p className="mb-4">
          When you have confirmed it and signed in, we will take you to registering {registeringFirst}, then
          back to where you were going.
        </p>
      ) : redirectTo ? (
        <p className="mb-4">
          When you have confirmed it and signed in, we will take you back to where you were going.
        </p>
      ) : null}
      <p className="mb-4">
        If the email has not arrived, check your spam folder, or{" "}
        <Link to={`/sign-in?redirectTo=${encodeURIComponent(newLink)}`}>sign in to get a new link</Link>.
      </p>
      <p className="mb-4">If you already have an account, the email tells you how to sign in instead.</p>
      <p>
        <Link to={redirectTo ? `/sign-in?redirectTo=${encodeURIComponent(redirectTo)}` : "/sign-in"}>
          Sign in
        </Link>
      </p>
    </div>
  );
}
