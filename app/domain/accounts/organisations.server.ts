// Organisations: registering VCSEs and suppliers, councils and partnerships, and the council's verification.
import crypto from "node:crypto";
import { db, lockUntilCommit, Prisma, sameTextAs, type Tx } from "~/db.server.ts";
import { pageCountOf, pageWindow } from "~/domain/page-number.ts";
import { recentlyAudited, SENT_TWICE_WINDOW_MS, writeAudit } from "~/domain/audit/audit.server.ts";
import { DEFAULT_GUIDANCE } from "~/domain/content/default-guidance.ts";
import { DEFAULT_CATEGORIES, DEFAULT_MEASURES } from "~/domain/contracts/default-measures.ts";
import { inNameOrder } from "~/domain/format.ts";
import { slugify } from "~/domain/marketplace/council-lists.server.ts";
import { enqueueEmail } from "~/email/outbox.server.ts";
import { classifyBusinessSize, type BalanceSheetBand, type TurnoverBand } from "./business-size.ts";
import { emailCouncilAdmins } from "./council-admins.server.ts";
import {
  brandForOrganisation,
  newOrganisationForCouncilMessage,
  organisationDecisionMessage,
} from "./emails.server.tsx";
import { SUPPLIER_COUNCIL_MISSING, VCSE_COUNCIL_MISSING } from "./labels.ts";
import { openInvitationWhere } from "./invitations.server.ts";
import {
  createInvitation,
  inviteOnce,
  lockOrganisation,
  partnershipWideStaff,
  partnerStaffOf,
  type MemberResult,
} from "./members.server.ts";

type Context = { ip: string | null };
type FieldErrors = Record<string, string[]>;

// A council's or partnership's name as a reader tells it apart: in any case, with characters that take no room
// (zero-width spaces, joiners, direction marks) dropped and runs of spaces read as one, as a page shows them.
// "Surrey County Council" with a zero-width space after it, or two spaces inside, was another council's name to
// the check but the same on every page: two councils nobody could tell apart on the sign-up form's list.
const INVISIBLE_IN_NAME = /[\p{Cf}\u115F\u1160\u3164\uFFA0]/gu;
export function nameAsRead(name: string) {
  return name
    .normalize("NFKC")
    .replace(INVISIBLE_IN_NAME, "")
    .replace(/[\s\p{Z}]+/gu, " ")
    .trim()
    .toLowerCase();
}

// the registration form's councils, as people read names (compareNames)
export async function listCouncils() {
  return inNameOrder(
    await db.organisation.findMany({ where: { kind: "COUNCIL" }, select: { id: true, name: true } }),
  );
}

type VcseInput = {
  name: string;
  councilId: string;
  charityNumber?: string;
  areaServed: string;
  description: string;
  contactEmail?: string;
};

type SupplierInput = {
  name: string;
  councilId: string;
  companyNumber: string;
  registeredPostcode: string;
  staffHeadcount: number;
  turnoverBand: string;
  balanceSheetBand: string;
  contactEmail?: string;
};

export type RegisterInput = ({ kind: "VCSE" } & VcseInput) | ({ kind: "SUPPLIER" } & SupplierInput);

// A new VCSE or supplier starts pending, with its creator as owner, until a council officer verifies it.
export async function registerOrganisation(
  userId: string,
  input: RegisterInput,
  context: Context,
): Promise<{ ok: true; organisationId: string } | { ok: false; fieldErrors: FieldErrors }> {
  const council = await db.organisation.findFirst({
    where: { id: input.councilId, kind: "COUNCIL" },
    select: { id: true },
  });
  if (!council) {
    const missing = input.kind === "VCSE" ? VCSE_COUNCIL_MISSING : SUPPLIER_COUNCIL_MISSING;
    return { ok: false, fieldErrors: { councilId: [missing] } };
  }
  const details = registeredDetails(input);
  const organisation = await db.$transaction(async (tx) => {
    // A double submit registers once: the second waits for the first, then finds what it made.
    await lockUntilCommit(tx, `register-organisation:${userId}`);
    const justMade = await tx.organisation.findFirst({
      where: {
        kind: input.kind,
        name: input.name,
        councilId: council.id,
        status: "PENDING",
        createdAt: { gt: new Date(Date.now() - SENT_TWICE_WINDOW_MS) },
        memberships: { some: { userId, role: "OWNER" } },
      },
      select: { id: true, name: true },
    });
    if (justMade) return justMade;
    const created = await tx.organisation.create({
      data: { kind: input.kind, name: input.name, status: "PENDING", councilId: council.id, ...details },
      select: { id: true, name: true },
    });
    await tx.membership.create({ data: { userId, organisationId: created.id, role: "OWNER" } });
    await writeAudit(
      {
        actorUserId: userId,
        organisationId: council.id,
        actorOrganisationId: created.id,
        action: "organisation.register",
        entityType: "Organisation",
        entityId: created.id,
        details: { kind: input.kind, name: input.name },
        ipAddress: context.ip,
      },
      tx,
    );
    await notifyCouncilAdmins(tx, council.id, created.name, created.id);
    return created;
  });
  return { ok: true, organisationId: organisation.id };
}

