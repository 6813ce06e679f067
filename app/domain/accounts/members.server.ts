// Memberships and invitations: who belongs to an organisation and in which role.
import { db, type Tx } from "~/db.server.ts";
import { writeAudit } from "~/domain/audit/audit.server.ts";
import { enqueueEmail } from "~/email/outbox.server.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import type { MemberRole, OrganisationKind } from "~/generated/prisma/enums.ts";
import { brandForOrganisation, invitationDeclinedMessage, invitationMessage } from "./emails.server.tsx";
import { isDeletedEmail } from "./erasure.server.ts";
import { openInvitationWhere } from "./invitations.server.ts";
import { MEMBER_ROLES_BY_KIND, ROLE_LABEL } from "./schemas.ts";
import { hashToken, INVITATION_LIFETIME_MS, newToken, REPEAT_WINDOW_MS } from "./tokens.server.ts";

type Context = { ip: string | null };
// `form` for what concerns the whole page; `role` (the role chosen) and `member` (the member acted on) for what
// concerns the member a row of the page shows.
type FieldErrors = Record<string, string[]>;
export type MemberResult = { ok: true; message: string } | { ok: false; fieldErrors: FieldErrors };

// The role that manages members: owners of VCSEs and suppliers, admins of councils.
export function leadRoleFor(kind: OrganisationKind): MemberRole {
  return kind === "COUNCIL" ? "ADMIN" : "OWNER";
}

export function roleFitsKind(kind: OrganisationKind, role: MemberRole) {
  return (MEMBER_ROLES_BY_KIND[kind] as readonly MemberRole[]).includes(role);
}

/** Memberships of the people who work for a council: its own, and partnership-wide members of its partners. */
export function councilStaff(councilId: string): Prisma.MembershipWhereInput {
  return {
    OR: [
      { organisationId: councilId },
      {
        partnershipWide: true,
        organisation: { kind: "COUNCIL", partnership: { councils: { some: { id: councilId } } } },
      },
    ],
  };
}

/** Someone of a partner council who works for a council as an officer: their user id, and the councils (one, or
 * several) whose admins made them partnership-wide. */
export type PartnerStaffMember = { id: string; name: string; email: string; councilNames: string[] };

/**
 * The members of these partner councils whom their own council's admins made partnership-wide, and who so work, as
 * officers, for councilId (loadViewer in permissions.server.ts, decision 011): each person once, naming every
 * partner council they come from, in the order of the first of those councils, then by name. Anyone who is also a
 * direct member of councilId is left out: that membership wins.
 */
export async function partnershipWideStaff(
  partnerIds: string[],
  councilId: string,
  client: Tx = db,
): Promise<PartnerStaffMember[]> {
  if (partnerIds.length === 0) return [];
  const rows = await client.membership.findMany({
    where: {
      organisationId: { in: partnerIds, not: councilId },
      partnershipWide: true,
      organisation: { kind: "COUNCIL" },
      user: { memberships: { none: { organisationId: councilId } } },
    },
    orderBy: [{ organisation: { name: "asc" } }, { user: { name: "asc" } }, { id: "asc" }],
    select: {
      userId: true,
      user: { select: { name: true, email: true } },
      organisation: { select: { name: true } },
    },
  });
  // partnership-wide in two partner councils, they work for councilId once, as loadViewer counts them
  const byUser = new Map<string, PartnerStaffMember>();
  for (const m of rows) {
    const listed = byUser.get(m.userId);
    if (listed) listed.councilNames.push(m.organisation.name);
    else
      byUser.set(m.userId, {
        id: m.userId,
        name: m.user.name,
        email: m.user.email,
        councilNames: [m.organisation.name],
      });
  }
  return [...byUser.values()];
}

/** The staff of a council's partners who work for it as officers now (partnershipWideStaff); none outside one. */
export async function partnerStaffOf(councilId: string) {
  const council = await db.organisation.findFirst({
    where: { id: councilId, kind: "COUNCIL" },
    select: { partnership: { select: { councils: { select: { id: true } } } } },
  });
  return partnershipWideStaff(council?.partnership?.councils.map((c) => c.id) ?? [], councilId);
}

