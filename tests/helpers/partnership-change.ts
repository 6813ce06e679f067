// A council's partnership changed as a platform admin changes it: "Save" on /admin/councils, and, when that asks
// first, "Yes" on the page naming who gains or loses access (the page's form carries the plan's `peopleShown`).
import { partnershipChangePlan, setCouncilPartnership } from "~/domain/accounts/organisations.server.ts";

export async function changePartnershipConfirmed(
  actorUserId: string,
  councilId: string,
  partnershipId: string | null,
) {
  const plan = await partnershipChangePlan(councilId, partnershipId);
  return setCouncilPartnership(
    actorUserId,
    councilId,
    partnershipId,
    { ip: null },
    plan?.asksFirst ? plan.peopleShown : undefined,
  );
}