// `again`: sent back after a refusal (changeOrganisationDetails), told to the same people the same way
async function notifyCouncilAdmins(
  tx: Tx,
  councilId: string,
  name: string,
  organisationId: string,
  again = false,
) {
  await emailCouncilAdmins(tx, councilId, {
    template: "organisation.to_verify",
    render: (brand) => newOrganisationForCouncilMessage(brand, name, organisationId, again),
  });
}

// what a VCSE or supplier registered after its name and council: what the owner may change while it is not verified
const REGISTERED_DETAILS = {
  charityNumber: true,
  areaServed: true,
  description: true,
  companyNumber: true,
  registeredPostcode: true,
  staffHeadcount: true,
  turnoverBand: true,
  balanceSheetBand: true,
  contactEmail: true,
} as const;

// An organisation's owner changes what it registered while the council has not verified it: while it is pending
// (the officer sees the new details), or once the council has refused it, when saving also sends it back to the
// council's queue, as a new registration is, so a refusal is not a dead end. The council stays the one it chose.
export async function organisationForOwnerEdit(organisationId: string, userId: string) {
  return db.organisation.findFirst({
    where: {
      id: organisationId,
      kind: { in: ["VCSE", "SUPPLIER"] },
      memberships: { some: { userId, role: "OWNER" } },
    },
    select: {
      id: true,
      kind: true,
      name: true,
      status: true,
      rejectionReason: true,
      ...REGISTERED_DETAILS,
      council: { select: { name: true } },
    },
  });
}

export type DetailsInput =
  | ({ kind: "VCSE"; intent: "save" | "resend" } & Omit<VcseInput, "councilId">)
  | ({ kind: "SUPPLIER"; intent: "save" | "resend" } & Omit<SupplierInput, "councilId">);

export const RESENT = "Sent to the council to verify again. We will email you when they have decided.";
export const DETAILS_SAVED = "Your organisation's details have been saved.";
export const DECIDED_WHILE_CHANGING =
  "The council did not verify this organisation while you were changing its details: read why on its page, then send it again";

export async function changeOrganisationDetails(
  organisationId: string,
  userId: string,
  input: DetailsInput,
  context: Context,
): Promise<
  | { ok: true; message: string }
  | { ok: false; reason: "not-found" | "verified" }
  | { ok: false; reason: "decided"; formError: string }