// The organisation page: only its members may see it (anyone else gets null, shown as 404).
export async function organisationForMember(organisationId: string, userId: string) {
  const organisation = await db.organisation.findFirst({
    where: { id: organisationId, memberships: { some: { userId } } },
    select: {
      id: true,
      kind: true,
      name: true,
      status: true,
      rejectionReason: true,
      charityNumber: true,
      areaServed: true,
      description: true,
      companyNumber: true,
      registeredPostcode: true,
      staffHeadcount: true,
      businessSize: true,
      contactEmail: true,
      council: { select: { name: true } },
      partnership: { select: { name: true } },
      memberships: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          role: true,
          userId: true,
          partnershipWide: true,
          surveyAccess: true,
          user: { select: { name: true, email: true } },
        },
      },
      invitations: {
        where: openInvitationWhere(),
        orderBy: { createdAt: "desc" },
        select: { id: true, email: true, role: true, expiresAt: true },
      },
    },
  });
  if (!organisation) return null;
  const me = organisation.memberships.find((m) => m.userId === userId)!;
  const canManage = me.role === leadRoleFor(organisation.kind);
  return {
    organisation,
    myRole: me.role,
    canManage,
    declined: canManage ? await invitationsDeclined(organisation) : [],
    // the partners' staff who work for this council as officers, for its members to see (decision 011)
    partnerStaff: await partnerStaffOf(organisation.id),
  };
}

// How long an invitation someone declined stays listed on its organisation's page.
const DECLINED_SHOWN_MS = 30 * 24 * 60 * 60 * 1000;

