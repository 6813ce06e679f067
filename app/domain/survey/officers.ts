// Who runs a council's supplier survey: its administrators and officers whom it gave survey access. A partner
// council's shared staff never have it (each council grants it itself).
import type { ViewerMembership } from "~/auth/permissions.server.ts";

export function surveyMemberships(memberships: ViewerMembership[]) {
  return memberships.filter(
    (m) => m.kind === "COUNCIL" && m.surveyAccess && (m.role === "ADMIN" || m.role === "OFFICER"),
  );
}
