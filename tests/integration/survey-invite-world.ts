// What the tests of "Send invitation" on a survey cycle's page share: a council's cycle with its survey officer
// signed in and an address to invite, the form that invites it, what the officer is told, the links the emails
// carry, and a business owner opening one and taking it up.
import { db } from "~/db.server.ts";
import * as cyclePage from "~/routes/council.survey.$cycleId._index.tsx";
import * as invitation from "~/routes/survey.invitation.$token.tsx";
import {
  createCouncil,
  createMember,
  createOrganisation,
  createSurveyCycle,
  sessionCookieFor,
  unique,
} from "../helpers/factories.ts";
import { callAction, callLoader } from "../helpers/routes.ts";

/** A 2026 cycle of a council covering `postcodeArea`, its survey officer signed in, and a new address to invite. */
export async function officerInviting(postcodeArea: string, addressPrefix: string) {
  const council = await createCouncil({ postcodeAreas: [postcodeArea] });
  const cycle = await createSurveyCycle({ councilId: council.id, year: 2026 });
  const cookie = await sessionCookieFor(
    (await createMember(council.id, "OFFICER", { surveyAccess: true })).id,
  );
  const address = `${unique(addressPrefix)}@faraway.test`;
  const path = `/council/survey/${cycle.id}`;
  /** "Send invitation" to the address, with the rest of the form (its one-off key, when the page was shown). */
  const sendInvitation = (form: Record<string, string>) =>
    callAction(cyclePage.action, {
      path,
      params: { cycleId: cycle.id },
      cookie,
      form: { intent: "invite-email", email: address, ...form },
    });
  /** A business registered in the council's area, with an owner, sent its link by "Invite eligible businesses",
   * which ties each link to its business as it is sent: the business and the link's token. */
  const inviteEligibleBusiness = async () => {
    const business = await createOrganisation({
      kind: "SUPPLIER",
      councilId: council.id,
      registeredPostcode: `${postcodeArea} 1AA`,
    });
    const owner = await createMember(business.id, "OWNER");
    const sent = await callAction(cyclePage.action, {
      path,
      params: { cycleId: cycle.id },
      cookie,
      form: { intent: "invite-eligible" },
    });
    if (sent.status !== 302) throw new Error(`Invite eligible businesses answered ${sent.status}`);
    const [email] = await invitationEmailsTo(owner.email);
    if (!email) throw new Error(`No invitation was sent to ${business.name}`);
    return { business, token: email.token! };
  };
  return { council, cycle, cookie, address, path, sendInvitation, inviteEligibleBusiness };
}

/** What the officer is told after a first invitation to the address. */
export const sentTo = (address: string) => ({ kind: "success", message: `Invitation sent to ${address}` });

/** What the officer is told after the address's waiting link was replaced by a new one. */
export const sentAgainTo = (address: string) => ({
  kind: "success",
  message: `Invitation sent again to ${address}; the earlier link no longer works`,
});

/** The invitation emails sent to an address, oldest first, each with the token its link carries. */
export const invitationEmailsTo = async (to: string) =>
  (
    await db.emailOutbox.findMany({
      where: { to, template: "survey-invitation" },
      orderBy: { createdAt: "asc" },
      select: { text: true },
    })
  ).map((e) => ({ token: e.text.match(/\/survey\/invitation\/([A-Za-z0-9_-]+)/)![1], text: e.text }));

/** An invitation link opened by someone signed in with `cookie` (a GET: nothing is taken up). */
export const openInvitation = (token: string, cookie: string) =>
  callLoader(invitation.loader, { path: `/survey/invitation/${token}`, params: { token }, cookie });

/** "Continue to the survey" on an invitation's page: the business `form` names takes the link up. */
export const takeUpInvitation = (token: string, cookie: string, form: Record<string, string>) =>
  callAction(invitation.action, { path: `/survey/invitation/${token}`, params: { token }, cookie, form });

/** What the page offers someone signed in with a business, when it offers to take the link up. */
export type TakeUpOffer = {
  businesses: { id: string; name: string }[];
  chosenId: string;
  confirmAddress: string | null;
};

/** An invitation link followed by someone signed in with `cookie`, as a person does: opened, then, when the page
 * offers it, taken up for the business it offers first (the one they work for, when it is offered), confirming that a
 * link sent to an address not their own was meant for it. The page's own answer when it offers nothing to take up
 * (a link already the business's leads to its survey; one that does not work says why). */
export async function followInvitation(token: string, cookie: string) {
  const opened = await openInvitation(token, cookie);
  if (opened.status !== 200) return opened;
  const page = (await opened.clone().json()) as { problem: string | null; takeUp?: TakeUpOffer };
  if (page.problem !== null || !page.takeUp) return opened;
  return takeUpInvitation(token, cookie, {
    organisationId: page.takeUp.chosenId,
    ...(page.takeUp.confirmAddress ? { confirmAddress: "yes" } : {}),
  });
}

/** A new business in the council, its owner signed in: following an invitation link as that owner. */
export async function newBusinessOwnerFollowing(councilId: string) {
  const business = await createOrganisation({ kind: "SUPPLIER", councilId });
  const owner = await sessionCookieFor((await createMember(business.id, "OWNER")).id);
  return (token: string) => followInvitation(token, owner);
}
