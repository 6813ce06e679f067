import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Form } from "~/ui/form-for.tsx";
import { requireUser } from "~/auth/permissions.server.ts";
import { requestContext } from "~/auth/request-context.server.ts";
import { clearSessionCookie } from "~/auth/session.server.ts";
import { signOutEverywhere } from "~/domain/accounts/users.server.ts";
import { MembershipsTable } from "~/ui/memberships.tsx";
import { PageHeading, SummaryList, Tag } from "~/ui/components.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { Button } from "~/ui/form.tsx";

export const meta: MetaFunction = () => [{ title: "Your account – Social Value Marketplace" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  return json({
    user: {
      name: viewer.user.name,
      email: viewer.user.email,
      verified: Boolean(viewer.user.emailVerifiedAt),
    },
    memberships: viewer.memberships,
  });
}

// The only form here: sign out of every device, this one included.
export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  await signOutEverywhere(viewer.user.id, requestContext(request));
  return redirectWithFlash(
    "/sign-in",
    { kind: "success", message: "You have been signed out on every device" },
    { headers: { "Set-Cookie": clearSessionCookie() } },
  );
}

export default function Account() {
  const { user, memberships } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading>Your account</PageHeading>
      <SummaryList
        rows={[
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
        <Button variant="secondary">Sign out of every device</Button>
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