> {
  const details = { name: input.name, ...registeredDetails(input) };
  return db.$transaction(async (tx) => {
    // the organisation's row, locked: of two saves (a double click) the second sees what the first did
    if (!(await lockOrganisation(tx, organisationId))) return { ok: false, reason: "not-found" } as const;
    const organisation = await tx.organisation.findFirst({
      where: {
        id: organisationId,
        kind: input.kind,
        memberships: { some: { userId, role: "OWNER" } },
      },
      select: {
        id: true,
        name: true,
        status: true,
        councilId: true,
        ...REGISTERED_DETAILS,
        businessSize: true,
      },
    });
    if (!organisation?.councilId) return { ok: false, reason: "not-found" } as const;
    if (organisation.status === "VERIFIED") return { ok: false, reason: "verified" } as const;
    const changed = Object.fromEntries(
      Object.entries(details).filter(
        ([field, value]) => organisation[field as keyof typeof organisation] !== value,
      ),
    );
    if (organisation.status === "REJECTED") {
      if (input.intent !== "resend")
        return { ok: false, reason: "decided", formError: DECIDED_WHILE_CHANGING } as const;
      // only from REJECTED: a second "Send for verification again" finds it pending and changes nothing more
      const updated = await tx.organisation.updateMany({
        where: { id: organisationId, status: "REJECTED" },
        data: { ...details, status: "PENDING", rejectionReason: null, verifiedAt: null, verifiedById: null },
      });
      if (updated.count !== 1) return { ok: true, message: RESENT } as const;
      await writeAudit(
        {
          actorUserId: userId,
          organisationId: organisation.councilId,
          actorOrganisationId: organisationId,
          action: "organisation.resubmit",
          entityType: "Organisation",
          entityId: organisationId,
          details: { changed: Object.keys(changed) },
          ipAddress: context.ip,
        },
        tx,
      );
      await notifyCouncilAdmins(tx, organisation.councilId, details.name, organisationId, true);
      return { ok: true, message: RESENT } as const;
    }
    // pending: "Send for verification again" sent twice finds the first's work done
    if (
      input.intent === "resend" &&
      (await recentlyAudited(
        { actorUserId: userId, action: "organisation.resubmit", entityId: organisationId },
        undefined,
        tx,
      ))
    )
      return { ok: true, message: RESENT } as const;
    // nothing different (the same form saved twice): nothing to write or log
    if (!Object.keys(changed).length) return { ok: true, message: DETAILS_SAVED } as const;
    await tx.organisation.update({ where: { id: organisationId }, data: changed });
    await writeAudit(
      {
        actorUserId: userId,
        organisationId: organisation.councilId,
        actorOrganisationId: organisationId,
        action: "organisation.details_change",
        entityType: "Organisation",
        entityId: organisationId,
        details: { changed: Object.keys(changed) },
        ipAddress: context.ip,
      },
      tx,
    );
    return { ok: true, message: DETAILS_SAVED } as const;
  });
}

export const CONTACT_EMAIL_SAVED = "Your organisation's contact email has been saved.";
export const CONTACT_EMAIL_REMOVED = "Your organisation's contact email has been removed.";

// A verified organisation's owner changes its contact email: it is contact information, not one of the details the
// council verified (decision 039, addendum). Before verification it is changed with the rest of the details
// (changeOrganisationDetails), which the officer is shown. Unchanged, nothing is written or logged.
export async function changeContactEmail(
  organisationId: string,
  userId: string,
  contactEmail: string | null,
  context: Context,
): Promise<{ ok: true; message: string } | { ok: false; reason: "not-found" }> {
  return db.$transaction(async (tx) => {
    // as changeOrganisationDetails: a decision on the details and this change never interleave
    if (!(await lockOrganisation(tx, organisationId))) return { ok: false, reason: "not-found" } as const;
    const organisation = await tx.organisation.findFirst({
      where: {
        id: organisationId,
        kind: { in: ["VCSE", "SUPPLIER"] },
        status: "VERIFIED",
        memberships: { some: { userId, role: "OWNER" } },
      },
      select: { councilId: true, contactEmail: true },
    });
    if (!organisation?.councilId) return { ok: false, reason: "not-found" } as const;
    const message = contactEmail ? CONTACT_EMAIL_SAVED : CONTACT_EMAIL_REMOVED;
    if (organisation.contactEmail === contactEmail) return { ok: true, message } as const;
    await tx.organisation.update({ where: { id: organisationId }, data: { contactEmail } });
    await writeAudit(
      {
        actorUserId: userId,
        organisationId: organisation.councilId,
        actorOrganisationId: organisationId,
        action: "organisation.contact_change",
        entityType: "Organisation",
        entityId: organisationId,
        // whether it was given or removed, not the address (the audit log is read by the council's admins)
        details: { changed: ["contactEmail"], removed: contactEmail === null },
        ipAddress: context.ip,
      },
      tx,
    );
    return { ok: true, message } as const;
  });
}

// Councils are created by a platform admin; the first council admin is invited by email. Made in a partnership, it
// is told who of the partners' staff can work for it (partnerStaff): they can from the start (decision 011).
export async function createCouncil(
  actorUserId: string,
  input: { name: string; partnershipId?: string; adminEmail: string },
  context: Context,
): Promise<
  | { ok: true; councilId: string; partnerStaff: Awaited<ReturnType<typeof partnerStaffOf>> }
  | { ok: false; fieldErrors: FieldErrors }
