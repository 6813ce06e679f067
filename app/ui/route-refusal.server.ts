// A request a route refuses before doing anything with it (a form it cannot read, an address naming two councils), in
// the error page's words for it: thrown, it shows as the portal's error page in the site's layout, titled with them.
import { json } from "@remix-run/node";
import type { Refusal } from "~/auth/permissions.server.ts";
import { routeRefusalText, type RouteRefusal } from "./error-text.ts";

export function refuse(refusal: RouteRefusal, status: 400 | 413): never {
  throw json<Refusal>(
    { refused: routeRefusalText[refusal] },
    { status, headers: { "Cache-Control": "no-store" } },
  );
}
