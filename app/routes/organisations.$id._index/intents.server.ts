// What each of the organisation page's buttons does (the `intent` it sends), and the answer a repeat of one gets.
import { z } from "zod";
import { intentUnion } from "~/domain/form-intent.ts";
import type { requestContext } from "~/auth/request-context.server.ts";
import { recentlyAudited } from "~/domain/audit/audit.server.ts";
import {
  changeRole,
  inviteMember,
  leaveOrganisation,
  removeMember,
  revokeInvitation,
  setPartnershipAccess,
  setSurveyAccess,
} from "~/domain/accounts/members.server.ts";
import { membersActionSchema } from "~/domain/accounts/schemas.ts";
import { surveyAccessSchema } from "~/domain/survey/schemas.ts";

export const actionSchema = intentUnion([...membersActionSchema.options, surveyAccessSchema]);

export type OrganisationIntent = z.infer<typeof actionSchema>;

export const LEFT = "You have left the organisation";

export function carryOut(
  input: OrganisationIntent,
  organisationId: string,
  actor: string,
  context: ReturnType<typeof requestContext>,
) {
  switch (input.intent) {
    case "invite":
      return inviteMember(organisationId, actor, input, context);
    case "change-role":
      return changeRole(organisationId, actor, input, context);
    case "remove":
      return removeMember(organisationId, actor, input.membershipId, context);
    case "revoke-invitation":
      return revokeInvitation(organisationId, actor, input.invitationId, context);
    case "partnership-access":
      return setPartnershipAccess(organisationId, actor, input, context);
    case "survey-access":
      return setSurveyAccess(organisationId, actor, input, context);
    case "leave":
      return leaveOrganisation(organisationId, actor, context);
  }
}

// "Remove", "Cancel invitation" or "Leave" sent twice (a double click, the form sent again after a slow answer): the
// second finds the member gone or the invitation ended because this person did it moments ago, so it gets the
// first's answer instead of an error (decision 024). The message, or null when it is no repeat.
export async function doneMomentsAgo(input: OrganisationIntent, actorUserId: string, organisationId: string) {
  if (input.intent === "remove")
    return (await recentlyAudited({ actorUserId, action: "membership.remove", entityId: input.membershipId }))
      ? "Member removed"
      : null;
  if (input.intent === "revoke-invitation")
    return (await recentlyAudited({
      actorUserId,
      action: "membership.invitation_revoke",
      entityId: input.invitationId,
    }))
      ? "Invitation cancelled"
      : null;
  if (input.intent === "leave") return (await leftMomentsAgo(actorUserId, organisationId)) ? LEFT : null;
  return null;
}

export function leftMomentsAgo(actorUserId: string, organisationId: string) {
  return recentlyAudited({ actorUserId, action: "membership.leave", organisationId });
}
