// The account emails. Each carries the name and colour of the council the recipient works with.
import type { Tx } from "~/db.server.ts";
import { Fragment, type ReactNode } from "react";
import type { NewOrganisationKind } from "~/domain/accounts/schemas.ts";
import { councilBrandSelect, emailBrandingOf } from "~/domain/content/branding.server.ts";
import { listInWords } from "~/domain/format.ts";
import type { InvitedFrom } from "./members.server.ts";
import { appUrl } from "~/env.server.ts";
import {
  EmailButton,
  EmailLayout,
  EmailParagraph,
  EmailTypedText,
  renderEmail,
} from "~/email/render.server.tsx";

export type Brand = {
  councilId: string | null;
  councilName?: string;
  brandColour?: string;
  // the council's social value team's address, when its admins have given one (council settings)
  contactEmail?: string | null;
};

const councilForBrand = { id: true, contactEmail: true, ...councilBrandSelect } as const;

// The council an organisation belongs to (or the council itself).
export async function brandForOrganisation(tx: Tx, organisationId: string): Promise<Brand> {
  const organisation = await tx.organisation.findUnique({
    where: { id: organisationId },
    select: { kind: true, ...councilForBrand, council: { select: councilForBrand } },
  });
  const council = organisation?.kind === "COUNCIL" ? organisation : organisation?.council;
  if (!council) return { councilId: null };
  return { councilId: council.id, ...emailBrandingOf(council), contactEmail: council.contactEmail };
}

// A user's own emails use the council of their first organisation, if they have one yet.
export async function brandForUser(tx: Tx, userId: string): Promise<Brand> {
  const first = await tx.membership.findFirst({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { organisationId: true },
  });
  return first ? brandForOrganisation(tx, first.organisationId) : { councilId: null };
}

const link = (path: string) => `${appUrl()}${path}`;

// `reason`: why the reader got the email, when it is not that they use the service (EmailLayout's default)
function layout(brand: Brand, heading: string, preview: string, body: ReactNode, reason?: string) {
  return (
    <EmailLayout
      councilName={brand.councilName}
      brandColour={brand.brandColour}
      heading={heading}
      preview={preview}
      reason={reason}
    >
      {body}
    </EmailLayout>
  );
}

// `then`: the organisation they said at sign-up they would register, so confirming leads straight to its form.
// `redirectTo`: the page of the portal they were on their way to when they signed up (checked by the caller).
export function verifyEmailMessage(
  brand: Brand,
  name: string,
  token: string,
  then?: NewOrganisationKind,
  redirectTo?: string,
) {
  const url = link(
    `/verify-email?token=${encodeURIComponent(token)}${then ? `&then=${then}` : ""}${
      redirectTo ? `&redirectTo=${encodeURIComponent(redirectTo)}` : ""
    }`,
  );
  return renderEmail(
    "Confirm your email address",
    layout(
      brand,
      "Confirm your email address",
      "Confirm your email address to finish creating your account",
      <>
        <EmailParagraph>Hello {name},</EmailParagraph>
        <EmailParagraph>Confirm your email address to finish creating your account:</EmailParagraph>
        <EmailButton href={url}>{url}</EmailButton>
        <EmailParagraph>
          The link works for 48 hours. If you did not create an account, ignore this email.
        </EmailParagraph>
      </>,
    ),
  );
}

// `redirectTo`: the page of the portal they were on their way to when they asked (checked by the caller): once the
// password is changed, signing in leads there.
export function resetPasswordMessage(brand: Brand, name: string, token: string, redirectTo?: string) {
  const url = link(
    `/reset-password?token=${encodeURIComponent(token)}${
      redirectTo ? `&redirectTo=${encodeURIComponent(redirectTo)}` : ""
    }`,
  );
  return renderEmail(
    "Reset your password",
    layout(
      brand,
      "Reset your password",
      "Choose a new password",
      <>
        <EmailParagraph>Hello {name},</EmailParagraph>
        <EmailParagraph>
          Someone asked to reset the password for your account. To choose a new password:
        </EmailParagraph>
        <EmailButton href={url}>{url}</EmailButton>
        <EmailParagraph>
          The link works once, for 1 hour. If you did not ask for this, ignore this email: your password has
          not changed.
        </EmailParagraph>
      </>,
    ),
  );
}