// The invitations declined lately, for whoever manages the organisation: for each address, what happened last
// (decision 041). A decline is not listed once the address has been invited again since, whether that invitation
// is waiting, expired, cancelled or accepted (a newer decline is listed in its place), nor once the address has
// joined.
async function invitationsDeclined(organisation: { id: string; memberships: { user: { email: string } }[] }) {
  const declined = await db.invitation.findMany({
    where: { organisationId: organisation.id, declinedAt: { gt: new Date(Date.now() - DECLINED_SHOWN_MS) } },
    orderBy: { declinedAt: "desc" },
    select: { id: true, email: true, role: true, declinedAt: true },
  });
  if (!declined.length) return [];
  // the newest invitation to each of these addresses: only a decline that is it is what happened last
  const latest = await db.invitation.findMany({
    where: { organisationId: organisation.id, email: { in: [...new Set(declined.map((i) => i.email))] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    distinct: ["email"],
    select: { id: true },
  });
  const last = new Set(latest.map((i) => i.id));
  const members = new Set(organisation.memberships.map((m) => m.user.email.toLowerCase()));
  return declined.flatMap(({ declinedAt, ...invitation }) => {
    if (!last.has(invitation.id) || members.has(invitation.email)) return [];
    // the person has deleted their account since: their address was erased, and the page says "Deleted user"
    return [
      {
        ...invitation,
        email: isDeletedEmail(invitation.email) ? null : invitation.email,
        declinedAt: declinedAt!,
      },
    ];
  });
}

// What invitedFrom reads of an invitation's organisation: its leads (a council's admins, an organisation's owners;
// an organisation with members has an owner, as its last owner can neither leave nor delete their account) and, for
// an organisation, its council's name.
const LEADS_COUNTED = {
  kind: true,
  council: { select: { name: true } },
  _count: { select: { memberships: { where: { role: { in: ["ADMIN", "OWNER"] } } } } },
} as const satisfies Prisma.OrganisationSelect;

/**
 * Who invites to an organisation, as its invitation's page and email say it: its own leads ("organisation"), or,
 * where it has none, whoever can, who also sees a decline: for a council nobody has joined as admin yet, a platform
 * admin (createCouncil, inviteFirstCouncilAdmin); for an organisation left with no members, an admin of its council
 * (inviteOwnerOfMemberless), named (`councilName`).
 */
export type InvitedFrom =
  { by: "organisation" } | { by: "platform" } | { by: "council"; councilName: string };

function invitedFrom(organisation: {
  kind: OrganisationKind;
  council: { name: string } | null;
  _count: { memberships: number };
}): InvitedFrom {
  if (organisation._count.memberships > 0) return { by: "organisation" };
  if (organisation.kind === "COUNCIL") return { by: "platform" };
  return organisation.council
    ? { by: "council", councilName: organisation.council.name }
    : { by: "organisation" };
}

// Writes the invitation and its email in the caller's transaction; earlier open invitations to the address end. To an
// organisation with no leads of its own (a council awaiting its first admin, an organisation left with no members),
// every open invitation ends: one to a mistyped address must not let a stranger in.
export async function createInvitation(
  tx: Tx,
  input: { organisationId: string; email: string; role: MemberRole; invitedById: string },
) {
  const now = new Date();
  const organisation = await tx.organisation.findUniqueOrThrow({
    where: { id: input.organisationId },
    select: { name: true, ...LEADS_COUNTED },
  });
  const from = invitedFrom(organisation);
  await tx.invitation.updateMany({
    where: {
      organisationId: input.organisationId,
      ...(from.by === "organisation" ? { email: input.email } : {}),
      acceptedAt: null,
      revokedAt: null,
    },
    data: { revokedAt: now },
  });
  const { token, tokenHash } = newToken();
  const invitation = await tx.invitation.create({
    data: {
      organisationId: input.organisationId,
      email: input.email,
      role: input.role,
      tokenHash,
      invitedById: input.invitedById,
      expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS),
    },
    select: { id: true, invitedBy: { select: { name: true } } },
  });
  const brand = await brandForOrganisation(tx, input.organisationId);
  await enqueueEmail(tx, {
    ...(await invitationMessage(
      brand,
      invitation.invitedBy?.name ?? "The Social Value Marketplace",
      { name: organisation.name, from },
      ROLE_LABEL[input.role],
      token,
    )),
    to: input.email,
    template: "membership.invitation",
    councilId: brand.councilId,
  });
  return { invitationId: invitation.id, token };
}

// "Send invitation" sent twice (a double click, a slow network) invites once: the second finds the invitation the
// first made moments ago and is answered as the first was. A second email would also have cancelled the first's
// link, so whichever the person opened first might not work. The same invitation sent again later, on purpose
// ("it never arrived"), goes again. The caller holds the organisation's lock.
function justInvited(
  tx: Tx,
  input: { organisationId: string; email: string; role: MemberRole; invitedById: string },
) {
  return tx.invitation.findFirst({
    where: {
      ...input,
      acceptedAt: null,
      revokedAt: null,
      createdAt: { gt: new Date(Date.now() - REPEAT_WINDOW_MS) },
    },
    select: { id: true },
  });
}

// Sends an invitation and logs it in `log.organisationId`'s log, as done for `log.actorOrganisationId` (none for
// a platform admin), unless the same was sent moments ago (justInvited): that is answered as it was, nothing sent
// or logged again. Members' invitations go through it, as do an owner's for an organisation left with no members
// and a council's first admin's sent again (the first, sent as the council is added, is createCouncil's to keep).
export async function inviteOnce(
  tx: Tx,
  invite: { organisationId: string; email: string; role: MemberRole; invitedById: string },
  log: {
    organisationId: string | null;
    actorOrganisationId: string | null;
    action: string;
    details: Prisma.InputJsonValue;
  },
  context: Context,
): Promise<MemberResult> {
  const sent = { ok: true as const, message: `Invitation sent to ${invite.email}` };
  if (await justInvited(tx, invite)) return sent;
  const { invitationId } = await createInvitation(tx, invite);
  await writeAudit(
    {
      actorUserId: invite.invitedById,
      organisationId: log.organisationId,
      actorOrganisationId: log.actorOrganisationId,
      action: log.action,
      entityType: "Invitation",
      entityId: invitationId,
      details: log.details,
      ipAddress: context.ip,
    },
    tx,
  );
  return sent;
}

// Serialises changes to one organisation's members (role changes, removals, invitations accepted, accounts
// deleted), so two owners cannot remove each other at once. NO KEY UPDATE leaves other records' foreign-key
// checks on the organisation free: an audit entry or a pledge written elsewhere does not wait for it.
export async function lockOrganisation(tx: Tx, organisationId: string) {
  const rows = await tx.$queryRaw<{ id: string; kind: OrganisationKind }[]>`
    SELECT id, kind FROM "Organisation" WHERE id = ${organisationId} FOR NO KEY UPDATE`;
  return rows[0] ?? null;
}

// The organisation, locked as above, when the actor is its lead (who manages its members); null otherwise.
async function lockedForLead(tx: Tx, organisationId: string, actorUserId: string) {
  const organisation = await lockOrganisation(tx, organisationId);
  if (!organisation) return null;
  const lead = await tx.membership.findFirst({
    where: { organisationId, userId: actorUserId, role: leadRoleFor(organisation.kind) },
    select: { id: true },
  });
  return lead ? organisation : null;
}

// An organisation keeps at least one lead, so someone can still manage its members: true when this member is its
// last, and so may not be removed, leave or stop being one. The caller holds the organisation's lock.
async function isLastLead(
  tx: Tx,
  organisation: { id: string; kind: OrganisationKind },
  member: { id: string; role: MemberRole },
) {
  const lead = leadRoleFor(organisation.kind);
  if (member.role !== lead) return false;
  const others = await tx.membership.count({
    where: { organisationId: organisation.id, role: lead, id: { not: member.id } },
  });
  return others === 0;
}

function mustKeepLead(kind: OrganisationKind) {
  return `The organisation must keep at least one ${ROLE_LABEL[leadRoleFor(kind)].toLowerCase()}`;
}

export type InvitationsEndedBecause =
  "sender_removed" | "sender_role_changed" | "sender_left" | "sender_deleted";

/**
 * An invitation lasts only while the person who sent it could still send it: when they are removed, leave, stop
 * being an owner (a council's admin) or delete their account, the invitations they sent for the organisation end,
 * each logged as a cancellation. For a council, so do those they sent as its admin to organisations of that
 * council left with no members (inviteOwnerOfMemberless). With no organisation (an account deleted), every
 * invitation they sent ends. The caller holds the organisation's lock.
 */
export async function endInvitationsSentBy(
  tx: Tx,
  input: {
    senderUserId: string;
    organisationId: string | null;
    because: InvitationsEndedBecause;
    actorUserId: string;
    ip: string | null;
  },
) {
  const open = await tx.invitation.findMany({
    where: {
      invitedById: input.senderUserId,
      ...openInvitationWhere(),
      ...(input.organisationId
        ? {
            OR: [
              { organisationId: input.organisationId },
              // as the council's admin, not as a member of that organisation
              {
                organisation: {
                  councilId: input.organisationId,
                  memberships: { none: { userId: input.senderUserId } },
                },
                role: "OWNER",
              },
            ],
          }
        : {}),
    },
    orderBy: { id: "asc" },
    select: { id: true, organisationId: true },
  });
  for (const invitation of open) {
    // one at a time, so one accepted meanwhile stays accepted
    const ended = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (ended.count !== 1) continue;
    await writeAudit(
      {
        actorUserId: input.actorUserId,
        organisationId: invitation.organisationId,
        actorOrganisationId: input.organisationId,
        action: "membership.invitation_revoke",
        entityType: "Invitation",
        entityId: invitation.id,
        details: { because: input.because },
        ipAddress: input.ip,
      },
      tx,
    );
  }
  return open.length;
}

const NOT_ALLOWED: MemberResult = {
  ok: false,
  fieldErrors: { form: ["You cannot manage this organisation's members"] },
};

// A change to an organisation's members, which only its lead may make: in one transaction, with the organisation
// locked (lockedForLead); anyone else is answered NOT_ALLOWED. Each change declares that it returns a MemberResult,
// or TypeScript types its several answers apart and refuses them.
function asLead(
  organisationId: string,
  actorUserId: string,
  change: (tx: Tx, organisation: { id: string; kind: OrganisationKind }) => Promise<MemberResult>,
): Promise<MemberResult> {
  return db.$transaction(async (tx) => {
    const organisation = await lockedForLead(tx, organisationId, actorUserId);
    return organisation ? change(tx, organisation) : NOT_ALLOWED;
  });
}

/**
 * An organisation whose last member deleted their account (decision 015) gets someone back through its
 * council: an admin of that council invites a new owner. Never while it has members, who invite their own.
 */
export async function inviteOwnerOfMemberless(
  organisationId: string,
  adminCouncilIds: string[],
  actorUserId: string,
  email: string,
  context: Context,
): Promise<MemberResult> {
  return db.$transaction(async (tx) => {
    if (!(await lockOrganisation(tx, organisationId))) return NOT_ALLOWED;
    const organisation = await tx.organisation.findFirst({
      where: { id: organisationId, councilId: { in: adminCouncilIds }, kind: { in: ["VCSE", "SUPPLIER"] } },
      select: { councilId: true, _count: { select: { memberships: true } } },
    });
    if (!organisation) return NOT_ALLOWED;
    if (organisation._count.memberships > 0)
      return {
        ok: false,
        fieldErrors: {
          form: ["This organisation has members again: its owners invite colleagues themselves"],
        },
      };
    return inviteOnce(
      tx,
      { organisationId, email, role: "OWNER", invitedById: actorUserId },
      // logged by the council whose admin invited
      {
        organisationId: organisation.councilId,
        actorOrganisationId: organisation.councilId,
        action: "membership.invite_owner",
        details: { organisationId, email, role: "OWNER" },
      },
      context,
    );
  });
}

export async function inviteMember(
  organisationId: string,
  actorUserId: string,
  input: { email: string; role: MemberRole },
  context: Context,
): Promise<MemberResult> {
  return asLead(organisationId, actorUserId, async (tx, organisation): Promise<MemberResult> => {
    if (!roleFitsKind(organisation.kind, input.role))
      return { ok: false, fieldErrors: { role: ["Select a role"] } };
    const existing = await tx.membership.findFirst({
      where: { organisationId, user: { email: input.email } },
      select: { userId: true },
    });
    if (existing) {
      // inviting oneself (one's own address typed in) says so, naming the organisation
      const named =
        existing.userId === actorUserId
          ? await tx.organisation.findUnique({ where: { id: organisationId }, select: { name: true } })
          : null;
      const message = named ? `You are already a member of ${named.name}` : "This person is already a member";
      return { ok: false, fieldErrors: { email: [message] } };
    }
    return inviteOnce(
      tx,
      { organisationId, email: input.email, role: input.role, invitedById: actorUserId },
      {
        organisationId,
        actorOrganisationId: organisationId,
        action: "membership.invite",
        details: { email: input.email, role: input.role },
      },
      context,
    );
  });
}

export async function revokeInvitation(
  organisationId: string,
  actorUserId: string,
  invitationId: string,
  context: Context,
): Promise<MemberResult> {
  return asLead(organisationId, actorUserId, async (tx): Promise<MemberResult> => {
    const revoked = await tx.invitation.updateMany({
      where: { id: invitationId, organisationId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (revoked.count !== 1)
      return { ok: false, fieldErrors: { form: ["That invitation has already ended"] } };
    await writeAudit(
      {
        actorUserId,
        organisationId,
        actorOrganisationId: organisationId,
        action: "membership.invitation_revoke",
        entityType: "Invitation",
        entityId: invitationId,
        ipAddress: context.ip,
      },
      tx,
    );
    return { ok: true, message: "Invitation cancelled" };
  });
}

export async function changeRole(
  organisationId: string,
  actorUserId: string,
  input: { membershipId: string; role: MemberRole },
  context: Context,
): Promise<MemberResult> {
  return asLead(organisationId, actorUserId, async (tx, organisation): Promise<MemberResult> => {
    if (!roleFitsKind(organisation.kind, input.role))
      return { ok: false, fieldErrors: { role: ["Select a role"] } };
    const target = await tx.membership.findFirst({
      where: { id: input.membershipId, organisationId },
      select: { id: true, role: true, userId: true },
    });
    if (!target) return { ok: false, fieldErrors: { form: ["That person is not a member"] } };
    // already so (the role unchanged, or the form sent twice): nothing to change or log
    if (target.role === input.role) return { ok: true, message: "Role changed" };
    // the role differs (above), so a lead here is stopping being one
    if (await isLastLead(tx, organisation, target))
      return { ok: false, fieldErrors: { role: [mustKeepLead(organisation.kind)] } };
    await tx.membership.update({ where: { id: target.id }, data: { role: input.role } });
    if (target.role === leadRoleFor(organisation.kind))
      await endInvitationsSentBy(tx, {
        senderUserId: target.userId,
        organisationId,
        because: "sender_role_changed",
        actorUserId,
        ip: context.ip,
      });
    await writeAudit(
      {
        actorUserId,
        organisationId,
        actorOrganisationId: organisationId,
        action: "membership.role_change",
        entityType: "Membership",
        entityId: target.id,
        details: { userId: target.userId, from: target.role, to: input.role },
        ipAddress: context.ip,
      },
      tx,
    );
    return { ok: true, message: "Role changed" };
  });
}

// A council's admins let one of their members work, as an officer, for every council in its partnership.
export async function setPartnershipAccess(
  organisationId: string,
  actorUserId: string,
  input: { membershipId: string; access: "grant" | "revoke" },
  context: Context,
): Promise<MemberResult> {
  return asLead(organisationId, actorUserId, async (tx): Promise<MemberResult> => {
    const council = await tx.organisation.findFirst({
      where: { id: organisationId, kind: "COUNCIL", partnershipId: { not: null } },
      select: { partnership: { select: { name: true } } },
    });
    if (!council?.partnership)
      return { ok: false, fieldErrors: { form: ["This council is not in a partnership"] } };
    const partnership = council.partnership.name;
    return setMemberFlag(tx, {
      organisationId,
      actorUserId,
      membershipId: input.membershipId,
      flag: "partnershipWide",
      on: input.access === "grant",
      audit: ["membership.partnership_grant", "membership.partnership_revoke"],
      details: { partnership },
      messages: [`They now work for every council in ${partnership}`, "They now work for this council only"],
      ip: context.ip,
    });
  });
}

// A council's admins choose which of their own members run the supplier diversity survey (and so may read its
// special category answers). Only direct members: working for a partner council never brings survey access.
export async function setSurveyAccess(
  organisationId: string,
  actorUserId: string,
  input: { membershipId: string; access: "grant" | "revoke" },
  context: Context,
): Promise<MemberResult> {
  return asLead(organisationId, actorUserId, async (tx, organisation): Promise<MemberResult> => {
    if (organisation.kind !== "COUNCIL") return NOT_ALLOWED;
    return setMemberFlag(tx, {
      organisationId,
      actorUserId,
      membershipId: input.membershipId,
      flag: "surveyAccess",
      on: input.access === "grant",
      roles: ["ADMIN", "OFFICER"],
      audit: ["membership.survey_grant", "membership.survey_revoke"],
      details: {},
      messages: [
        "They can now run the supplier diversity survey",
        "They can no longer run the supplier diversity survey",
      ],
      ip: context.ip,
    });
  });
}

// Turns a member's access flag on or off (audited only when it changes); the caller has checked the actor.
async function setMemberFlag(
  tx: Tx,
  input: {
    organisationId: string;
    actorUserId: string;
    membershipId: string;
    flag: "partnershipWide" | "surveyAccess";
    on: boolean;
    roles?: MemberRole[];
    audit: [grant: string, revoke: string];
    details: Record<string, string>;
    messages: [granted: string, revoked: string];
    ip: string | null;
  },
): Promise<MemberResult> {
  const target = await tx.membership.findFirst({
    where: {
      id: input.membershipId,
      organisationId: input.organisationId,
      ...(input.roles ? { role: { in: input.roles } } : {}),
    },
    select: { id: true, userId: true, partnershipWide: true, surveyAccess: true },
  });
  if (!target) return { ok: false, fieldErrors: { form: ["That person is not a member"] } };
  if (target[input.flag] !== input.on) {
    await tx.membership.update({ where: { id: target.id }, data: { [input.flag]: input.on } });
    await writeAudit(
      {
        actorUserId: input.actorUserId,
        organisationId: input.organisationId,
        actorOrganisationId: input.organisationId,
        action: input.on ? input.audit[0] : input.audit[1],
        entityType: "Membership",
        entityId: target.id,
        details: { userId: target.userId, ...input.details },
        ipAddress: input.ip,
      },
      tx,
    );
  }
  return { ok: true, message: input.on ? input.messages[0] : input.messages[1] };
}

export async function removeMember(
  organisationId: string,
  actorUserId: string,
  membershipId: string,
  context: Context,
): Promise<MemberResult> {
  return asLead(organisationId, actorUserId, async (tx, organisation): Promise<MemberResult> => {
    const target = await tx.membership.findFirst({
      where: { id: membershipId, organisationId },
      select: { id: true, role: true, userId: true, createdAt: true },
    });
    if (!target) return { ok: false, fieldErrors: { form: ["That person is not a member"] } };
    if (await isLastLead(tx, organisation, target))
      return { ok: false, fieldErrors: { member: [mustKeepLead(organisation.kind)] } };
    await tx.membership.delete({ where: { id: target.id } });
    await endInvitationsSentBy(tx, {
      senderUserId: target.userId,
      organisationId,
      because: "sender_removed",
      actorUserId,
      ip: context.ip,
    });
    await writeAudit(
      {
        actorUserId,
        organisationId,
        actorOrganisationId: organisationId,
        action: "membership.remove",
        entityType: "Membership",
        entityId: target.id,
        // when they joined: a council's audit log keeps showing their account events from then until now
        details: { userId: target.userId, role: target.role, joinedAt: target.createdAt.toISOString() },
        ipAddress: context.ip,
      },
      tx,
    );
    return { ok: true, message: "Member removed" };
  });
}

export async function leaveOrganisation(
  organisationId: string,
  userId: string,
  context: Context,
): Promise<MemberResult> {
  return db.$transaction(async (tx) => {
    const organisation = await lockOrganisation(tx, organisationId);
    const mine = organisation
      ? await tx.membership.findFirst({
          where: { organisationId, userId },
          select: { id: true, role: true, createdAt: true },
        })
      : null;
    if (!organisation || !mine) return { ok: false, fieldErrors: { form: ["You are not a member"] } };
    if (await isLastLead(tx, organisation, mine)) {
      const lead = ROLE_LABEL[leadRoleFor(organisation.kind)].toLowerCase();
      return {
        ok: false,
        fieldErrors: { form: [`You are the last ${lead}. Make someone else ${lead} before you leave.`] },
      };
    }
    await tx.membership.delete({ where: { id: mine.id } });
    await endInvitationsSentBy(tx, {
      senderUserId: userId,
      organisationId,
      because: "sender_left",
      actorUserId: userId,
      ip: context.ip,
    });
    await writeAudit(
      {
        actorUserId: userId,
        organisationId,
        actorOrganisationId: organisationId,
        action: "membership.leave",
        entityType: "Membership",
        entityId: mine.id,
        // as for a removal: the council's audit log shows their account events from then until now
        details: { joinedAt: mine.createdAt.toISOString() },
        ipAddress: context.ip,
      },
      tx,
    );
    return { ok: true, message: "You have left the organisation" };
  });
}

// `from`: who invited, as the page says it (invitedFrom): a platform admin or a council's admin sees a decline.
export async function findOpenInvitation(token: string, t: Tx = db) {
  if (!token || token.length > 200) return null;
  const invitation = await t.invitation.findFirst({
    where: { tokenHash: hashToken(token), ...openInvitationWhere() },
    select: {
      id: true,
      email: true,
      role: true,
      organisation: { select: { id: true, name: true, ...LEADS_COUNTED } },
    },
  });
  return invitation && { ...invitation, from: invitedFrom(invitation.organisation) };
}

// As the invitation page says it, and signing up from a link that has ended: who sent it is not said, for anyone
// holding the link may read it (a council's first admin is invited by a platform admin, not by the council).
export const INVITATION_ENDED =
  "This invitation is no longer valid: it has expired, was cancelled or was already used. Ask whoever invited you for a new one.";

// The organisation whose invitation this person declined, found by its link: only the person it was sent to, signed
// in, is told they declined it. Anyone else holding the link (signed out, or signed in as someone else) is told only
// that it has ended, as for one accepted or cancelled: neither the organisation nor the decline is theirs to learn.
// `from`: who can invite them again (invitedFrom), as the page says it.
export async function declinedByInvitee(token: string, user: { email: string }) {
  const declined = await declinedInvitation(token);
  if (!declined || !isInvitee(declined, user)) return null;
  return { name: declined.organisation.name, from: invitedFrom(declined.organisation) };
}

// The organisation an invitation that has ended brought this person into, if it did: the emailed link opened again
// later is answered "you have joined", not "ask to be invited again".
export async function joinedByInvitation(token: string, user: { id: string; email: string }) {
  if (!token || token.length > 200) return null;
  return db.invitation.findFirst({
    where: {
      tokenHash: hashToken(token),
      acceptedAt: { not: null },
      email: user.email.toLowerCase(),
      organisation: { memberships: { some: { userId: user.id } } },
    },
    select: { organisation: { select: { id: true, name: true } } },
  });
}

// The same person's "Accept invitation" sent twice (a double click, the form sent again): the first accepted it,
// so the second is answered as the first was, with nothing written again. Anyone else holding the used link is not.
function acceptedEarlier(t: Tx, token: string, user: { id: string; email: string }) {
  return t.invitation.findFirst({
    where: {
      tokenHash: hashToken(token),
      acceptedAt: { not: null },
      email: user.email.toLowerCase(),
      organisation: { memberships: { some: { userId: user.id } } },
    },
    select: { organisationId: true },
  });
}

// Whether the person signed in is the one an invitation was sent to: only they may accept it, and no one signed in
// as someone else may decline it for them (the page asks them to sign out first).
export function isInvitee(invitation: { email: string }, user: { email: string }) {
  return invitation.email === user.email.toLowerCase();
}

// The invitation link proves the address, so accepting also confirms the email.
export async function acceptInvitation(
  token: string,
  user: { id: string; email: string },
  context: Context,
  tx?: Tx,
): Promise<{ ok: true; organisationId: string } | { ok: false; reason: "invalid" | "other-email" }> {
  const run = async (t: Tx) => {
    const ended = async () => {
      const earlier = await acceptedEarlier(t, token, user);
      return earlier
        ? ({ ok: true, organisationId: earlier.organisationId } as const)
        : ({ ok: false, reason: "invalid" } as const);
    };
    const invitation = await t.invitation.findFirst({
      where: { tokenHash: hashToken(token), ...openInvitationWhere() },
      select: { id: true, email: true, role: true, organisationId: true },
    });
    if (!invitation) return ended();
    if (!isInvitee(invitation, user)) return { ok: false, reason: "other-email" } as const;
    // The organisation first, then the invitation, in the order revoking and account deletion take them: an
    // invitation cancelled meanwhile (its organisation's last member deleted their account) is not accepted.
    await lockOrganisation(t, invitation.organisationId);
    const claimed = await t.invitation.updateMany({
      where: { id: invitation.id, ...openInvitationWhere() },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count !== 1) return ended();
    await t.membership.upsert({
      where: { userId_organisationId: { userId: user.id, organisationId: invitation.organisationId } },
      create: { userId: user.id, organisationId: invitation.organisationId, role: invitation.role },
      update: {},
    });
    await t.user.updateMany({
      where: { id: user.id, emailVerifiedAt: null },
      data: { emailVerifiedAt: new Date() },
    });
    await writeAudit(
      {
        actorUserId: user.id,
        organisationId: invitation.organisationId,
        actorOrganisationId: invitation.organisationId,
        action: "membership.join",
        entityType: "Invitation",
        entityId: invitation.id,
        details: { role: invitation.role },
        ipAddress: context.ip,
      },
      t,
    );
    return { ok: true, organisationId: invitation.organisationId } as const;
  };
  return tx ? run(tx) : db.$transaction(run);
}

export type DeclineResult =
  { ok: true; organisationName: string } | { ok: false; reason: "invalid" | "other-email" };

// The invitation the person it was sent to declined, found by its link, whoever asks; what they are told of it is
// for the callers to decide (declinedByInvitee, declineInvitation).
async function declinedInvitation(token: string, t: Tx = db) {
  if (!token || token.length > 200) return null;
  return t.invitation.findFirst({
    where: { tokenHash: hashToken(token), declinedAt: { not: null }, acceptedAt: null },
    select: { email: true, declinedAt: true, organisation: { select: { name: true, ...LEADS_COUNTED } } },
  });
}

// Whoever sent a declined invitation is told by email, if they still have an account (a deleted account's
// invitations ended with it, but one deleted since is not written to). Its link leads back to where they can
// invite the address again: the organisation's page; for a council's admin who invited the owner of an
// organisation left with no members, that organisation's page in the council's area; for the platform admin who
// invited a council's first admin, the councils' page, where they invite one.
async function tellSenderOfDecline(tx: Tx, invitationId: string) {
  const invitation = await tx.invitation.findUniqueOrThrow({
    where: { id: invitationId },
    select: {
      email: true,
      role: true,
      organisationId: true,
      organisation: { select: { name: true, kind: true } },
      invitedBy: { select: { id: true, name: true, email: true, deletedAt: true } },
    },
  });
  const sender = invitation.invitedBy;
  if (!sender || sender.deletedAt) return;
  const member = await tx.membership.findUnique({
    where: { userId_organisationId: { userId: sender.id, organisationId: invitation.organisationId } },
    select: { id: true },
  });
  const brand = await brandForOrganisation(tx, invitation.organisationId);
  await enqueueEmail(tx, {
    ...(await invitationDeclinedMessage(
      brand,
      sender.name,
      {
        email: invitation.email,
        organisationName: invitation.organisation.name,
        roleLabel: ROLE_LABEL[invitation.role],
      },
      member
        ? `/organisations/${invitation.organisationId}`
        : invitation.organisation.kind === "COUNCIL"
          ? "/admin/councils"
          : `/council/verification/${invitation.organisationId}`,
    )),
    to: sender.email,
    userId: sender.id,
    template: "membership.invitation_declined",
    councilId: brand.councilId,
  });
}

/**
 * "No, I do not want to join": whoever holds the emailed link may decline it signed out (the link is the
 * capability, as for accepting), or signed in as the person it was sent to; someone signed in as anyone else may
 * not, as they may not accept it (the sender would be told the invitee said no, and the audit log would name
 * someone else). It ends like a cancelled invitation (revokedAt), so nothing treats it as open
 * and its owners may invite the address again; declinedAt lets the organisation's page show it as declined.
 * Declining twice (a double click, the form sent again) is answered as the first was, with nothing written or
 * emailed again, but only to whom the invitation's page tells it was declined (declinedByInvitee): the invitee
 * signed in, at any time; signed out, where the page cannot tell the invitee from anyone else holding the link,
 * only moments after the decline (a double click, whose first answer's flash said so). Anyone else, signed in as
 * another or signed out later, is answered as for a cancelled invitation: that it has ended, not whose it was or
 * that it was declined. Whoever sent it is told (tellSenderOfDecline).
 */
export async function declineInvitation(
  token: string,
  decliner: { id: string; email: string } | null,
  context: Context,
): Promise<DeclineResult> {
  if (!token || token.length > 200) return { ok: false, reason: "invalid" };
  return db.$transaction(async (t) => {
    const ended = async (): Promise<DeclineResult> => {
      const earlier = await declinedInvitation(token, t);
      const answeredAsFirst =
        earlier &&
        (decliner
          ? isInvitee(earlier, decliner)
          : earlier.declinedAt!.getTime() > Date.now() - REPEAT_WINDOW_MS);
      return answeredAsFirst
        ? { ok: true, organisationName: earlier.organisation.name }
        : { ok: false, reason: "invalid" };
    };
    const invitation = await findOpenInvitation(token, t);
    if (!invitation) return ended();
    // an open invitation's page shows the address it was sent to: saying so again tells nobody anything new
    if (decliner && !isInvitee(invitation, decliner)) return { ok: false, reason: "other-email" };
    // in the order accepting takes them: of an accept and a decline sent at once, one wins and the other is told
    await lockOrganisation(t, invitation.organisation.id);
    const now = new Date();
    const claimed = await t.invitation.updateMany({
      where: { id: invitation.id, ...openInvitationWhere(now) },
      data: { declinedAt: now, revokedAt: now },
    });
    if (claimed.count !== 1) return ended();
    await writeAudit(
      {
        actorUserId: decliner?.id ?? null,
        organisationId: invitation.organisation.id,
        // the person declining does not act for the organisation: they said no to joining it
        actorOrganisationId: null,
        action: "membership.invitation_decline",
        entityType: "Invitation",
        entityId: invitation.id,
        details: { email: invitation.email, role: invitation.role },
        ipAddress: context.ip,
      },
      t,
    );
    await tellSenderOfDecline(t, invitation.id);
    return { ok: true, organisationName: invitation.organisation.name };
  });
}
