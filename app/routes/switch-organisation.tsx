import { parseForm } from "~/server/parse-form.server.ts";
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { notFound, requireUser } from "~/auth/permissions.server.ts";
import { organisationCookie } from "~/auth/organisation-cookie.server.ts";
import { safeRedirect, SIGNED_IN_LANDING } from "~/auth/request-context.server.ts";
import { readForm } from "~/server/read-form.server.ts";

const schema = z.object({ organisationId: z.string().max(40), redirectTo: z.string().max(500).optional() });

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
