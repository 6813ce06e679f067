// What deleting an account erases from the survey: the person's own contact details where a business named them
// as its contact, and their address on survey invitations. The business's answers stay (they are the
// organisation's, and feed the report). Why: docs/decisions/015-deleting-the-last-member.md.
import { sameTextAs, type Tx } from "~/db.server.ts";
import { writeSurveyResponseAudit } from "~/domain/audit/audit.server.ts";
import { withoutContactPerson } from "./anonymise.server.ts";

// An address the person had, and, if another account has taken it since, when: what was written to it from then
// on is that account's, not this person's. And, if another account had it before them, from when it was theirs:
// what was written to it until then is that account's.
export type ErasedAddress = { address: string; takenAt: Date | null; heldFrom: Date | null };

/** Written to the address while it was the person's (after another account left it and before another took it). */
export const writtenWhileHeld = ({ takenAt, heldFrom }: ErasedAddress) => ({
  createdAt: { ...(heldFrom ? { gte: heldFrom } : {}), ...(takenAt ? { lt: takenAt } : {}) },
});

export type SurveyErasureCounts = { contactsErased: number; invitationsReaddressed: number };

/**
 * In the caller's transaction (the account deletion's): a response naming one of the person's addresses as its
 * contact loses the contact's name and address and its consent to be contacted (nobody is left to contact, so it
 * leaves the contacts export), while the answer to "may we contact you" stays as given for the report, as at
 * anonymisation. Survey invitations to the person's addresses name the placeholder instead. Each response changed
 * gets an entry in the log of the council running its cycle, with no details.
 */
export async function eraseSurveyContactsOf(
  tx: Tx,
  person: { userId: string; placeholder: string; addresses: ErasedAddress[] },
): Promise<SurveyErasureCounts> {
  const counts: SurveyErasureCounts = { contactsErased: 0, invitationsReaddressed: 0 };
  for (const held of person.addresses) {
    const { address } = held;
    const before = writtenWhileHeld(held);
    const named = await tx.surveyResponse.findMany({
      where: { contactEmail: sameTextAs(address), ...before },
      orderBy: { id: "asc" },
      select: { id: true, contactConsentAnswer: true, contactConsent: true, updatedAt: true },
    });
    for (const response of named) {
      await tx.surveyResponse.update({
        where: { id: response.id },
        data: {
          ...withoutContactPerson(response),
          contactConsent: false,
          // not a change to the business's answers: a later Send still counts as unchanged if nothing else was
          updatedAt: response.updatedAt,
        },
      });
      await writeSurveyResponseAudit(
        { actorUserId: person.userId, action: "survey.response.contact_erase", entityId: response.id },
        tx,
      );
    }
    counts.contactsErased += named.length;

    const invitations = await tx.surveyInvitation.updateMany({
      where: { email: sameTextAs(address), ...before },
      data: { email: person.placeholder },
    });
    counts.invitationsReaddressed += invitations.count;
  }
  return counts;
}
