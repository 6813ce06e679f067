import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { sentTo } from "~/domain/accounts/check-email.server.ts";
import { PageHeading } from "~/ui/components.tsx";

export const meta: MetaFunction = () => [{ title: "Check your email – Social Value Marketplace" }];

// Public page: it shows only the address the visitor typed themselves, carried from the sign-up form in a
// short-lived cookie (check-email.server.ts), not in the web address.
export async function loader({ request }: LoaderFunctionArgs) {
  const email = await sentTo(request);
  const then = new URL(request.url).searchParams.get("then");
  const registering =
    then === "vcse"
      ? "your charity, community group or social enterprise"
      : then === "supplier"
        ? "your business"
        : null;
  return json({ email, registering });
}

export default function CheckEmail() {
  const { email, registering } = useLoaderData<typeof loader>();
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
      <p className="mb-4">If you already have an account, the email tells you how to sign in instead.</p>
      <p>
        <Link to="/sign-in">Sign in</Link>
      </p>
    </div>
  );
}
