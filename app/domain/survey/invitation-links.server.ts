// An emailed survey invitation link, opened and taken up (decision 055). Opening it only reads: it says where the link
// stands and which of the person's businesses may answer with it. A business takes a link up by choosing to answer
// with it (a form the person sends), which ties the link to it, once, under a lock on the invitation.
import { db, sameTextAs, type Tx } from "~/db.server.ts";
import { writeAudit } from "~/domain/audit/audit.server.ts";
import { hashInvitationToken } from "./cycles.server.ts";
import { supplierSize } from "./eligibility.server.ts";
import {
  followStep,
  invitationStandingOf,
  type AddressClaim,
  type FollowStep,
  type InvitationStanding,
} from "./invitation-standing.ts";

/** Where an invitation link stands (see invitationStandingOf), read without taking it up or saying whose it is.
 * Looked at before anyone is offered signing up or registering a business to answer it. */
export async function invitationStanding(token: string): Promise<InvitationStanding> {
  const invitation = await db.surveyInvitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: { usedAt: true, cycle: { select: { status: true } } },
  });
  return invitationStandingOf(invitation);
}

// A link sent to an address typed in (decision 031, s40 and s41 addenda) is a business's when one of its members
// signs in with that address, confirmed (they read its inbox), or when it was the business's contact address as the
// link was first sent. A contact address is what a business says it is, checked by no one, so one changed to the
// address after the sending gives no claim: else any business could take another's link by claiming its address.
// When the address is a business's in either way, the link works for no other ("not-yours"); an address that was
// no business's contact address when sent, and is no confirmed account's, is "free": a business not yet on the
// service, the case the form is for, takes it up.
async function addressLinkFor(
  tx: Tx,
  invitation: { email: string; contactOfIds: string[] },
  organisationId: string,
): Promise<AddressClaim> {
  const address = invitation.email.toLowerCase();
  const signedInWith = { user: { email: sameTextAs(address), emailVerifiedAt: { not: null } } };
  if (
    invitation.contactOfIds.includes(organisationId) ||
    (await tx.membership.count({ where: { organisationId, ...signedInWith } })) > 0
  )
    return "yours";
  const claimed =
    (await tx.user.count({ where: signedInWith.user })) > 0 ||
    (await tx.organisation.count({ where: { id: { in: invitation.contactOfIds }, kind: "SUPPLIER" } })) > 0;
  return claimed ? "not-yours" : "free";
}

const invitationSelect = {
  id: true,
  cycleId: true,
  organisationId: true,
  email: true,
  contactOfIds: true,
  usedAt: true,
  cycle: { select: { status: true, year: true, council: { select: { name: true } } } },
} as const;

const businessSelect = {
  id: true,
  name: true,
  businessSize: true,
  registeredPostcode: true,
  staffHeadcount: true,
  turnoverBand: true,
  balanceSheetBand: true,
} as const;

type Invitation = NonNullable<Awaited<ReturnType<typeof findInvitation>>>;

function findInvitation(tx: Tx, token: string) {
  return tx.surveyInvitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: invitationSelect,
  });
}

// What the link offers each business (a supplier the council has not rejected), and whose its address is.
async function stepsFor(tx: Tx, invitation: Invitation | null, organisationIds: string[]) {
  const businesses = await tx.organisation.findMany({
    where: { id: { in: organisationIds }, kind: "SUPPLIER", status: { not: "REJECTED" } },
    select: businessSelect,
  });
  return Promise.all(
    businesses.map(async (business) => {
      // whose the address is, asked only of a link not tied to a business (decision 031)
      const claim =
        invitation && invitation.organisationId === null
          ? await addressLinkFor(tx, invitation, business.id)
          : null;
      const large = supplierSize(business) === "LARGE";
      return { business, claim, step: followStep(invitation, business.id, claim, large) };
    }),
  );
}

// A link to an address no business has, taken up by someone who does not sign in with it: they confirm it was meant
// for their business (it could be anyone's forwarded email).
const needsConfirming = (invitation: Invitation, claim: AddressClaim | null, personEmail: string) =>
  invitation.organisationId === null &&
  claim === "free" &&
  invitation.email.toLowerCase() !== personEmail.toLowerCase();

export type Person = {
  email: string;
  // the supplier businesses the person belongs to, and the one they are working for now
  organisationIds: string[];
  actingId: string;
  actingRejected: boolean;
};

/** What opening the link shows the person: their business's survey ("answer": the link is already the business's),
 * the businesses they may take it up for ("choose", with the address to confirm when it is not their own), or why it
 * offers them nothing. Reads only: opening a link, as a mail scanner or someone given it does, changes nothing. */
export type Opened =
  | { kind: "answer"; cycleId: string }
  | {
      kind: "choose";
      year: number;
      councilName: string;
      businesses: { id: string; name: string }[];
      chosenId: string;
      confirmAddress: string | null;
    }
  | { kind: "rejected" }
  | { kind: "not-yours" }
  | { kind: "large"; businessName: string }
  | { kind: "dead"; why: InvitationStanding };