// `redirectTo`: the page of the portal they were on their way to when they tried to sign up (checked by the
// caller): signing in from the email leads there.
export function alreadyRegisteredMessage(brand: Brand, name: string, redirectTo?: string) {
  // resetting the password from here leads there too (through the reset email and signing in)
  const url = link(`/forgot-password${redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ""}`);
  const signIn = link(`/sign-in?redirectTo=${encodeURIComponent(redirectTo ?? "")}`);
  return renderEmail(
    "You already have an account",
    layout(
      brand,
      "You already have an account",
      "Someone tried to create an account with your email address",
      <>
        <EmailParagraph>Hello {name},</EmailParagraph>
        {redirectTo ? (
          <>
            <EmailParagraph>
              Someone tried to create an account with this email address, but you already have one. Sign in to
              carry on where you were going:
            </EmailParagraph>
            <EmailButton href={signIn}>{signIn}</EmailButton>
            <EmailParagraph>If you have forgotten your password, reset it:</EmailParagraph>
          </>
        ) : (
          <EmailParagraph>
            Someone tried to create an account with this email address, but you already have one. Sign in, or
            if you have forgotten your password, reset it:
          </EmailParagraph>
        )}
        <EmailButton href={url}>{url}</EmailButton>
      </>,
    ),
  );
}

export function confirmNewEmailMessage(brand: Brand, name: string, token: string) {
  const url = link(`/account/confirm-email?token=${encodeURIComponent(token)}`);
  return renderEmail(
    "Confirm your new email address",
    layout(
      brand,
      "Confirm your new email address",
      "Confirm the new email address for your account",
      <>
        <EmailParagraph>Hello {name},</EmailParagraph>
        <EmailParagraph>To use this address for your account from now on, confirm it:</EmailParagraph>
        <EmailButton href={url}>{url}</EmailButton>
        <EmailParagraph>The link works for 24 hours.</EmailParagraph>
      </>,
    ),
  );
}

// To the owner of an address another account asked to move to: as alreadyRegisteredMessage is to the owner of an
// address someone signed up with. It names nothing of the account that asked (whose it is, or its address).
export function addressInUseMessage(brand: Brand, name: string) {
  const signIn = link("/sign-in");
  const reset = link("/forgot-password");
  return renderEmail(
    "Someone asked to use your email address for another account",
    layout(
      brand,
      "Someone asked to use your email address for another account",
      "This address already has an account, so nothing was changed",
      <>
        <EmailParagraph>Hello {name},</EmailParagraph>
        <EmailParagraph>
          Someone signed in to another account on the Social Value Marketplace asked to change the email
          address of that account to this one. This address already has an account, yours, so nothing was
          changed and the other account keeps its own address.
        </EmailParagraph>
        <EmailParagraph>
          If it was you: an email address can belong to only one account, so you cannot have two accounts with
          this one. To use the account this address already has, sign in with it:
        </EmailParagraph>
        <EmailButton href={signIn}>{signIn}</EmailButton>
        <EmailParagraph>If you have forgotten its password, reset it:</EmailParagraph>
        <EmailButton href={reset}>{reset}</EmailButton>
        <EmailParagraph>
          If it was not you, you need do nothing: your account and its address are unchanged.
        </EmailParagraph>
      </>,
    ),
  );
}

// `ifNotYou`: what to do if someone else made the change (by default, reset the password from this address).
export function accountNoticeMessage(
  brand: Brand,
  name: string,
  subject: string,
  text: string,
  ifNotYou = `If this was not you, reset your password now at ${link("/forgot-password")} and tell your council.`,
) {
  return renderEmail(
    subject,
    layout(
      brand,
      subject,
      text,
      <>
        <EmailParagraph>Hello {name},</EmailParagraph>
        <EmailParagraph>{text}</EmailParagraph>
        <EmailParagraph>{ifNotYou}</EmailParagraph>
      </>,
    ),
  );
}

