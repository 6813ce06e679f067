import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/permissions.server.ts";
import { exportUserData } from "~/domain/accounts/users.server.ts";

// A download, not a page: everything we hold about the signed-in person.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  const data = await exportUserData(viewer.user.id);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="my-data-${new Date().toISOString().slice(0, 10)}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