> {
  if (input.partnershipId) {
    const partnership = await db.partnership.findUnique({
      where: { id: input.partnershipId },
      select: { id: true },
    });
    if (!partnership) return { ok: false, fieldErrors: { partnershipId: ["Select a partnership"] } };
  }
  type Made = { ok: true; councilId: string } | { ok: false; fieldErrors: FieldErrors };
  const made = await db.$transaction(async (tx): Promise<Made> => {
    // One council is added at a time, so two with one name cannot both pass the check. The same form sent twice
    // (a double click) finds the council the first made moments ago, with its first admin invited, and is
    // answered as the first was: nothing is made, logged or emailed again.
    await lockUntilCommit(tx, "create-council");
    const clash = (
      await tx.organisation.findMany({
        where: { kind: "COUNCIL" },
        select: { id: true, name: true, verifiedById: true, createdAt: true },
      })
    ).find((council) => nameAsRead(council.name) === nameAsRead(input.name));
    if (clash) {
      const repeat =
        clash.name === input.name &&
        clash.verifiedById === actorUserId &&
        clash.createdAt.getTime() > Date.now() - SENT_TWICE_WINDOW_MS &&
        (await tx.invitation.count({
          where: { organisationId: clash.id, email: input.adminEmail, role: "ADMIN", revokedAt: null },
        })) > 0;
      if (repeat) return { ok: true, councilId: clash.id } as const;
      return { ok: false, fieldErrors: { name: ["A council with this name already exists"] } } as const;
    }
    const council = await tx.organisation.create({
      data: {
        kind: "COUNCIL",
        name: input.name,
        status: "VERIFIED",
        verifiedAt: new Date(),
        verifiedById: actorUserId,
        partnershipId: input.partnershipId ?? null,
        councilSettings: { create: {} },
      },
      select: { id: true },
    });
    // A new council starts with the default needs and priorities, measure library and guidance (the same
    // the demo councils have), so its officers can take requests and record commitments on day one;
    // its admins then edit them.
    await tx.category.createMany({
      data: DEFAULT_CATEGORIES.map((name, sortOrder) => ({
        councilId: council.id,
        name,
        slug: slugify(name),
        sortOrder,
      })),
    });
    await tx.measure.createMany({ data: DEFAULT_MEASURES.map((m) => ({ ...m, councilId: council.id })) });
    await tx.guidancePage.createMany({
      data: DEFAULT_GUIDANCE.map((page) => ({
        councilId: council.id,
        slug: page.slug,
        title: page.title,
        audience: page.audience,
        bodyMarkdown: page.body,
      })),
    });
    await writeAudit(
      {
        actorUserId,
        organisationId: council.id,
        actorOrganisationId: null,
        action: "council.create",
        entityType: "Organisation",
        entityId: council.id,
        details: { name: input.name },
        ipAddress: context.ip,
      },
      tx,
    );
    await createInvitation(tx, {
      organisationId: council.id,
      email: input.adminEmail,
      role: "ADMIN",
      invitedById: actorUserId,
    });
    return { ok: true, councilId: council.id } as const;
  });
  return made.ok ? { ...made, partnerStaff: await partnerStaffOf(made.councilId) } : made;
}

/** Councils nobody can invite to: their first admin never joined (the invitation expired or went astray). */
export async function councilsWithoutAdmin() {
  return inNameOrder(
    await db.organisation.findMany({
      where: { kind: "COUNCIL", memberships: { none: { role: "ADMIN" } } },
      select: { id: true, name: true },
    }),
  );
}

/**
 * A council whose first admin never joined gets one from the platform admin: only a council's admins invite to
 * it, so it could otherwise never be used. The new invitation replaces any still open (createInvitation: one to a
 * mistyped address must not let a stranger in); sent twice (a double click), it is sent once (inviteOnce). Never
 * once the council has an admin, who invites colleagues themselves.
 */
export async function inviteFirstCouncilAdmin(
  actorUserId: string,
  councilId: string,
  email: string,
  context: Context,
): Promise<MemberResult> {
  return db.$transaction(async (tx): Promise<MemberResult> => {
    const council = await lockOrganisation(tx, councilId);
    if (council?.kind !== "COUNCIL")
      return { ok: false, fieldErrors: { inviteCouncilId: ["Select a council"] } };
    if (await tx.membership.count({ where: { organisationId: councilId, role: "ADMIN" } }))
      return {
        ok: false,
        fieldErrors: {
          inviteCouncilId: ["This council has an admin: its admins invite colleagues themselves"],
        },
      };
    return inviteOnce(
      tx,
      { organisationId: councilId, email, role: "ADMIN", invitedById: actorUserId },
      // in the council's log, done for no organisation: the platform admin is not one of its members
      {
        organisationId: councilId,
        actorOrganisationId: null,
        action: "council.invite_admin",
        details: { email },
      },
      context,
    );
  });
}

