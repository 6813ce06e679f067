// Where a survey invitation link stands, and what following it does (pure: read by the invitation page before anyone
// is offered signing up, by the page a signed-in business opens and by taking the link up, so none of them can
// disagree about a link again).

/** A link no invitation has (made up, replaced by a newer one, or of a survey cancelled before it opened), one whose
 * survey has closed, one a business has already taken up, or one still waiting for the business it was sent to. */
export type InvitationStanding = "unknown" | "closed" | "used" | "waiting";

export type InvitationFacts = {
  // whose it is: tied to a business when "Invite eligible businesses" sends it, or when a business takes it up
  organisationId: string | null;
  // when a business took it up, choosing to answer with it (not when it was sent, nor when the page was opened)
  usedAt: Date | null;
  cycle: { status: string };
};

/** For a link sent to an address typed in (decision 031): the business following it is the one the address is
 * ("yours"), another business is ("not-yours"), or the address is no business's and the link goes to the first to
 * follow it ("free"). */
export type AddressClaim = "yours" | "not-yours" | "free";

/** What a link offers a business: to answer with it ("bind": taking it up, if it is tied to no business yet), to see
 * its closed survey ("closed-survey"), nothing because it was sent to another business, which may still take it up
 * ("not-yours"), nothing because the business is known to be large and the link was sent to an address that is not
 * its own ("large": the survey is for SMEs, decision 055), or nothing because it does not work ("invalid"). */
export type FollowStep = "bind" | "closed-survey" | "not-yours" | "large" | "invalid";

export function invitationStandingOf(
  invitation: Omit<InvitationFacts, "organisationId"> | null,
): InvitationStanding {
  if (!invitation) return "unknown";
  if (invitation.cycle.status !== "OPEN") return "closed";
  // taken up, not merely sent to a business: "Invite eligible businesses" ties each link to its business when sent
  return invitation.usedAt ? "used" : "waiting";
}

/** What the link offers business organisationId. addressClaim says whose the address of a link tied to no business
 * is: it is not looked at for a tied link (null will do), and a waiting link tied to no business without one does not
 * work (refused rather than handed to whoever follows it). large: the business is known to be large (its size says
 * so); such a business answers only with a link the council sent it (tied to it, or to its own address). */
export function followStep(
  invitation: InvitationFacts | null,
  organisationId: string,
  addressClaim: AddressClaim | null,
  large = false,
): FollowStep {
  const standing = invitationStandingOf(invitation);
  if (!invitation || standing === "unknown") return "invalid";
  // The business's own link: it answers, again if it took it up before. Opened after the close, it leads to the
  // survey's page, which says when it closed and what became of the answers.
  if (invitation.organisationId === organisationId) return standing === "closed" ? "closed-survey" : "bind";
  // Not yet this business's: a link already taken up, or of a closed survey, does not work (one no business took up
  // before the close works for no one)
  if (standing !== "waiting") return "invalid";
  // sent to another business, or to an address that is another's: it is theirs, and still works for them
  if (invitation.organisationId !== null || addressClaim === "not-yours") return "not-yours";
  if (addressClaim === null) return "invalid";
  // an address no business on the service has: the council typed in a business not yet here, which the survey, for
  // SMEs, is for; a business known to be large was not invited by it
  return addressClaim === "free" && large ? "large" : "bind";
}