// `organisation.from`: who invited (InvitedFrom). To an organisation with no leads of its own, the person invited does
// not know who invites them: the email says (a platform admin, for a council's first admin; an admin of its council,
// for the owner of an organisation left with no members), and that they would be the first to join.
export function invitationMessage(
  brand: Brand,
  invitedBy: string,
  organisation: { name: string; from: InvitedFrom },
  roleLabel: string,
  token: string,
) {
  const url = link(`/invitations/${encodeURIComponent(token)}`);
  const organisationName = organisation.name;
  const { from } = organisation;
  // who they are, in the footer; the body says whose platform admin
  const whoInvited =
    from.by === "platform"
      ? `${invitedBy}, a platform admin,`
      : from.by === "council"
        ? `${invitedBy}, an admin at ${from.councilName},`
        : invitedBy;
  const asWhat = from.by === "platform" ? "the first admin" : "the owner";
  return renderEmail(
    `Join ${organisationName} on the Social Value Marketplace`,
    layout(
      brand,
      `Join ${organisationName}`,
      `${invitedBy} invited you to join ${organisationName}`,
      <>
        {from.by === "organisation" ? (
          <EmailParagraph>
            {invitedBy} invited you to join {organisationName} as {roleLabel.toLowerCase()}.
          </EmailParagraph>
        ) : (
          <EmailParagraph>
            {from.by === "platform"
              ? `${invitedBy}, a platform admin of the Social Value Marketplace,`
              : whoInvited}{" "}
            invited you to be {asWhat} of {organisationName}.{" "}
            {from.by === "platform"
              ? "Nobody has joined it yet: once you have, you can invite your colleagues."
              : "Nobody belongs to it at the moment: once you have joined, you can invite your colleagues."}
          </EmailParagraph>
        )}
        <EmailParagraph>To accept (you can create an account on the way):</EmailParagraph>
        <EmailButton href={url}>{url}</EmailButton>
        <EmailParagraph>The invitation works for 7 days.</EmailParagraph>
      </>,
      // sent to an address, which may have no account: "because you use the service" would not be true
      `You received this email because ${
        from.by === "organisation"
          ? `${invitedBy} invited this email address to join`
          : `${whoInvited} invited this email address to be ${asWhat} of`
      } ${organisationName} on the Social Value Marketplace. If you were not expecting it, you can ignore it: nothing happens unless you accept.`,
    ),
  );
}

// To whoever sent an invitation, when the person it went to says no. `invitePath`: where they can invite them again
// (the organisation's page, or for a council's admin who invited the owner of an organisation with no members,
// that organisation's page in the council's area).
export function invitationDeclinedMessage(
  brand: Brand,
  name: string,
  invitation: { email: string; organisationName: string; roleLabel: string },
  invitePath: string,
) {
  const url = link(invitePath);
  const subject = `${invitation.email} declined your invitation to join ${invitation.organisationName}`;
  return renderEmail(
    subject,
    layout(
      brand,
      "Invitation declined",
      subject,
      <>
        <EmailParagraph>Hello {name},</EmailParagraph>
        <EmailParagraph>
          {invitation.email} declined your invitation to join {invitation.organisationName} as{" "}
          {invitation.roleLabel.toLowerCase()}. Their link no longer works.
        </EmailParagraph>
        <EmailParagraph>If they change their mind, you can invite them again:</EmailParagraph>
        <EmailButton href={url}>{url}</EmailButton>
      </>,
    ),
  );
}

const NOW_YOU_CAN: Record<"VCSE" | "SUPPLIER" | "COUNCIL", string> = {
  // each request still waits for the council's approval before it is published: not "publish" straight away
  VCSE: "You can now send requests for help for the council to approve. Once approved, they are published and suppliers can pledge to them.",
  SUPPLIER: "You can now pledge to requests for help and report the social value of your contracts.",
  COUNCIL: "",
};

export function organisationDecisionMessage(
  brand: Brand,
  organisation: { name: string; kind: "VCSE" | "SUPPLIER" | "COUNCIL" },
  decision: { verified: true } | { verified: false; reason: string },
) {
  const organisationName = organisation.name;
  const subject = decision.verified
    ? `${organisationName} has been verified`
    : `${organisationName} was not verified`;
  return renderEmail(
    subject,
    layout(
      brand,
      subject,
      subject,
      decision.verified ? (
        <>
          <EmailParagraph>
            {brand.councilName ?? "The council"} has verified {organisationName}.{" "}
            {NOW_YOU_CAN[organisation.kind]}
          </EmailParagraph>
          <EmailButton href={link("/dashboard")}>{link("/dashboard")}</EmailButton>
        </>
      ) : (
        <>
          <EmailParagraph>
            {brand.councilName ?? "The council"} could not verify {organisationName}. The reason given was:
          </EmailParagraph>
          <EmailTypedText text={decision.reason} />
          <EmailParagraph>
            If you think this is wrong, contact {brand.councilName ?? "the council"}&apos;s social value team
            {brand.contactEmail ? ` at ${brand.contactEmail}` : ""} (this address does not take replies). You
            can also register the organisation again with corrected details.
          </EmailParagraph>
        </>
      ),
    ),
  );
}

// `again`: one the council refused, whose owner has changed its details and sent it back to be verified.
export function newOrganisationForCouncilMessage(
  brand: Brand,
  organisationName: string,
  organisationId: string,
  again = false,
) {
  const url = link(`/council/verification/${organisationId}`);
  return renderEmail(
    again
      ? `Organisation to verify again: ${organisationName}`
      : `New organisation to verify: ${organisationName}`,
    layout(
      brand,
      again
        ? "An organisation is waiting to be verified again"
        : "A new organisation is waiting to be verified",
      `${organisationName} is waiting to be verified`,
      <>
        <EmailParagraph>
          {again
            ? `The council did not verify ${organisationName}. Its owner has changed its details and sent it to be verified again.`
            : `${organisationName} has registered and is waiting for verification.`}
        </EmailParagraph>
        <EmailButton href={url}>{url}</EmailButton>
      </>,
    ),
  );
}

