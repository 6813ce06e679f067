// Survey cycles as the council runs them: open, invite, follow response rates, close.
import crypto from "node:crypto";
import { db, isUniqueViolation, sameTextAs, type Tx } from "~/db.server.ts";
import { recentlyAudited, SENT_TWICE_WINDOW_MS, writeAudit } from "~/domain/audit/audit.server.ts";
import { dayToDate, londonDay, londonMidnight } from "~/domain/calendar.ts";
import { REPEAT_WINDOW_MS } from "~/domain/accounts/tokens.server.ts";
import { enqueueEmail, enqueueEmailToEach } from "~/email/outbox.server.ts";
import { emailBrandingOfCouncil } from "~/domain/content/branding.server.ts";
import { renderSurveyCancelledEmail } from "~/email/templates/survey-cancelled.tsx";
import { renderSurveyInvitationEmail } from "~/email/templates/survey-invitation.tsx";
import { appUrl } from "~/env.server.ts";
import { countOf, formatDate } from "~/domain/format.ts";
import { councilAreas, councilAreaSelect, isEligibleByArea } from "./eligibility.server.ts";
import { deleteUnsentResponses } from "./protected-answers.server.ts";
import { hasOpened } from "./stages.ts";

type Officer = { userId: string; councilId: string; ipAddress?: string | null };

export function hashInvitationToken(token: string) {
  return crypto.createHash("sha256").update(token).digest("hex");
}

export function listCycles(councilId: string) {
  return db.surveyCycle.findMany({
    where: { councilId },
    orderBy: { year: "desc" },
    select: { id: true, year: true, opensOn: true, closesOn: true, status: true, anonymisedAt: true },
  });
}

export function getCycle(councilId: string, cycleId: string) {
  return db.surveyCycle.findFirst({
    where: { id: cycleId, councilId },
    select: {
      id: true,
      councilId: true,
      year: true,
      opensOn: true,
      closesOn: true,
      status: true,
      privacyNotice: true,
      dpiaReference: true,
      retentionMonths: true,
      closedAt: true,
      reachedAtClose: true,
      anonymisedAt: true,
      council: { select: { name: true } },
    },
  });
}

type CycleInput = {
  opensOn: string;
  closesOn: string;
  privacyNotice: string;
  dpiaReference: string;
  retentionMonths: number;
};

// A cycle's year is the calendar year it opens in (decision 031): worked out from the date, never asked.
const openingYear = (opensOn: string) => Number(opensOn.slice(0, 4));

/**
 * "Open survey" sent twice (a double click, a form sent again after a slow answer): the second finds the year
 * taken by the cycle the first opened. It is answered as the first was when this officer opened that very cycle
 * moments ago with the same answers (decision 024); any other clash of years is still refused.
 */
async function openedMomentsAgo(officer: Officer, input: CycleInput) {
  const existing = await db.surveyCycle.findFirst({
    where: { councilId: officer.councilId, year: openingYear(input.opensOn) },
    select: {
      id: true,
      year: true,
      opensOn: true,
      closesOn: true,
      privacyNotice: true,
      dpiaReference: true,
      retentionMonths: true,
    },
  });
  const same =
    existing &&
    existing.opensOn.getTime() === dayToDate(input.opensOn).getTime() &&
    existing.closesOn.getTime() === dayToDate(input.closesOn).getTime() &&
    existing.privacyNotice === input.privacyNotice &&
    existing.dpiaReference === input.dpiaReference &&
    existing.retentionMonths === input.retentionMonths;
  if (!same) return null;
  const opened = await recentlyAudited({
    actorUserId: officer.userId,
    action: "survey.cycle.open",
    entityId: existing.id,
  });
  return opened ? { id: existing.id, year: existing.year } : null;
}

type FieldErrors = Record<string, string[]>;

// How another cycle's days read in a refusal: a cycle closed early ran only until the London day it was closed on.
function periodOf(other: { opensOn: Date; closesOn: Date; closedAt: Date | null }) {
  const closedOn = other.closedAt ? londonDay(other.closedAt) : null;
  const closed = closedOn && closedOn < other.closesOn ? closedOn : null;
  return closed
    ? `open ${formatDate(other.opensOn)} until it was closed on ${formatDate(closed)}`
    : `open ${formatDate(other.opensOn)} to ${formatDate(other.closesOn)}`;
}

/**
 * A council has one cycle a year (the report compares a cycle with the latest earlier year), and the year is the
 * one the cycle opens in: an opening date in a year another cycle has is that date's error, naming the other.
 * `except`: the cycle being changed. Null when the year is free.
 */
async function yearTakenProblems(
  tx: Tx,
  councilId: string,
  year: number,
  except: string | null = null,
): Promise<FieldErrors | null> {
  const other = await tx.surveyCycle.findFirst({
    where: { councilId, year, ...(except ? { id: { not: except } } : {}) },
    select: { opensOn: true, closesOn: true, closedAt: true },
  });
  if (!other) return null;
  return {
    opensOn: [
      `There is already a survey opening in ${year} (${periodOf(other)}): a council has one survey a year, so choose an opening date in another year`,
    ],
  };
}

