import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requirePlatformAdmin } from "~/auth/permissions.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePlatformAdmin(request);
  return redirect("/admin/councils");
}