/** An organisation left with no members by its last member's deletion, and what was withdrawn for it. */
export type LeftWithoutMembers = { id: string; name: string; requests: number; pledges: number };

// What was withdrawn for an organisation left with no members, in words ("2 of its requests and 1 of its pledges
// that were on offer"), or null for nothing.
function withdrawnInWords(organisation: LeftWithoutMembers) {
  const closed = [
    organisation.requests ? `${organisation.requests} of its requests` : null,
    organisation.pledges ? `${organisation.pledges} of its pledges that were on offer` : null,
  ].filter(Boolean);
  return closed.length ? closed.join(" and ") : null;
}

// To a council's admins when the last member of its organisations deletes their account: one email for the
// deletion, however many of the council's organisations it leaves with no members.
export function organisationWithoutMembersMessage(brand: Brand, organisations: LeftWithoutMembers[]) {
  const [only] = organisations;
  if (only && organisations.length === 1) {
    const url = link(`/council/verification/${only.id}`);
    const closed = withdrawnInWords(only);
    return renderEmail(
      `${only.name} has no members now`,
      layout(
        brand,
        `${only.name} has no members now`,
        `Nobody can sign in for ${only.name} now`,
        <>
          <EmailParagraph>
            The last member of {only.name} has deleted their account, so nobody can sign in for it now.
          </EmailParagraph>
          {closed ? (
            <EmailParagraph>
              So that nobody waits for an answer from it, {closed} were withdrawn, and the organisations they
              involved have been told.
            </EmailParagraph>
          ) : null}
          <EmailParagraph>
            Its records stay with you. If you still expect something from {only.name}, for example returns on
            a contract, contact it: once you have confirmed who should look after it, invite them to take it
            over from its page below.
          </EmailParagraph>
          <EmailButton href={url}>{url}</EmailButton>
        </>,
      ),
    );
  }
  const names = listInWords(organisations.map((organisation) => organisation.name));
  const anyWithdrawn = organisations.some(withdrawnInWords);
  return renderEmail(
    `${organisations.length} organisations have no members now`,
    layout(
      brand,
      `${organisations.length} organisations have no members now`,
      `Nobody can sign in for ${organisations.length} organisations now`,
      <>
        <EmailParagraph>
          The last member of {names} has deleted their account, so nobody can sign in for them now.
        </EmailParagraph>
        {anyWithdrawn ? (
          <EmailParagraph>
            So that nobody waits for an answer from them, what they had open was withdrawn, and the
            organisations it involved have been told.
          </EmailParagraph>
        ) : null}
        <EmailParagraph>
          Their records stay with you. If you still expect something from one of them, for example returns on
          a contract, contact it: once you have confirmed who should look after it, invite them to take it
          over from its page.
        </EmailParagraph>
        {organisations.map((organisation) => {
          const url = link(`/council/verification/${organisation.id}`);
          const closed = withdrawnInWords(organisation);
          return (
            <Fragment key={organisation.id}>
              <EmailParagraph>
                {organisation.name}
                {closed ? `: ${closed} withdrawn` : ""}
              </EmailParagraph>
              <EmailButton href={url}>{url}</EmailButton>
            </Fragment>
          );
        })}
      </>,
    ),
  );
}

// One email to a person of everything an account's deletion changed for them (their pledges declined or withdrawn,
// pledges to their requests withdrawn), in place of one email per change. Why, once: nobody is left at the
// organisations closed (each change's own email gave the same reason). Then each change as its own email's subject
// says it ("Pledge declined: …"), as a link to the page that change's own email leads to: the pledge's page for a
// supplier, the request's page for the group that posted it. The dashboard does not list declined or withdrawn
// pledges, so it is not where these are found.
export function changesAfterDeletionMessage(
  brand: Brand,
  closedOrganisations: string[],
  changes: { subject: string; link: string }[],
) {
  const heading = `${changes.length} changes to pledges you are involved in`;
  return renderEmail(
    heading,
    layout(
      brand,
      heading,
      `Nobody is left at ${listInWords(closedOrganisations)} to look after them`,
      <>
        <EmailParagraph>
          Nobody is left at {listInWords(closedOrganisations)} to look after what it had under way, so what
          was still only on offer between you was closed. Each change below leads to its page:
        </EmailParagraph>
        {changes.map((change, i) => (
          <EmailButton key={i} href={change.link}>
            {change.subject}
          </EmailButton>
        ))}
      </>,
    ),
  );
}