// "Add partnership" sent twice (a double click) finds the partnership the same admin added moments ago and is
// answered as the first was; a name someone else took, or taken long ago, is refused, as is one that reads the
// same (nameAsRead). One is added at a time, so two of one name cannot both pass the check.
export async function createPartnership(
  actorUserId: string,
  name: string,
  context: Context,
): Promise<{ ok: true } | { ok: false; fieldErrors: FieldErrors }> {
  return db.$transaction(async (tx) => {
    await lockUntilCommit(tx, "create-partnership");
    const made = (await tx.partnership.findMany({ select: { id: true, name: true } })).find(
      (partnership) => nameAsRead(partnership.name) === nameAsRead(name),
    );
    if (made) {
      const repeat =
        made.name === name &&
        (await recentlyAudited(
          { actorUserId, action: "partnership.create", entityId: made.id },
          undefined,
          tx,
        ));
      return repeat
        ? ({ ok: true } as const)
        : ({ ok: false, fieldErrors: { name: ["A partnership with this name already exists"] } } as const);
    }
    const partnership = await tx.partnership.create({ data: { name }, select: { id: true } });
    await writeAudit(
      {
        actorUserId,
        actorOrganisationId: null,
        action: "partnership.create",
        entityType: "Partnership",
        entityId: partnership.id,
        details: { name },
        ipAddress: context.ip,
      },
      tx,
    );
    return { ok: true } as const;
  });
}

/**
 * Partners share one login across their councils; each council still sees only its own records. A change that asks
 * first (partnershipChangePlan's `asksFirst`) is made only as confirmed: `peopleShown` is the plan's `peopleShown`
 * on the page the platform admin confirmed, and without it ("Save" on /admin/councils) such a change is refused as
 * "asks-first"; with one that no longer matches, as "not-as-shown" (someone would gain or lose access who was not
 * named). The check and the change are one transaction, so neither a change made meanwhile by another admin nor a
 * partner's admin making someone partnership-wide slips between them.
 */
export async function setCouncilPartnership(
  actorUserId: string,
  councilId: string,
  partnershipId: string | null,
  context: Context,
  peopleShown?: string,
) {
  return db.$transaction(async (tx) => {
    // one partnership change at a time: two at once could each lock a council the other's plan reads (below)
    await lockUntilCommit(tx, "council-partnership-change");
    if (
      partnershipId &&
      !(await tx.partnership.findUnique({ where: { id: partnershipId }, select: { id: true } }))
    )
      return "no-partnership" as const;
    // the council's row, locked: of two saves at once, the second sees what the first set
    const [council] = await tx.$queryRaw<{ partnershipId: string | null }[]>`
      SELECT "partnershipId" FROM "Organisation" WHERE id = ${councilId} AND kind = 'COUNCIL' FOR UPDATE`;
    if (!council) return false;
    // already so (an unchanged row saved, or the form sent twice): nothing to change or log
    if (council.partnershipId === partnershipId) return true;
    // The partner councils whose staff the plan names, locked against their admins' member changes (which lock
    // the council's row, lockOrganisation): nobody becomes partnership-wide there between the check and the change.
    const partners = await tx.organisation.findMany({
      where: {
        kind: "COUNCIL",
        id: { not: councilId },
        partnershipId: { in: [council.partnershipId, partnershipId].filter((id) => id !== null) },
      },
      orderBy: { id: "asc" },
      select: { id: true },
    });
    if (partners.length)
      await tx.$executeRaw`
        SELECT 1 FROM "Organisation" WHERE id IN (${Prisma.join(partners.map((p) => p.id))})
        ORDER BY id FOR SHARE`;
    const plan = await partnershipChangePlan(councilId, partnershipId, tx);
    if (!plan) return false;
    if (plan.asksFirst && peopleShown === undefined) return "asks-first" as const;
    if (plan.asksFirst && peopleShown !== plan.peopleShown) return "not-as-shown" as const;
    await tx.organisation.update({ where: { id: councilId }, data: { partnershipId } });
    // Its admins let these members work for the councils of the partnership it was in: leaving or moving ends
    // that, so a move does not carry them into another partnership's councils nobody chose for them.
    if (council.partnershipId) {
      const partnershipWide = await tx.membership.findMany({
        where: { organisationId: councilId, partnershipWide: true },
        select: { id: true, userId: true },
      });
      await tx.membership.updateMany({
        where: { id: { in: partnershipWide.map((m) => m.id) } },
        data: { partnershipWide: false },
      });
      for (const membership of partnershipWide)
        await writeAudit(
          {
            actorUserId,
            organisationId: councilId,
            actorOrganisationId: null,
            action: "membership.partnership_revoke",
            entityType: "Membership",
            entityId: membership.id,
            details: { userId: membership.userId, reason: "council_left_partnership" },
            ipAddress: context.ip,
          },
          tx,
        );
    }
    await writeAudit(
      {
        actorUserId,
        organisationId: councilId,
        actorOrganisationId: null,
        action: "council.partnership_change",
        entityType: "Organisation",
        entityId: councilId,
        details: { partnershipId },
        ipAddress: context.ip,
      },
      tx,
    );
    return true;
  });
}

