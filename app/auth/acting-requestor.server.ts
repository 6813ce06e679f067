// Which of the viewer's organisations a page about posting requests acts for, read from the header's switcher.
import { requestorMemberships } from "~/domain/marketplace/access.server.ts";
import { actingMembership, type Viewer } from "./permissions.server.ts";

// The organisation a new request is posted for, and whose requests "Your requests" lists: the one chosen in the
// switcher when the viewer is its own member, otherwise their first own requestor organisation (named on the page).
// A page that names the organisation (`organisationId`, from a link that named it) acts for that one only: none
// when the viewer is not its own member or it does not post requests.
export function actingRequestor(viewer: Viewer, request: Request, organisationId?: string) {
  return actingMembership({ ...viewer, memberships: requestorMemberships(viewer) }, request, {
    kinds: ["VCSE", "COUNCIL"],
    ...(organisationId ? { organisationId } : {}),
  });
}
