// Where a survey invitation link stands, and what following it does (pure: read by the invitation page before anyone
// is offered signing up, and by redeeming a link, so the two cannot disagree about a link again).

/** A link no invitation has (made up, replaced by a newer one, or of a survey cancelled before it opened), one whose
 * survey has closed, one a business has already followed, or one still waiting for the business it was sent to. */
export type InvitationStanding = "unknown" | "closed" | "used" | "waiting";

export type InvitationFacts = {
  // whose it is: tied to a business when "Invite eligible businesses" sends it, or when a business follows it
  organisationId: string | null;
  // when a business followed it (not when it was sent)
  usedAt: Date | null;
  cycle: { status: string };
};

/** For a link sent to an address typed in (decision 031): the business following it is the one the address is
 * ("yours"), another business is ("not-yours"), or the address is no business's and the link goes to the first to
 * follow it ("free"). */
export type AddressClaim = "yours" | "not-yours" | "free";

/** What following a link does for a business: binds the link to it ("bind"; it then answers), takes the business
 * the link was for to its closed survey ("closed-survey"), says the link was sent to another business, which may
 * still follow it ("not-yours"), or does not work ("invalid"). */
export type FollowStep = "bind" | "closed-survey" | "not-yours" | "invalid";

export function invitationStandingOf(
  invitation: Omit<InvitationFacts, "organisationId"> | null,
): InvitationStanding {
  if (!invitation) return "unknown";
  if (invitation.cycle.status !== "OPEN") return "closed";
  // followed, not merely sent to a business: "Invite eligible businesses" ties each link to its business when sent
  return invitation.usedAt ? "used" : "waiting";
}

/** What following the link does for business organisationId. addressClaim says whose the address of a link tied to
 * no business is: it is not looked at for a tied link (null will do), and a waiting link tied to no business without
 * one does not work (refused rather than handed to whoever follows it). */
export function followStep(
  invitation: InvitationFacts | null,
  organisationId: string,
  addressClaim: AddressClaim | null,
): FollowStep {
  const standing = invitationStandingOf(invitation);
  if (!invitation || standing === "unknown") return "invalid";
  // The business's own link: it answers, again if it followed it before. Following it after the close, it is taken
  // to the survey's page, which says when it closed and what became of the answers.
  if (invitation.organisationId === organisationId) return standing === "closed" ? "closed-survey" : "bind";
  // Not yet this business's: a link already followed, or of a closed survey, does not work (one no business followed
  // before the close works for no one)
  if (standing !== "waiting") return "invalid";
  // sent to another business, or to an address that is another's: it is theirs, and still works for them
  if (invitation.organisationId !== null || addressClaim === "not-yours") return "not-yours";
  return addressClaim === null ? "invalid" : "bind";
}