/**
 * What changing a council's partnership would change, for the page that asks the platform admin to confirm it.
 * Leaving one (to none, or moving to another): its members who work for the partner councils stop
 * (setCouncilPartnership), and the partners' members who work for every council of the partnership stop working
 * for it. Joining one (from none, or by a move): the new partners' partnership-wide members start working for it as
 * officers (newPartnerOfficers), which decision 011 says must not happen silently. `asksFirst`: the change is to be
 * confirmed on that page first, leaving or moving always (someone may lose access), joining from none only when
 * someone would start working for the council. `peopleShown`: a fingerprint of the change and the people it names,
 * which the page's form carries back, so the change is made only as it was shown. Null when the council, or the
 * partnership it would move to, does not exist.
 */
export async function partnershipChangePlan(
  councilId: string,
  partnershipId: string | null,
  client: Tx = db,
) {
  const partners = {
    select: {
      id: true,
      name: true,
      councils: {
        where: { id: { not: councilId } },
        orderBy: { name: "asc" },
        select: { id: true, name: true },
      },
    },
  } as const;
  const council = await client.organisation.findFirst({
    where: { id: councilId, kind: "COUNCIL" },
    select: { id: true, name: true, partnership: partners },
  });
  const to = partnershipId
    ? await client.partnership.findUnique({ where: { id: partnershipId }, ...partners })
    : null;
  if (!council || (partnershipId && !to)) return null;
  const from = council.partnership;
  const moving = from?.id !== to?.id;
  const ownOfficers =
    from && moving
      ? await client.membership.findMany({
          where: { organisationId: councilId, partnershipWide: true },
          orderBy: { user: { name: "asc" } },
          select: { userId: true, user: { select: { name: true, email: true } } },
        })
      : [];
  const partnerOfficers = await partnershipWideStaff(
    from && moving ? from.councils.map((c) => c.id) : [],
    councilId,
    client,
  );
  const newPartnerOfficers = await partnershipWideStaff(
    to && moving ? to.councils.map((c) => c.id) : [],
    councilId,
    client,
  );
  const named = (p: NonNullable<typeof from>) => ({
    id: p.id,
    name: p.name,
    partners: p.councils.map((c) => c.name),
  });
  const people = {
    ownOfficers: ownOfficers.map((m) => ({ id: m.userId, name: m.user.name, email: m.user.email })),
    partnerOfficers,
    newPartnerOfficers,
  };
  return {
    council: { id: council.id, name: council.name },
    from: from ? named(from) : null,
    to: to ? named(to) : null,
    ...people,
    asksFirst: moving && (from !== null || newPartnerOfficers.length > 0),
    peopleShown: peopleShownOf(from?.id ?? null, to?.id ?? null, people),
  };
}

// Which change, and who would gain or lose access by it, as a short fingerprint for a hidden field: the same
// people in another order give the same one, anyone added or gone another.
function peopleShownOf(
  from: string | null,
  to: string | null,
  people: Record<"ownOfficers" | "partnerOfficers" | "newPartnerOfficers", { id: string }[]>,
) {
  const ids = (list: { id: string }[]) => list.map((m) => m.id).sort();
  const shown = JSON.stringify([
    from,
    to,
    ids(people.ownOfficers),
    ids(people.partnerOfficers),
    ids(people.newPartnerOfficers),
  ]);
  return crypto.createHash("sha256").update(shown).digest("base64url").slice(0, 22);
}