/**
 * What a cycle's dates may not be, beside what the form checks: no two cycles of a council may be open on the
 * same day. A business would be invited twice for one period, and year on year would compare overlapping
 * answers. `except`: the cycle being changed. Null when all is well.
 */
export async function cycleDateProblems(
  councilId: string,
  input: { opensOn: string; closesOn: string },
  except: string | null = null,
  tx: Tx = db,
): Promise<FieldErrors | null> {
  const other = await tx.surveyCycle.findFirst({
    where: {
      councilId,
      ...(except ? { id: { not: except } } : {}),
      opensOn: { lte: dayToDate(input.closesOn) },
      closesOn: { gte: dayToDate(input.opensOn) },
      // one closed early took its days up to the day it was closed only
      OR: [{ closedAt: null }, { closedAt: { gte: londonMidnight(dayToDate(input.opensOn)) } }],
    },
    orderBy: { opensOn: "asc" },
    select: { year: true, opensOn: true, closesOn: true, closedAt: true },
  });
  if (!other) return null;
  return {
    opensOn: [
      `These dates overlap the ${other.year} survey, ${periodOf(other)}: choose dates before it opens or after it closes`,
    ],
  };
}

// Cycles of one council are opened or changed one at a time, so two at once cannot both pass the overlap check.
export async function lockCouncilCycles(tx: Tx, councilId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`survey-cycles:${councilId}`}))`;
}

export async function createCycle(officer: Officer, input: CycleInput) {
  const year = openingYear(input.opensOn);
  const yearTaken = async () => {
    const repeat = await openedMomentsAgo(officer, input);
    if (repeat) return { ok: true as const, cycle: repeat };
    const problems = await yearTakenProblems(db, officer.councilId, year);
    return {
      ok: false as const,
      fieldErrors: problems ?? {
        opensOn: [`There is already a survey opening in ${year}: choose an opening date in another year`],
      },
    };
  };
  const taken = await db.surveyCycle.count({ where: { councilId: officer.councilId, year } });
  if (taken) return yearTaken();
  // Two officers (or a double click) opening the same year at once: the unique index decides, not a 500.
  const cycle = await db
    .$transaction(async (tx) => {
      await lockCouncilCycles(tx, officer.councilId);
      // opened meanwhile by the same form sent twice: answered as a year taken (below), not as overlapping
      if (await tx.surveyCycle.count({ where: { councilId: officer.councilId, year } })) return null;
      const problems = await cycleDateProblems(officer.councilId, input, null, tx);
      if (problems) return { problems };
      const created = await tx.surveyCycle.create({
        data: {
          councilId: officer.councilId,
          year,
          opensOn: dayToDate(input.opensOn),
          closesOn: dayToDate(input.closesOn),
          privacyNotice: input.privacyNotice,
          dpiaReference: input.dpiaReference,
          retentionMonths: input.retentionMonths,
          status: "OPEN",
        },
        select: { id: true, year: true },
      });
      await writeAudit(
        {
          actorUserId: officer.userId,
          organisationId: officer.councilId,
          actorOrganisationId: officer.councilId,
          action: "survey.cycle.open",
          entityType: "SurveyCycle",
          entityId: created.id,
          details: { year },
          ipAddress: officer.ipAddress,
        },
        tx,
      );
      return created;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) return null;
      throw error;
    });
  if (!cycle) return yearTaken();
  if ("problems" in cycle) return { ok: false as const, fieldErrors: cycle.problems };
  return { ok: true as const, cycle };
}

/**
 * What this officer changed, when the cycle's latest entry is their change moments ago: a save finding the cycle
 * already as sent is then that form sent again (a double click), not a save with nothing changed. Null otherwise.
 */
async function changedMomentsAgo(tx: Tx, officer: Officer, cycleId: string) {
  const latest = await tx.auditLog.findFirst({
    where: { organisationId: officer.councilId, entityType: "SurveyCycle", entityId: cycleId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { action: true, actorUserId: true, createdAt: true, details: true },
  });
  if (
    latest?.action !== "survey.cycle.change" ||
    latest.actorUserId !== officer.userId ||
    latest.createdAt.getTime() <= Date.now() - SENT_TWICE_WINDOW_MS
  )
    return null;
  const changed = (latest.details as { changed?: unknown } | null)?.changed;
  return Array.isArray(changed)
    ? changed.filter((field): field is string => typeof field === "string")
    : null;
}

/**
 * Corrects an open cycle (a mistyped date, notice or reference). Once it has opened, its opening date stays, and
 * so does its privacy notice: businesses have agreed to take part on what it said; how long answers are kept may
 * then be shortened, not lengthened, for the same reason. A new opening date gives it
 * that date's year, and it may not overlap another cycle, as when it was opened.
 */
export async function changeCycle(officer: Officer, cycleId: string, input: CycleInput) {
  return db.$transaction(async (tx) => {
    await lockCouncilCycles(tx, officer.councilId);
    const cycle = await tx.surveyCycle.findFirst({
      where: { id: cycleId, councilId: officer.councilId },
      select: {
        year: true,
        status: true,
        opensOn: true,
        closesOn: true,
        privacyNotice: true,
        dpiaReference: true,
        retentionMonths: true,
      },
    });
    if (!cycle || cycle.status !== "OPEN")
      return { ok: false as const, formErrors: ["This survey has closed: it can no longer be changed"] };
    const opened = hasOpened(cycle);
    const fieldErrors: FieldErrors = {};
    if (opened && dayToDate(input.opensOn).getTime() !== cycle.opensOn.getTime())
      fieldErrors.opensOn = ["The survey has opened: its opening date can no longer be changed"];
    if (opened && input.privacyNotice !== cycle.privacyNotice)
      fieldErrors.privacyNotice = [
        "The survey has opened: businesses have agreed to this privacy notice, so it can no longer be changed",
      ];
    // the survey's first page told them how long answers are kept: kept longer, they would be kept past what
    // businesses agreed to (kept for less is no harm to them)
    if (opened && input.retentionMonths > cycle.retentionMonths)
      fieldErrors.retentionMonths = [
        `The survey has opened: businesses agreed to their answers being kept for ${countOf(cycle.retentionMonths, "month", "months")} after it closes, so this can be shortened but not lengthened`,
      ];
    if (Object.keys(fieldErrors).length > 0) return { ok: false as const, fieldErrors };
    const opensMoved = dayToDate(input.opensOn).getTime() !== cycle.opensOn.getTime();
    // (a cycle keeping its opening date keeps its year, as it was opened, though saved before the year rule)
    const year = opensMoved ? openingYear(input.opensOn) : cycle.year;
    // only dates that move are checked: a cycle saved before these rules keeps its dates through other corrections
    const datesMoved = opensMoved || dayToDate(input.closesOn).getTime() !== cycle.closesOn.getTime();
    const problems =
      (year !== cycle.year ? await yearTakenProblems(tx, officer.councilId, year, cycleId) : null) ??
      (datesMoved ? await cycleDateProblems(officer.councilId, input, cycleId, tx) : null);
    // once opened, only the closing date can have made it overlap
    if (problems)
      return { ok: false as const, fieldErrors: { [opened ? "closesOn" : "opensOn"]: problems.opensOn } };
    const changed = [
      ...(["opensOn", "closesOn", "privacyNotice", "dpiaReference", "retentionMonths"] as const).filter(
        (field) => {
          const before = cycle[field];
          return before instanceof Date
            ? before.getTime() !== dayToDate(input[field] as string).getTime()
            : before !== input[field];
        },
      ),
      ...(year !== cycle.year ? ["year" as const] : []),
    ];
    // "Save changes" sent twice finds nothing left to change: answered as the first was (decision 024)
    if (changed.length === 0)
      return { ok: true as const, changed: (await changedMomentsAgo(tx, officer, cycleId)) ?? changed, year };
    await tx.surveyCycle.update({
      where: { id: cycleId },
      data: {
        year,
        opensOn: dayToDate(input.opensOn),
        closesOn: dayToDate(input.closesOn),
        privacyNotice: input.privacyNotice,
        dpiaReference: input.dpiaReference,
        retentionMonths: input.retentionMonths,
      },
    });
    await writeAudit(
      {
        actorUserId: officer.userId,
        organisationId: officer.councilId,
        actorOrganisationId: officer.councilId,
        action: "survey.cycle.change",
        entityType: "SurveyCycle",
        entityId: cycleId,
        details: { changed },
        ipAddress: officer.ipAddress,
      },
      tx,
    );
    return { ok: true as const, changed, year };
  });
}

/**
 * Closes an open cycle for good. False when it was closed already; "NOT_OPEN_YET" before its opening day (a London
 * day), when it is cancelled instead (cancelCycle): closed, it would keep its year and days though it never ran.
 */
export async function closeCycle(officer: Officer, cycleId: string, now = new Date()) {
  return db.$transaction(async (tx) => {
    const { count } = await tx.surveyCycle.updateMany({
      where: { id: cycleId, councilId: officer.councilId, status: "OPEN", opensOn: { lte: londonDay(now) } },
      data: { status: "CLOSED", closedAt: now },
    });
    if (count === 0) {
      const cycle = await tx.surveyCycle.findFirst({
        where: { id: cycleId, councilId: officer.councilId },
        select: { status: true },
      });
      return cycle?.status === "OPEN" ? ("NOT_OPEN_YET" as const) : false;
    }
    // who it reached, kept before the unsent answers go: a business that had only started one was reached too
    await keepReachedAtClose(tx, { id: cycleId, councilId: officer.councilId });
    const discarded = await deleteUnsentResponses(tx, [cycleId]);
    await writeAudit(
      {
        actorUserId: officer.userId,
        organisationId: officer.councilId,
        actorOrganisationId: officer.councilId,
        action: "survey.cycle.close",
        entityType: "SurveyCycle",
        entityId: cycleId,
        details: { unsentResponsesDeleted: discarded },
        ipAddress: officer.ipAddress,
      },
      tx,
    );
    return true;
  });
}

/** Keeps, as a cycle closes (in its transaction), how many businesses it reached: its response rate is read against it. */
export async function keepReachedAtClose(tx: Tx, cycle: { id: string; councilId: string }) {
  const reachedAtClose = await businessesReached(cycle, tx);
  await tx.surveyCycle.update({ where: { id: cycle.id }, data: { reachedAtClose } });
}

/** What a cycle's invitation emails are about in the outbox: found by it when the cycle is cancelled. */
export function surveyCycleEmails(cycleId: string) {
  return `survey-cycle:${cycleId}`;
}

/**
 * The invitation emails of a cycle being cancelled, in its transaction. Those not sent yet are withdrawn: deleted
 * from the outbox (nothing refers to an outbox row, and an email never sent is no record of anything; the audit
 * entry counts them). Those sent already, or being sent at this moment (leased by the delivery job), are answered
 * with a cancellation: the addresses returned. Failed ones (never delivered) are left as they are.
 */
async function settleInvitationEmails(tx: Tx, cycleId: string) {
  // Locked, so the delivery job cannot claim one while it is withdrawn here (its claim skips locked rows), and
  // one it claimed before is seen as leased: being sent, so told of the cancellation instead.
  const rows = await tx.$queryRaw<{ id: string; to: string; status: string; lockedUntil: Date | null }[]>`
    SELECT id, "to", status::text AS status, "lockedUntil" FROM "EmailOutbox"
    WHERE about = ${surveyCycleEmails(cycleId)} AND template = 'survey-invitation' AND status <> 'FAILED'
    FOR UPDATE`;
  const now = new Date();
  const withdraw: string[] = [];
  const emailed = new Set<string>();
  for (const row of rows) {
    const leased = row.lockedUntil !== null && row.lockedUntil > now;
    if (row.status === "PENDING" && !leased) withdraw.push(row.id);
    else emailed.add(row.to);
  }
  if (withdraw.length > 0) await tx.emailOutbox.deleteMany({ where: { id: { in: withdraw } } });
  // an address erased with its account (a ".invalid" placeholder) can be sent nothing
  return { withdrawn: withdraw.length, emailed: [...emailed].filter((to) => !to.endsWith(".invalid")) };
}

/**
 * Cancels a cycle before its opening day (a London day). No business can have answered it (consent is refused
 * before then), so it is deleted with its invitations, whose links stop working, and its year and days are free
 * for a survey opened again. The audit log keeps what it was. "OPENED" once its opening day has come (it can then
 * only be closed), "CLOSED" when closed already, null when the council has no such cycle.
 */
export async function cancelCycle(officer: Officer, cycleId: string, now = new Date()) {
  // read before the transaction: the email telling those already invited is written in it
  const branding = await emailBrandingOfCouncil(db, officer.councilId);
  return db.$transaction(
    async (tx) => {
      // under the row lock consent takes (FOR SHARE): no answer can be started while it is deleted
      const [cycle] = await tx.$queryRaw<{ status: string; year: number; opensOn: Date; closesOn: Date }[]>`
      SELECT status::text AS status, year, "opensOn", "closesOn" FROM "SurveyCycle"
      WHERE id = ${cycleId} AND "councilId" = ${officer.councilId} FOR UPDATE`;
      if (!cycle) return null;
      if (cycle.status !== "OPEN") return "CLOSED" as const;
      if (hasOpened(cycle, now) || (await tx.surveyResponse.count({ where: { cycleId } })) > 0)
        return "OPENED" as const;
      const invitations = await tx.surveyInvitation.count({ where: { cycleId } });
      const emails = await settleInvitationEmails(tx, cycleId);
      await tx.surveyCycle.delete({ where: { id: cycleId } });
      if (emails.emailed.length > 0) {
        const told = await renderSurveyCancelledEmail({ ...branding, year: cycle.year });
        await enqueueEmailToEach(
          tx,
          { ...told, template: "survey-cancelled", councilId: officer.councilId },
          emails.emailed,
        );
      }
      await writeAudit(
        {
          actorUserId: officer.userId,
          organisationId: officer.councilId,
          actorOrganisationId: officer.councilId,
          // the log's name for ending a survey; the details say it was cancelled before it opened, and deleted
          action: "survey.cycle.close",
          entityType: "SurveyCycle",
          entityId: cycleId,
          details: {
            cancelledBeforeOpening: true,
            year: cycle.year,
            opensOn: cycle.opensOn.toISOString().slice(0, 10),
            closesOn: cycle.closesOn.toISOString().slice(0, 10),
            invitationsDeleted: invitations,
            invitationEmailsWithdrawn: emails.withdrawn,
            cancellationEmails: emails.emailed.length,
          },
          ipAddress: officer.ipAddress,
        },
        tx,
      );
      return { year: cycle.year, invitations };
    },
    // a large invitation round: thousands of rows locked, withdrawn or answered
    { timeout: 60_000 },
  );
}

/** Whether this officer cancelled (deleted) this cycle moments ago: "Cancel this survey" sent twice (decision 024). */
export function cancelledMomentsAgo(userId: string, cycleId: string) {
  return db.auditLog.findFirst({
    where: {
      actorUserId: userId,
      action: "survey.cycle.close",
      entityId: cycleId,
      details: { path: ["cancelledBeforeOpening"], equals: true },
      createdAt: { gt: new Date(Date.now() - SENT_TWICE_WINDOW_MS) },
    },
    select: { details: true },
  });
}

// SME suppliers with a registered postcode in the council's area.
export async function eligibleSuppliers(councilId: string, client: Tx = db) {
  const council = await client.organisation.findUnique({
    where: { id: councilId },
    select: councilAreaSelect,
  });
  const areas = council ? councilAreas(council) : [];
  if (areas.length === 0) return [];
  // Only suppliers registered in the council's postcode areas are read (the outward code worked out in SQL the
  // way outwardCode() does); isEligibleByArea below stays the rule, and also checks the size.
  const inArea = await client.$queryRaw<{ id: string }[]>`
    SELECT id FROM (
      SELECT id, upper(regexp_replace("registeredPostcode", '[[:space:]]+', '', 'g')) AS compact
      FROM "Organisation"
      WHERE kind = 'SUPPLIER' AND status <> 'REJECTED' AND "registeredPostcode" IS NOT NULL
    ) supplier
    WHERE (CASE WHEN length(compact) > 4 THEN left(compact, length(compact) - 3) ELSE compact END)
      = ANY(${areas}::text[])`;
  if (inArea.length === 0) return [];
  const suppliers = await client.organisation.findMany({
    where: { id: { in: inArea.map((s) => s.id) } },
    select: {
      id: true,
      name: true,
      contactEmail: true,
      businessSize: true,
      registeredPostcode: true,
      staffHeadcount: true,
      turnoverBand: true,
      balanceSheetBand: true,
      memberships: {
        where: { role: "OWNER", user: { deletedAt: null } },
        orderBy: { createdAt: "asc" },
        take: 1,
        select: { user: { select: { email: true } } },
      },
    },
  });
  return suppliers.filter((s) => isEligibleByArea(s, areas));
}

// Who the survey reached is not known once a cycle is anonymised: its invitations are deleted and no answer is tied
// to a business any more, and today's eligible businesses are not those it reached (sent answers over them gave
// rates above 100%). Only how many answered stays. A closed cycle is read against how many it had reached when it
// closed (reachedAtClose), so its rate stays put as suppliers join or leave; one closed before that was kept is
// read against today's, as before.
export async function responseRates(cycle: {
  id: string;
  councilId: string;
  status?: string;
  reachedAtClose?: number | null;
  anonymisedAt: Date | null;
}) {
  const cycleId = cycle.id;
  if (cycle.anonymisedAt) {
    const submitted = await db.surveyResponse.count({ where: { cycleId, status: "SUBMITTED" } });
    return {
      eligible: null,
      invited: null,
      inProgress: 0,
      cannotBeSent: 0,
      submitted,
      withdrawn: 0,
      rate: null,
    };
  }
  const kept = cycle.status === "CLOSED" ? (cycle.reachedAtClose ?? null) : null;
  const [reached, invited, byStatus, cannotBeSent] = await Promise.all([
    kept ?? businessesReached(cycle),
    db.surveyInvitation.count({ where: { cycleId } }),
    db.surveyResponse.groupBy({ by: ["status"], where: { cycleId }, _count: { _all: true } }),
    // a business the council rejected may not send what it started: not answers the officer can wait for
    db.surveyResponse.count({
      where: { cycleId, status: "IN_PROGRESS", organisation: { status: "REJECTED" } },
    }),
  ]);
  const count = (status: string) => byStatus.find((s) => s.status === status)?._count._all ?? 0;
  const submitted = count("SUBMITTED");
  return {
    eligible: reached,
    invited,
    inProgress: count("IN_PROGRESS") - cannotBeSent,
    cannotBeSent,
    submitted,
    withdrawn: count("WITHDRAWN"),
    rate: reached > 0 ? Math.round((submitted / reached) * 1000) / 10 : null,
  };
}

/**
 * How many businesses a cycle has reached: those eligible now, those invited, and those that answered (though no
 * longer eligible, the council's area having changed since), each once, and each address invited whose link is
 * still waiting. Closing a cycle keeps it (reachedAtClose), read in the closing transaction.
 */
export async function businessesReached(cycle: { id: string; councilId: string }, client: Tx = db) {
  const cycleId = cycle.id;
  const [eligible, invitedOrgs, answeredOrgs] = await Promise.all([
    eligibleSuppliers(cycle.councilId, client),
    client.surveyInvitation.findMany({
      where: { cycleId, organisationId: { not: null } },
      select: { organisationId: true },
      distinct: ["organisationId"],
    }),
    client.surveyResponse.findMany({
      where: { cycleId, organisationId: { not: null } },
      select: { organisationId: true },
    }),
  ]);
  const reachable = new Set(
    [
      ...eligible.map((e) => e.id),
      ...invitedOrgs.map((i) => i.organisationId),
      ...answeredOrgs.map((r) => r.organisationId),
    ].filter((id): id is string => id !== null),
  );
  return reachable.size + (await waitingBusinesses(cycleId, [...reachable], client));
}

// Businesses invited by an address typed in whose link is still waiting: each address is a business reached (a
// council inviting by email was told 1 answer of the 1 link followed was 100%), unless it is the contact or a
// member's address of a business already counted.
async function waitingBusinesses(cycleId: string, counted: string[], client: Tx = db) {
  const invitations = await client.surveyInvitation.findMany({
    where: { cycleId, organisationId: null },
    select: { email: true },
    distinct: ["email"],
  });
  const waiting = [...new Set(invitations.map((i) => i.email.toLowerCase()))];
  if (waiting.length === 0) return 0;
  const [contacts, members] = await Promise.all([
    client.organisation.findMany({
      where: { id: { in: counted }, contactEmail: { in: waiting, mode: "insensitive" } },
      select: { contactEmail: true },
    }),
    client.membership.findMany({
      where: { organisationId: { in: counted }, user: { email: { in: waiting, mode: "insensitive" } } },
      select: { user: { select: { email: true } } },
    }),
  ]);
  const known = new Set(
    [...contacts.map((o) => o.contactEmail), ...members.map((m) => m.user.email)].map((e) =>
      e?.toLowerCase(),
    ),
  );
  return waiting.filter((e) => !known.has(e)).length;
}

// Businesses no invitation should go to: those invited already, and those that have answered (found the survey
// on their own), started, or withdrew their answers (asked to take part after saying no more).
async function invitedBusinesses(tx: Tx, cycleId: string) {
  const invitations = await tx.surveyInvitation.findMany({
    where: { cycleId, organisationId: { not: null } },
    select: { organisationId: true },
  });
  const responses = await tx.surveyResponse.findMany({
    where: { cycleId, organisationId: { not: null } },
    select: { organisationId: true },
  });
  return new Set([...invitations, ...responses].map((i) => i.organisationId));
}

// Businesses among `targets` ("Invite eligible businesses") that a link sent to an address typed in has already
// invited, and may take up (decision 055): the address is the one the round would write to, was the business's
// contact address when that link was sent, or is a member's confirmed account address. Another email would give the
// business a second, different link to the same survey.
async function invitedByEmail(tx: Tx, cycleId: string, targets: InviteTarget[]) {
  const ids = targets.flatMap((t) => (t.organisationId ? [t.organisationId] : []));
  if (ids.length === 0) return new Set<string>();
  const links = await tx.surveyInvitation.findMany({
    where: { cycleId, organisationId: null, usedAt: null },
    select: { email: true, contactOfIds: true },
  });
  if (links.length === 0) return new Set<string>();
  const addresses = [...new Set(links.map((l) => l.email.toLowerCase()))];
  const contactOf = new Set(links.flatMap((l) => l.contactOfIds));
  const members = await tx.membership.findMany({
    where: {
      organisationId: { in: ids },
      user: { email: { in: addresses, mode: "insensitive" }, emailVerifiedAt: { not: null } },
    },
    select: { organisationId: true },
  });
  const known = new Set([...contactOf, ...members.map((m) => m.organisationId)]);
  return new Set(
    targets.flatMap((t) =>
      t.organisationId && (known.has(t.organisationId) || addresses.includes(t.email.toLowerCase()))
        ? [t.organisationId]
        : [],
    ),
  );
}

// shownAt: when the form was shown (typed addresses only), to tell a late repeat of an old form from a new send
type InviteTarget = { email: string; organisationId: string | null; submissionKey?: string; shownAt?: Date };

async function sendInvitations(
  officer: Officer,
  cycle: { id: string; year: number; opensOn: Date; closesOn: Date },
  targets: InviteTarget[],
) {
  // sent before the opening day, the invitation says when the survey opens (the link waits until then)
  const opensLater = !hasOpened(cycle);
  // Tokens and emails are prepared first, so the transaction only writes (a large invitation round must not
  // outlast the transaction's time limit).
  const branding = await emailBrandingOfCouncil(db, officer.councilId);
  const prepared = await Promise.all(
    targets.map(async (target) => {
      const token = crypto.randomBytes(24).toString("base64url");
      const render = (replacesEarlier: boolean) =>
        renderSurveyInvitationEmail({
          ...branding,
          year: cycle.year,
          opensOn: opensLater ? formatDate(cycle.opensOn) : null,
          closesOn: formatDate(cycle.closesOn),
          url: `${appUrl()}/survey/invitation/${token}`,
          replacesEarlier,
        });
      // an address typed in may already have a link waiting: that email says the earlier link no longer works
      const [email, resendEmail] = await Promise.all([
        render(false),
        target.organisationId === null ? render(true) : null,
      ]);
      return { target, tokenHash: hashInvitationToken(token), email, resendEmail };
    }),
  );
  return db.$transaction(
    async (tx) => {
      // Two rounds at once (a double click, two officers) queue on the cycle's row, and the later one sees the
      // businesses the first invited: each business gets one email. A cycle closed meanwhile sends nothing.
      // (NO KEY: a business giving consent meanwhile, whose new response refers to the cycle, need not wait.)
      const [open] = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "SurveyCycle" WHERE id = ${cycle.id} AND status = 'OPEN' FOR NO KEY UPDATE`;
      if (!open) return null;
      const invited = await invitedBusinesses(tx, cycle.id);
      const byEmail = await invitedByEmail(
        tx,
        cycle.id,
        prepared.map((p) => p.target),
      );
      const keys = prepared.flatMap(({ target }) => (target.submissionKey ? [target.submissionKey] : []));
      // the forms already sent, and whether each sent an invitation again (a key stays on the invitation its
      // latest form wrote)
      const sentWithKey = new Map(
        keys.length
          ? (
              await tx.surveyInvitation.findMany({
                where: { cycleId: cycle.id, submissionKey: { in: keys } },
                select: { submissionKey: true, sentAgainAt: true },
              })
            ).map((i) => [i.submissionKey, i.sentAgainAt !== null])
          : [],
      );
      const unsent = prepared.filter(
        ({ target }) =>
          (target.organisationId === null ||
            (!invited.has(target.organisationId) && !byEmail.has(target.organisationId))) &&
          !(target.submissionKey && sentWithKey.has(target.submissionKey)),
      );
      // A form shown before the address's waiting link was last sent, moments ago: a late repeat of an old form, whose
      // key a later "send again" has taken over. Another email would retire the link the business may be opening, so it is
      // answered as that sending was (true: sent again), with nothing sent (decision 031).
      const overtaken = new Map<InviteTarget, boolean>();
      for (const { target } of unsent) {
        if (target.organisationId !== null || !target.shownAt) continue;
        const latest = await tx.surveyInvitation.findFirst({
          where: { cycleId: cycle.id, email: target.email.toLowerCase(), usedAt: null },
          orderBy: { createdAt: "desc" },
          select: { createdAt: true, sentAgainAt: true },
        });
        const lastSent = latest ? (latest.sentAgainAt ?? latest.createdAt) : null;
        // (moments ago only: a page left open for long still sends the link a business says it lost)
        if (lastSent && lastSent > target.shownAt && lastSent.getTime() > Date.now() - REPEAT_WINDOW_MS)
          overtaken.set(target, latest!.sentAgainAt !== null);
      }
      const toSend = unsent.filter(({ target }) => !overtaken.has(target));
      // eligible businesses not sent another link, as one sent to an address typed in already invited them
      const skipped = prepared.filter(
        ({ target }) =>
          target.organisationId !== null &&
          byEmail.has(target.organisationId) &&
          !invited.has(target.organisationId),
      ).length;
      // A repeat of a form already sent (a double click): nothing new to write or log. It is answered as the
      // first sending was, whose answer the browser dropped for this one's: "sent again" when that replaced a link.
      if (toSend.length === 0 && (keys.length > 0 || overtaken.size > 0)) {
        const earlier = [
          ...keys.filter((key) => sentWithKey.has(key)).map((key) => sentWithKey.get(key)),
          ...overtaken.values(),
        ];
        const resent = earlier.filter(Boolean).length;
        return { sent: earlier.length - resent, resent, skipped, repeat: true };
      }
      let resent = 0;
      for (const { target, tokenHash, email, resendEmail } of toSend) {
        const address = target.email.toLowerCase();
        // An address with a link not yet followed is sent that invitation again, with a new link: the old one
        // (its token is only kept hashed, so it cannot be sent as it was) stops working, and the business is
        // still invited once.
        const waiting = resendEmail
          ? await tx.surveyInvitation.findMany({
              where: { cycleId: cycle.id, email: address, usedAt: null },
              orderBy: { createdAt: "desc" },
              select: { id: true },
            })
          : [];
        if (waiting.length > 0) {
          const [latest, ...older] = waiting;
          await tx.surveyInvitation.update({
            where: { id: latest.id },
            data: {
              tokenHash,
              sentAgainAt: new Date(),
              ...(target.submissionKey ? { submissionKey: target.submissionKey } : {}),
            },
          });
          // (only an address invited twice before this rule has more than one: their links stop working too)
          for (const { id } of older)
            await tx.surveyInvitation.update({
              where: { id },
              data: { tokenHash: hashInvitationToken(crypto.randomBytes(24).toString("base64url")) },
            });
          resent++;
        } else
          await tx.surveyInvitation.create({
            data: {
              cycleId: cycle.id,
              organisationId: target.organisationId,
              email: address,
              tokenHash,
              submissionKey: target.submissionKey ?? null,
              // an address typed in: whose contact address it is as it is sent (decision 031, s41 addendum)
              ...(target.organisationId === null
                ? {
                    contactOfIds: (
                      await tx.organisation.findMany({
                        where: { kind: "SUPPLIER", contactEmail: sameTextAs(address) },
                        select: { id: true },
                        orderBy: { id: "asc" },
                      })
                    ).map((o) => o.id),
                  }
                : {}),
            },
          });
        await enqueueEmail(tx, {
          ...(waiting.length > 0 && resendEmail ? resendEmail : email),
          to: target.email,
          template: "survey-invitation",
          councilId: officer.councilId,
          about: surveyCycleEmails(cycle.id),
        });
      }
      await writeAudit(
        {
          actorUserId: officer.userId,
          organisationId: officer.councilId,
          actorOrganisationId: officer.councilId,
          action: "survey.invite",
          entityType: "SurveyCycle",
          entityId: cycle.id,
          details: {
            invitations: toSend.length,
            ...(resent ? { sentAgain: resent } : {}),
            ...(skipped ? { invitedByEmail: skipped } : {}),
          },
          ipAddress: officer.ipAddress,
        },
        tx,
      );
      return { sent: toSend.length - resent, resent, skipped, repeat: false };
    },
    { timeout: 60_000 },
  );
}

