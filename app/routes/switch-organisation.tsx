import { parseForm } from "~/server/parse-form.server.ts";
import { redirect, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { z } from "zod";
import { notFound, requireUser } from "~/auth/permissions.server.ts";
import { organisationCookie } from "~/auth/organisation-cookie.server.ts";
import { safeRedirect, SIGNED_IN_LANDING } from "~/auth/request-context.server.ts";
import { readForm } from "~/server/read-form.server.ts";
import { ErrorPageContent, errorPageText } from "~/ui/error-page.tsx";

const schema = z.object({ organisationId: z.string().max(40), redirectTo: z.string().max(500).optional() });

const NOT_YOURS = "You cannot switch to that organisation";

export const meta: MetaFunction = ({ error }) => [
  {
    title: `${isRouteErrorResponse(error) && error.status === 404 ? NOT_YOURS : errorPageText(error).title} – Social Value Marketplace`,
  },
];

export async function loader() {
  return redirect("/organisations");
}

// Only an organisation the user belongs to can be chosen.
export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  const submission = parseForm(await readForm(request), { schema });
  if (submission.status !== "success") notFound();
  const { organisationId, redirectTo } = submission.value;
  if (!viewer.memberships.some((m) => m.organisationId === organisationId)) notFound();
  return redirect(safeRedirect(redirectTo, SIGNED_IN_LANDING), {
    headers: { "Set-Cookie": organisationCookie(organisationId) },
  });
}

// Never shown: the loader redirects and the action answers with a redirect. A page (not a resource route) so that a
// refusal is answered with the site's layout and words below, not a bare "Not found".
export default function SwitchOrganisation() {
  return null;
}

// An organisation the user is not (or no longer) a member of, or one that does not exist: a form from another
// window after leaving it, or an edited one. Still 404, as for any organisation a user cannot see.
export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404)
    return (
      <>
        <h1 className="mb-6 text-3xl font-bold">{NOT_YOURS}</h1>
        <p className="mb-4">
          You are not a member of the organisation you chose, or it no longer exists. You can only work as one
          of your own organisations.
        </p>
        <p>
          <Link to="/organisations">Choose one of your organisations</Link>
        </p>
      </>
    );
  return <ErrorPageContent error={error} />;
}