/** The partnership a council is in now: null for none, undefined when there is no such council. */
export async function currentPartnershipOf(councilId: string) {
  const council = await db.organisation.findFirst({
    where: { id: councilId, kind: "COUNCIL" },
    select: { partnershipId: true },
  });
  return council ? council.partnershipId : undefined;
}

export function listCouncilsWithPartnerships() {
  return Promise.all([
    db.organisation.findMany({
      where: { kind: "COUNCIL" },
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        partnership: { select: { id: true, name: true } },
        _count: { select: { memberships: true, organisations: true } },
      },
    }),
    db.partnership.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
}

export const QUEUE_PAGE_SIZE = 25;

// The organisations waiting for the councils to verify them: the queue lists them and the council dashboard
// counts them.
export const verificationQueueWhere = (councilIds: string[]) => ({
  councilId: { in: councilIds },
  status: "PENDING" as const,
  kind: { in: ["VCSE" as const, "SUPPLIER" as const] },
});

// Oldest first, a page at a time.
export async function verificationQueue(councilIds: string[], page = 1) {
  const where = verificationQueueWhere(councilIds);
  const [queue, total] = await Promise.all([
    db.organisation.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      ...pageWindow(page, QUEUE_PAGE_SIZE),
      select: { id: true, name: true, kind: true, createdAt: true, council: { select: { name: true } } },
    }),
    db.organisation.count({ where }),
  ]);
  return { queue, total, pageCount: pageCountOf(total, QUEUE_PAGE_SIZE) };
}

export function organisationForVerification(id: string, councilIds: string[]) {
  return db.organisation.findFirst({
    where: { id, councilId: { in: councilIds }, kind: { in: ["VCSE", "SUPPLIER"] } },
    select: {
      id: true,
      kind: true,
      name: true,
      status: true,
      rejectionReason: true,
      verifiedAt: true,
      charityNumber: true,
      areaServed: true,
      description: true,
      companyNumber: true,
      registeredPostcode: true,
      staffHeadcount: true,
      turnoverBand: true,
      balanceSheetBand: true,
      businessSize: true,
      contactEmail: true,
      createdAt: true,
      // the version of its details the page shows: a decision carries it back (decideVerification)
      updatedAt: true,
      councilId: true,
      council: { select: { name: true } },
      memberships: {
        where: { role: "OWNER" },
        select: { user: { select: { name: true, email: true } } },
      },
      _count: { select: { memberships: true } },
      // shown only while it has no members: whom its council has invited to take it over
      invitations: {
        where: openInvitationWhere(),
        orderBy: { createdAt: "desc" },
        select: { email: true, expiresAt: true },
      },
    },
  });
}