export async function openInvitation(token: string, person: Person): Promise<Opened> {
  const invitation = await findInvitation(db, token);
  const steps = await stepsFor(db, invitation, person.organisationIds);
  const acting = steps.find((s) => s.business.id === person.actingId);
  if (invitation && acting?.step === "closed-survey") return { kind: "answer", cycleId: invitation.cycleId };
  // the business's own link (sent to it, or taken up by it before): nothing to take up
  if (invitation && acting?.step === "bind" && invitation.organisationId === person.actingId)
    return { kind: "answer", cycleId: invitation.cycleId };
  const offered = steps.filter((s) => s.step === "bind");
  if (invitation && offered.length > 0) {
    // (a link tied to one of the person's other businesses is offered to that business only)
    const chosen = offered.find((s) => s.business.id === person.actingId) ?? offered[0]!;
    return {
      kind: "choose",
      year: invitation.cycle.year,
      councilName: invitation.cycle.council.name,
      businesses: offered.map((s) => ({ id: s.business.id, name: s.business.name })),
      chosenId: chosen.business.id,
      confirmAddress: needsConfirming(invitation, chosen.claim, person.email) ? invitation.email : null,
    };
  }
  if (person.actingRejected) return { kind: "rejected" };
  if (acting?.step === "not-yours") return { kind: "not-yours" };
  if (acting?.step === "large") return { kind: "large", businessName: acting.business.name };
  return { kind: "dead", why: invitationStandingOf(invitation) };
}

/** What taking the link up did: the survey to go to, or why not ("confirm": the person has not confirmed that a link
 * sent to an address not their own was meant for their business; the other steps as followStep names them). */
export type TakeUp =
  { cycleId: string } | { problem: "confirm" | Exclude<FollowStep, "bind" | "closed-survey"> };

/**
 * Business organisationId takes up the link: it is tied to the business, once. Under the survey's row (shared, as a
 * save of answers holds it: a survey closing, or an invitation round sending the address a new link, waits) and the
 * invitation's (of two businesses at the same moment, the second finds it taken). Sent twice, the second finds it
 * already the business's and is answered as the first, with nothing written again.
 */
export async function takeUpInvitation(
  token: string,
  taker: {
    userId: string;
    email: string;
    organisationId: string;
    confirmed: boolean;
    ipAddress?: string | null;
  },
): Promise<TakeUp> {
  return db.$transaction(async (tx) => {
    const [found] = await tx.$queryRaw<{ id: string; cycleId: string }[]>`
      SELECT id, "cycleId" FROM "SurveyInvitation" WHERE "tokenHash" = ${hashInvitationToken(token)}`;
    if (!found) return { problem: "invalid" };
    await tx.$executeRaw`SELECT id FROM "SurveyCycle" WHERE id = ${found.cycleId} FOR SHARE`;
    await tx.$executeRaw`SELECT id FROM "SurveyInvitation" WHERE id = ${found.id} FOR UPDATE`;
    // read again under the locks: as it stands now, not as it stood when the page was shown
    const invitation = await findInvitation(tx, token);
    if (!invitation) return { problem: "invalid" };
    const [mine] = await stepsFor(tx, invitation, [taker.organisationId]);
    // (no step: not a supplier, or one the council rejected)
    const step: FollowStep = mine?.step ?? "invalid";
    if (step === "closed-survey") return { cycleId: invitation.cycleId };
    if (step !== "bind") return { problem: step };
    // the business's already: sent to it, or taken up by it a moment ago (this form sent twice)
    if (invitation.organisationId === taker.organisationId) return { cycleId: invitation.cycleId };
    const confirming = needsConfirming(invitation, mine!.claim, taker.email);
    if (confirming && !taker.confirmed) return { problem: "confirm" };
    const { count } = await tx.surveyInvitation.updateMany({
      where: { id: invitation.id, organisationId: null, usedAt: null },
      data: { organisationId: taker.organisationId, usedAt: new Date() },
    });
    if (count !== 1) return { problem: "invalid" };
    const council = await tx.surveyCycle.findUniqueOrThrow({
      where: { id: invitation.cycleId },
      select: { councilId: true },
    });
    await writeAudit(
      {
        actorUserId: taker.userId,
        organisationId: council.councilId,
        actorOrganisationId: taker.organisationId,
        action: "survey.invitation.take_up",
        entityType: "SurveyCycle",
        entityId: invitation.cycleId,
        // whether the person confirmed a link sent to an address not their own (never the address itself: an
        // account's deletion erases its address from entries, and this one need not hold it)
        details: { confirmedAddress: confirming },
        ipAddress: taker.ipAddress,
      },
      tx,
    );
    return { cycleId: invitation.cycleId };
  });
}