// Whether invitations may go out: the cycle is open and its closing day (a London day) is not over. The night's
// housekeeping closes it some hours later; until then an invitation would name a closing date already past.
export function takingInvitations(cycle: { status: string; closesOn: Date }, now = new Date()) {
  return cycle.status === "OPEN" && cycle.closesOn.getTime() >= londonDay(now).getTime();
}

// Invites every eligible supplier not yet invited to this cycle, nor answering it. Returns how many were invited,
// how many eligible businesses there are, how many of those not yet invited have no address to write to (the
// officer is told, rather than left to think they were invited), and how many were skipped as a link sent to an
// address typed in had already invited them.
export async function inviteEligible(officer: Officer, cycleId: string) {
  const cycle = await getCycle(officer.councilId, cycleId);
  if (!cycle || !takingInvitations(cycle)) return null;
  // read again under the cycle's lock before sending (sendInvitations): this read only saves preparing emails
  const invited = await invitedBusinesses(db, cycleId);
  const eligible = await eligibleSuppliers(officer.councilId);
  const notInvited = eligible
    .filter((s) => !invited.has(s.id))
    .map((s) => ({ email: s.contactEmail ?? s.memberships[0]?.user.email, organisationId: s.id }));
  const targets = notInvited.flatMap((t) =>
    t.email ? [{ email: t.email, organisationId: t.organisationId }] : [],
  );
  const round = await sendInvitations(officer, cycle, targets);
  if (round === null) return null;
  return {
    sent: round.sent,
    eligible: eligible.length,
    withoutEmail: notInvited.length - targets.length,
    invitedByEmail: round.skipped,
  };
}

// submissionKey: the form's one-off key; the same form sent again (a double click) sends nothing more. shownAt: when
// the form was shown; one shown before the address was last sent its link sends nothing more either.
// Says whether the address was invited for the first time (sent: 1) or sent its waiting invitation again with a
// new link (resent: 1); a repeat of a form already sent (repeat: true) says what that form did.
export async function inviteAddress(
  officer: Officer,
  cycleId: string,
  email: string,
  form: { submissionKey?: string; shownAt?: Date } = {},
) {
  const cycle = await getCycle(officer.councilId, cycleId);
  if (!cycle || !takingInvitations(cycle)) return null;
  const round = await sendInvitations(officer, cycle, [{ email, organisationId: null, ...form }]);
  if (round === null) return null;
  // (an address typed in is never skipped: that is for the eligible businesses' round)
  return { sent: round.sent, resent: round.resent, repeat: round.repeat };
}