// Other registrations of the same kind with the officer's councils under the same name or number: a group
// registering again after a rejection (as its email invites), a second registration of one already verified, or
// someone using a genuine company's number. The officer sees them, and why any was rejected, before deciding.
export async function sameNameOrNumber(
  organisation: {
    id: string;
    kind: "VCSE" | "SUPPLIER" | "COUNCIL";
    name: string;
    companyNumber: string | null;
    charityNumber: string | null;
  },
  councilIds: string[],
) {
  const number = organisation.kind === "SUPPLIER" ? organisation.companyNumber : organisation.charityNumber;
  const found = await db.organisation.findMany({
    where: {
      id: { not: organisation.id },
      kind: organisation.kind,
      councilId: { in: councilIds },
      OR: [
        { name: sameTextAs(organisation.name.trim()) },
        ...(number
          ? [
              organisation.kind === "SUPPLIER"
                ? { companyNumber: number }
                : { charityNumber: sameTextAs(number.trim()) },
            ]
          : []),
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 20,
    select: {
      id: true,
      name: true,
      status: true,
      rejectionReason: true,
      createdAt: true,
      companyNumber: true,
      charityNumber: true,
    },
  });
  return found.map(({ companyNumber, charityNumber, ...other }) => ({
    ...other,
    sameName: other.name.trim().toLowerCase() === organisation.name.trim().toLowerCase(),
    sameNumber:
      number !== null &&
      (organisation.kind === "SUPPLIER" ? companyNumber : charityNumber)?.trim().toLowerCase() ===
        number.trim().toLowerCase(),
  }));
}

export type Decision = { intent: "verify" } | { intent: "reject"; reason: string };

// Only a pending organisation of one of the officer's councils can be decided, and only once. Its owner may change its
// details while it waits (decision 039): a decision carries the version of them the officer was shown (its
// updatedAt), and is refused ("changed") if they changed since, so nothing is verified or rejected on details the
// officer never saw. The version is part of the guarded update itself, so an owner's change saved at the same moment
// cannot slip between a check and the write. A decision without a version (not sent from the page) is not checked.
export async function decideVerification(
  organisationId: string,
  councilIds: string[],
  officerUserId: string,
  decision: Decision,
  context: Context,
  shownVersion?: Date,
): Promise<"done" | "not-found" | "already-decided" | "changed"> {
  return db.$transaction(async (tx) => {
    const organisation = await tx.organisation.findFirst({
      where: { id: organisationId, councilId: { in: councilIds }, kind: { in: ["VCSE", "SUPPLIER"] } },
      select: { id: true, name: true, kind: true, councilId: true },
    });
    if (!organisation) return "not-found";
    const verified = decision.intent === "verify";
    const updated = await tx.organisation.updateMany({
      where: { id: organisationId, status: "PENDING", ...(shownVersion ? { updatedAt: shownVersion } : {}) },
      data: verified
        ? { status: "VERIFIED", verifiedAt: new Date(), verifiedById: officerUserId, rejectionReason: null }
        : {
            status: "REJECTED",
            verifiedAt: null,
            verifiedById: officerUserId,
            rejectionReason: decision.reason,
          },
    });
    if (updated.count !== 1) {
      // The same officer's decision sent twice (a double click): the first made it, so the second is answered as
      // the first was, with nothing written or emailed again. Anyone else's, or another decision, is refused.
      const now = await tx.organisation.findUniqueOrThrow({
        where: { id: organisationId },
        select: { status: true, verifiedById: true, rejectionReason: true },
      });
      // still waiting, so only its version stopped it: its owner changed its details since the page was read
      if (now.status === "PENDING") return "changed";
      const repeat =
        now.verifiedById === officerUserId &&
        (verified
          ? now.status === "VERIFIED"
          : now.status === "REJECTED" && now.rejectionReason === decision.reason);
      return repeat ? "done" : "already-decided";
    }
    await writeAudit(
      {
        actorUserId: officerUserId,
        organisationId: organisation.councilId,
        actorOrganisationId: organisation.councilId,
        action: verified ? "organisation.verify" : "organisation.reject",
        entityType: "Organisation",
        entityId: organisationId,
        details: verified ? undefined : { reason: decision.reason },
        ipAddress: context.ip,
      },
      tx,
    );
    const owners = await tx.membership.findMany({
      where: { organisationId, role: "OWNER", user: { deletedAt: null } },
      select: { user: { select: { email: true } } },
    });
    const brand = await brandForOrganisation(tx, organisationId);
    const message = await organisationDecisionMessage(
      brand,
      organisation,
      verified ? { verified: true } : { verified: false, reason: decision.reason },
    );
    for (const owner of owners)
      await enqueueEmail(tx, {
        ...message,
        to: owner.user.email,
        template: verified ? "organisation.verified" : "organisation.rejected",
        councilId: brand.councilId,
      });
    return "done";
  });
}

// What a VCSE or supplier registers after its name and council, as stored; a supplier's business size is worked
// out from its answers, on registration and on every change alike.
function registeredDetails(
  input:
    | ({ kind: "VCSE" } & Omit<VcseInput, "councilId">)
    | ({ kind: "SUPPLIER" } & Omit<SupplierInput, "councilId">),
) {
  if (input.kind === "VCSE")
    return {
      charityNumber: input.charityNumber ?? null,
      areaServed: input.areaServed,
      description: input.description,
      contactEmail: input.contactEmail ?? null,
    };
  return {
    companyNumber: input.companyNumber,
    registeredPostcode: input.registeredPostcode,
    staffHeadcount: input.staffHeadcount,
    turnoverBand: input.turnoverBand,
    balanceSheetBand: input.balanceSheetBand,
    contactEmail: input.contactEmail ?? null,
    businessSize: classifyBusinessSize({
      staffHeadcount: input.staffHeadcount,
      turnoverBand: input.turnoverBand as TurnoverBand,
      balanceSheetBand: input.balanceSheetBand as BalanceSheetBand,
    }),
  };
}
