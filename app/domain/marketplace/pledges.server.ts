// Pledges: a supplier pledges, the requestor accepts or declines, the supplier reports delivery, the requestor
// confirms or disputes. Request.pledgedQuantity and the request's status move in the same transaction
// (pledged-share.server.ts), so simultaneous pledges can never pledge more than a request needs.
import { dayToDate, londonDay } from "~/domain/calendar.ts";
import { formatDate } from "~/domain/format.ts";
import { db, isUniqueViolation, type Tx } from "~/db.server.ts";
import { SENT_TWICE_WINDOW_MS, writeAudit } from "~/domain/audit/audit.server.ts";
import { enqueueEmail } from "~/email/outbox.server.ts";
import { toOutbox, type EmailSink } from "./email-sink.server.ts";
import {
  deliveredConfirmedEmailFor,
  deliveryDisputedEmailFor,
  deliveryReportedEmailFor,
  newPledgeEmailFor,
  pledgeDecisionEmailFor,
  pledgeWithdrawnEmailFor,
} from "./pledge-emails.server.ts";
import type { Actor } from "./access.server.ts";
import { deliveredOverPledgedMessage, pledgeOverLeftMessage } from "./schemas.ts";
import {
  heldShare,
  HOLDING_STATUSES,
  pledgeTransition,
  releasesShare,
  repeatsLatestChange,
  type PledgeAction,
  type PledgeRole,
} from "./pledge-lifecycle.ts";
import { contractWithCouncilOf, councilNamesOf, namedAlsoFor } from "./also-for.ts";
import { claimShare, releaseShare } from "./pledged-share.server.ts";
import { fullyPledgedForNow } from "./pledge-eligibility.ts";
import { organisationRecipients } from "./recipients.server.ts";
import { lockRequest, refusal, TransitionRefused, type Failure } from "./requests.server.ts";
import { isPastNeededBy, LIVE_STATUSES, requestTransition, takesPledges } from "./request-lifecycle.ts";
import type { HelpType, PledgeStatus } from "~/generated/prisma/enums.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import { REQUEST_EVENT_REASONS } from "./request-timeline.ts";
import { REQUEST_AMOUNT } from "./request-amount-select.ts";

// A pledge or a change to one refused for one or more fields, each with its messages, so all come in one round (the
// field "" for the form as a whole). It is a TransitionRefused of its first problem, for a caller that answers with
// `refusal`; createPledge and changePledge answer all of them (fieldErrorsOf).
class RefusedWithFieldErrors extends TransitionRefused {
  constructor(public fieldErrors: Record<string, string[]>) {
    const [field, messages] = Object.entries(fieldErrors)[0]!;
    super(messages[0]!, field || undefined);
  }
}

// The answer to a refusal with field errors, every one of them; null for any other error, the caller's to answer.
function fieldErrorsOf(error: unknown): Failure | null {
  return error instanceof RefusedWithFieldErrors ? { ok: false, fieldErrors: error.fieldErrors } : null;
}

/** What the pledge form for a request that may still be pledged to is checked against: its needed-by date (an ISO
 * day), the last day the expected delivery date takes (and so its example's), and how much it still needs, in its
 * unit. Null if there is no such request: the form is then checked as any (createPledge then says why). */
export async function pledgeFormBounds(requestId: string) {
  const request = await db.request.findFirst({
    where: { id: requestId, status: { in: LIVE_STATUSES } },
    select: { neededBy: true, quantity: true, pledgedQuantity: true, helpType: true, unitLabel: true },
  });
  if (!request) return null;
  return {
    neededBy: request.neededBy.toISOString().slice(0, 10),
    left: request.quantity - request.pledgedQuantity,
    helpType: request.helpType,
    unitLabel: request.unitLabel,
  };
}

// The request as a supplier sees it before pledging, and the supplier's own commitments with that council.
export async function getRequestForPledge(requestId: string, supplierOrganisationId: string) {
  const found = await db.request.findFirst({
    where: { id: requestId, status: { in: LIVE_STATUSES } },
    select: {
      id: true,
      title: true,
      status: true,
      ...REQUEST_AMOUNT,
      neededBy: true,
      councilId: true,
      organisationId: true,
      council: { select: { name: true } },
      alsoFor: namedAlsoFor,
    },
  });
  if (!found) return null;
  const { alsoFor: _, ...request } = found;
  const [commitments, ownPledges] = await Promise.all([
    supplierCommitments(supplierOrganisationId, request),
    // what the organisation already pledged to it (perhaps by a colleague): a second pledge is then a choice
    ownPledgesOn(requestId, supplierOrganisationId),
  ]);
  // the lead council first, then the others it is also for (decision 050)
  return { request: { ...request, councilNames: councilNamesOf(found) }, commitments, ownPledges };
}

// A supplier's pledges still holding their share of a request, oldest first: shown on the pledge form and on the
// request's page, each linked to the pledge.
export function ownPledgesOn(requestId: string, supplierOrganisationId: string) {
  return db.pledge.findMany({
    where: { requestId, supplierOrganisationId, status: { in: HOLDING_STATUSES } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, quantity: true, deliveredQuantity: true, status: true, createdAt: true },
  });
}

// Contracts a pledge can still count towards: active, and not past their end date in London. A contract left
// "active" after it ended (as a procurement export may leave it) has nothing more to deliver.
export function runningContract(asOf = new Date()): Prisma.ContractWhereInput {
  return { status: "ACTIVE", endDate: { gte: londonDay(asOf) } };
}

// A pledge can count only towards a commitment it can add to: a numeric target on a running contract with one of
// the request's councils (its lead council or another it is also for, decision 050), whose measure is still in use
// and counts the request's kind of help.
function fittingCommitments(
  supplierOrganisationId: string,
  request: { id: string; councilId: string; helpType: HelpType },
): Prisma.CommitmentWhereInput {
  return {
    targetQuantity: { not: null },
    contract: { supplierOrganisationId, ...contractWithCouncilOf(request), ...runningContract() },
    measure: { retiredAt: null, contributingHelpTypes: { has: request.helpType } },
  };
}

function supplierCommitments(
  supplierOrganisationId: string,
  request: { id: string; councilId: string; helpType: HelpType },
) {
  return db.commitment.findMany({
    where: fittingCommitments(supplierOrganisationId, request),
    orderBy: [{ contract: { reference: "asc" } }],
    select: {
      id: true,
      measure: { select: { name: true } },
      contract: {
        select: { reference: true, title: true, endDate: true, council: { select: { name: true } } },
      },
    },
  });
}

type PledgeInput = {
  requestId: string;
  supplierOrganisationId: string;
  actor: Actor;
  submissionKey: string;
  quantity: number;
  message?: string;
  expectedDeliveryDate: string;
  commitmentId?: string;
};

/** A pledge already made by what `input` sends, answered as it was (decision 024): by this form (its key: a double
 * click), or moments ago by another form with the same answers (`sentBefore`: Back after pledging shows the form
 * again with what was typed, under a new key). Null when the pledge is a new one. */
export async function earlierPledge(
  input: PledgeInput,
  client: Tx = db,
): Promise<{ pledgeId: string; sentBefore: boolean } | null> {
  const sameForm = await findBySubmissionKey(input.supplierOrganisationId, input.submissionKey, client);
  if (sameForm) return { pledgeId: sameForm.id, sentBefore: false };
  const samePledge = await pledgedMomentsAgo(client, input);
  return samePledge ? { pledgeId: samePledge.id, sentBefore: true } : null;
}

// The same pledge sent again from a fresh form: one this person made for this business to this request moments ago,
// with the same quantity, message, expected delivery date and commitment, and still only offered. One the requestor
// has accepted or declined, or the supplier withdrawn, is not it: a second offer after that is meant.
function pledgedMomentsAgo(client: Tx, input: PledgeInput) {
  return client.pledge.findFirst({
    where: {
      requestId: input.requestId,
      supplierOrganisationId: input.supplierOrganisationId,
      createdById: input.actor.userId,
      status: "OFFERED",
      createdAt: { gt: new Date(Date.now() - SENT_TWICE_WINDOW_MS) },
      quantity: input.quantity,
      message: input.message || null,
      expectedDeliveryDate: dayToDate(input.expectedDeliveryDate),
      commitmentId: input.commitmentId || null,
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true },
  });
}

export async function createPledge(
  input: PledgeInput,
): Promise<{ ok: true; pledgeId: string; repeated: boolean; sentBefore: boolean } | Failure> {
  // a repeat is answered as the first was, before the checks below (which the first may since have failed)
  const earlier = await earlierPledge(input);
  if (earlier) return { ok: true, ...earlier, repeated: true };
  const request = await db.request.findUnique({
    where: { id: input.requestId },
    select: { councilId: true, helpType: true, neededBy: true, status: true },
  });
  if (!request) return { ok: false, fieldErrors: { "": ["This request no longer exists."] } };
  // help that comes after the date it is needed by does not meet the need (the requestor can extend the date);
  // a request closed to pledges (its date passed, or not published: a draft's date is not for suppliers to
  // read) is refused by the claim below, which says so
  const expected = dayToDate(input.expectedDeliveryDate);
  if (takesPledges(request) && expected > request.neededBy)
    return {
      ok: false,
      fieldErrors: {
        expectedDeliveryDate: [
          `The expected delivery date must be on or before ${formatDate(request.neededBy)}, the date the help is needed by`,
        ],
      },
    };
  if (input.commitmentId) {
    const commitment = await db.commitment.findFirst({
      where: {
        id: input.commitmentId,
        ...fittingCommitments(input.supplierOrganisationId, { ...request, id: input.requestId }),
      },
      select: { contract: { select: { reference: true, endDate: true } } },
    });
    if (!commitment)
      return {
        ok: false,
        fieldErrors: {
          commitmentId: [
            "Select one of your commitments listed here: an active contract with a council this request is for whose measure counts this kind of help",
          ],
        },
      };
    // a commitment is a target over the contract's term: help delivered after the contract ends is not delivery
    // under it, and the council would count it towards a contract that has finished
    const { reference, endDate } = commitment.contract;
    if (expected > endDate)
      return {
        ok: false,
        fieldErrors: {
          commitmentId: [
            `Contract ${reference} ends on ${formatDate(endDate)}, before you expect to deliver: choose a delivery date on or before then, another commitment, or None`,
          ],
        },
      };
  }
  try {
    const made = await db.$transaction(async (tx) => {
      // pledges to the request one at a time (decision 012), so this one sees a pledge the other has just made
      await lockRequest(tx, input.requestId);
      const earlier = await earlierPledge(input, tx);
      if (earlier) return { ...earlier, repeated: true };
      const pledge = await tx.pledge.create({
        data: {
          requestId: input.requestId,
          supplierOrganisationId: input.supplierOrganisationId,
          createdById: input.actor.userId,
          commitmentId: input.commitmentId || null,
          quantity: input.quantity,
          message: input.message || null,
          expectedDeliveryDate: expected,
          submissionKey: input.submissionKey,
        },
        select: { id: true },
      });
      const claimed = await claimShare(tx, {
        requestId: input.requestId,
        supplierOrganisationId: input.supplierOrganisationId,
        quantity: input.quantity,
        actorUserId: input.actor.userId,
      });
      if (!claimed) throw new RefusedWithFieldErrors(await whyNot(tx, input));
      await tx.pledgeEvent.create({
        data: { pledgeId: pledge.id, fromStatus: null, toStatus: "OFFERED", actorUserId: input.actor.userId },
      });
      const request = await tx.request.findUniqueOrThrow({
        where: { id: input.requestId },
        select: { councilId: true, organisationId: true, createdById: true },
      });
      await writeAudit(
        {
          actorUserId: input.actor.userId,
          organisationId: request.councilId,
          actorOrganisationId: input.supplierOrganisationId,
          action: "pledge.create",
          entityType: "Pledge",
          entityId: pledge.id,
          ipAddress: input.actor.ipAddress,
        },
        tx,
      );
      const email = await newPledgeEmailFor(tx, pledge.id);
      for (const to of await organisationRecipients(tx, request.organisationId, request.createdById))
        await enqueueEmail(tx, {
          ...email,
          to,
          template: "marketplace.newPledge",
          councilId: request.councilId,
        });
      return { pledgeId: pledge.id, sentBefore: false, repeated: false };
    });
    return { ok: true, ...made };
  } catch (error) {
    const refused = fieldErrorsOf(error);
    if (refused) return refused;
    if (isUniqueViolation(error)) {
      const existing = await findBySubmissionKey(input.supplierOrganisationId, input.submissionKey);
      if (existing) return { ok: true, pledgeId: existing.id, repeated: true, sentBefore: false };
    }
    throw error;
  }
}

function findBySubmissionKey(supplierOrganisationId: string, submissionKey: string, client: Tx = db) {
  return client.pledge.findUnique({
    where: { supplierOrganisationId_submissionKey: { supplierOrganisationId, submissionKey } },
    select: { id: true },
  });
}

// A clear message for each reason the guarded update matched nothing.
async function whyNot(tx: Tx, input: PledgeInput): Promise<Record<string, string[]>> {
  const request = await tx.request.findUnique({
    where: { id: input.requestId },
    select: {
      status: true,
      quantity: true,
      pledgedQuantity: true,
      organisationId: true,
      neededBy: true,
      helpType: true,
      unitLabel: true,
    },
  });
  if (!request) return { "": ["This request no longer exists."] };
  if (request.organisationId === input.supplierOrganisationId)
    return { "": ["You cannot pledge to your own request."] };
  const member = await tx.membership.findUnique({
    where: { userId_organisationId: { userId: input.actor.userId, organisationId: request.organisationId } },
    select: { id: true },
  });
  if (member)
    return {
      "": ["You cannot pledge to this request: you are also a member of the organisation that posted it."],
    };
  // filled by other suppliers since the form was loaded: not closed, as a pledge withdrawn or declined reopens it
  const fullyPledged = fullyPledgedForNow(request);
  if (fullyPledged) return { "": [fullyPledged] };
  if (!takesPledges(request)) return { "": ["This request is closed to new pledges."] };
  return { quantity: [pledgeOverLeftMessage(request, request.quantity - request.pledgedQuantity)] };
}

type DeliveryReport = { deliveredQuantity?: number; deliveredOn?: string };
type ReportedPledge = {
  quantity: number;
  createdAt: Date;
  request: { helpType: HelpType; unitLabel: string | null };
};

/** What is wrong with a delivery report that only the pledge can tell, each by its field: more than was pledged, or a
 * date before the pledge it fulfils (the form already refuses a date in the future). A field not given is not
 * checked. The pledge page also asks it for a report its form refused for other errors, so all come in one round:
 * it is given the pledge the page loaded by its access rule and reads no other. */
export function deliveryReportProblems(pledge: ReportedPledge, report: DeliveryReport) {
  const problems: Record<string, string[]> = {};
  if (report.deliveredQuantity !== undefined && report.deliveredQuantity > pledge.quantity)
    problems.deliveredQuantity = [deliveredOverPledgedMessage(pledge.request, pledge.quantity)];
  const pledgedOn = londonDay(pledge.createdAt);
  if (report.deliveredOn !== undefined && dayToDate(report.deliveredOn) < pledgedOn)
    problems.deliveredOn = [`Date delivered cannot be before you pledged, on ${formatDate(pledgedOn)}`];
  return problems;
}

type PledgeChange = {
  pledgeId: string;
  action: PledgeAction;
  roles: PledgeRole[];
  actor: Actor;
  reason?: string | null;
  deliveredQuantity?: number;
  deliveredOn?: string;
  deliveryNote?: string;
  rating?: number;
  feedback?: string;
  // where its emails go (the outbox, unless the caller gathers them)
  send?: EmailSink;
};

const ROLE_FOR: Record<PledgeAction, PledgeRole> = {
  accept: "REQUESTOR",
  decline: "REQUESTOR",
  confirm: "REQUESTOR",
  dispute: "REQUESTOR",
  withdraw: "SUPPLIER",
  reportDelivery: "SUPPLIER",
};

// One transition chosen by the requestor or the supplier on the pledge's page.
export async function changePledge(
  change: PledgeChange,
): Promise<{ ok: true; status: PledgeStatus } | Failure> {
  return db
    .$transaction((tx) => changePledgeIn(tx, change))
    .catch((error: unknown) => fieldErrorsOf(error) ?? refusal(error));
}

// The same inside the caller's transaction, which it locks the pledge's request in: the change, its history row,
// the request's share, audit entry and emails, or TransitionRefused (the caller rolls back, or answers with
// `refusal`).
export async function changePledgeIn(
  tx: Tx,
  change: PledgeChange,
): Promise<{ ok: true; status: PledgeStatus }> {
  const target = await tx.pledge.findUnique({
    where: { id: change.pledgeId },
    select: { requestId: true },
  });
  if (!target) throw new TransitionRefused("This pledge no longer exists.");
  await lockRequest(tx, target.requestId);
  const pledge = await tx.pledge.findUnique({
    where: { id: change.pledgeId },
    select: {
      id: true,
      status: true,
      quantity: true,
      deliveredQuantity: true,
      requestId: true,
      supplierOrganisationId: true,
      createdById: true,
      createdAt: true,
      deliveredOn: true,
      rating: true,
      request: {
        select: {
          councilId: true,
          organisationId: true,
          createdById: true,
          neededBy: true,
          extendedAt: true,
          helpType: true,
          unitLabel: true,
        },
      },
    },
  });
  if (!pledge) throw new TransitionRefused("This pledge no longer exists.");
  const role = ROLE_FOR[change.action];
  if (!change.roles.includes(role)) throw new TransitionRefused("You cannot do this to a pledge.");
  const transition = pledgeTransition(pledge.status, change.action, role);
  if (!transition.ok) {
    // a double-submitted form: answered as the first was, with no second event, audit entry or email
    if (await repeatsItsLatestChange(tx, pledge, change, role))
      return { ok: true as const, status: pledge.status };
    throw new TransitionRefused(transition.reason);
  }
  // past its needed-by date the request takes no new work, though the nightly expiry run has not closed it yet
  if (change.action === "accept" && isPastNeededBy(pledge.request.neededBy))
    throw new TransitionRefused(acceptTooLate(pledge.request));
  const data: Record<string, unknown> = { status: transition.to };
  if (change.action === "decline") data.decisionReason = change.reason;
  if (change.action === "reportDelivery") {
    // every problem at once, each next to its field, not one per round
    const { deliveredOn } = change;
    const problems = deliveryReportProblems(pledge, change);
    if (!deliveredOn) problems.deliveredOn = ["Enter the date it was delivered"];
    if (!deliveredOn || Object.keys(problems).length > 0) throw new RefusedWithFieldErrors(problems);
    data.deliveredQuantity = change.deliveredQuantity;
    data.deliveredOn = dayToDate(deliveredOn);
    data.deliveryNote = change.deliveryNote;
  }
  if (change.action === "confirm") {
    data.confirmedAt = new Date();
    data.rating = change.rating ?? null;
    data.feedback = change.feedback || null;
  }
  if (change.action === "dispute") data.disputeReason = change.reason;
  const { count } = await tx.pledge.updateMany({ where: { id: pledge.id, status: pledge.status }, data });
  if (count !== 1)
    throw new TransitionRefused("The pledge changed at the same time. Please reload and try again.");
  await tx.pledgeEvent.create({
    data: {
      pledgeId: pledge.id,
      fromStatus: pledge.status,
      toStatus: transition.to,
      actorUserId: change.actor.userId,
      reason: eventReason(change),
    },
  });
  // declined or withdrawn, all of its share; confirmed short of what was pledged, the shortfall
  const released = heldShare(pledge.status, pledge) - heldShare(transition.to, pledge);
  if (released > 0)
    await releaseShare(tx, {
      requestId: pledge.requestId,
      quantity: released,
      actorUserId: change.actor.userId,
      reason: releasesShare(pledge.status, transition.to) ? undefined : REQUEST_EVENT_REASONS.shortDelivery,
    });
  if (change.action === "confirm") await fulfilIfComplete(tx, pledge.requestId, change.actor.userId);
  await writeAudit(
    {
      actorUserId: change.actor.userId,
      organisationId: pledge.request.councilId,
      actorOrganisationId:
        role === "SUPPLIER" ? pledge.supplierOrganisationId : pledge.request.organisationId,
      action: `pledge.${change.action}`,
      entityType: "Pledge",
      entityId: pledge.id,
      details: change.reason ? { reason: change.reason } : undefined,
      ipAddress: change.actor.ipAddress,
    },
    tx,
  );
  await notify(tx, change.action, pledge, change.reason, change.send);
  return { ok: true as const, status: transition.to };
}

// Why an offer cannot be accepted once the request's needed-by date has passed, and what the requestor can do.
export function acceptTooLate(request: { neededBy: Date; extendedAt: Date | null }) {
  return `You cannot accept this pledge: the request’s needed-by date, ${formatDate(request.neededBy)}, has passed.${
    request.extendedAt
      ? ""
      : " If you still need the help, extend the needed-by date on the request’s page first."
  }`;
}

// What a change's history row says: its reason, or the delivery note or feedback it came with.
function eventReason(change: PledgeChange) {
  return (
    change.reason ?? (change.action === "reportDelivery" ? change.deliveryNote : change.feedback) ?? null
  );
}

// The same change sent again (a double click, or the form sent twice): the pledge's latest change is this very
// transition by the same side (pledge-lifecycle.ts), with the same reason and the same delivery or rating. A
// different change, or the same one with other details, is not a repeat: it gets the state machine's refusal.
async function repeatsItsLatestChange(
  tx: Tx,
  pledge: {
    id: string;
    status: PledgeStatus;
    deliveredQuantity: number | null;
    deliveredOn: Date | null;
    rating: number | null;
  },
  change: PledgeChange,
  role: PledgeRole,
) {
  const latest = await tx.pledgeEvent.findFirst({
    where: { pledgeId: pledge.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { fromStatus: true, toStatus: true, actorUserId: true, reason: true },
  });
  if (!repeatsLatestChange(pledge.status, change.action, role, latest)) return false;
  if ((latest?.reason ?? null) !== eventReason(change)) return false;
  if (change.action === "reportDelivery")
    return (
      pledge.deliveredQuantity === (change.deliveredQuantity ?? null) &&
      change.deliveredOn !== undefined &&
      pledge.deliveredOn?.getTime() === dayToDate(change.deliveredOn).getTime()
    );
  if (change.action === "confirm") return pledge.rating === (change.rating ?? null);
  return true;
}

async function notify(
  tx: Tx,
  action: PledgeAction,
  pledge: {
    id: string;
    // before this change
    status: PledgeStatus;
    supplierOrganisationId: string;
    createdById: string | null;
    request: { councilId: string; organisationId: string; createdById: string | null };
  },
  reason?: string | null,
  send: EmailSink = toOutbox,
) {
  let email;
  let toRequestor = false;
  if (action === "accept" || action === "decline")
    email = await pledgeDecisionEmailFor(tx, pledge.id, {
      calledOff: action === "decline" && pledge.status !== "OFFERED",
    });
  else if (action === "reportDelivery") {
    email = await deliveryReportedEmailFor(tx, pledge.id);
    toRequestor = true;
  } else if (action === "confirm") email = await deliveredConfirmedEmailFor(tx, pledge.id);
  else if (action === "dispute") email = await deliveryDisputedEmailFor(tx, pledge.id);
  else if (action === "withdraw") {
    email = await pledgeWithdrawnEmailFor(tx, pledge.id, reason);
    toRequestor = true;
  }
  if (!email) return;
  const recipients = toRequestor
    ? await organisationRecipients(tx, pledge.request.organisationId, pledge.request.createdById)
    : await organisationRecipients(tx, pledge.supplierOrganisationId, pledge.createdById);
  for (const to of recipients)
    await send(tx, {
      ...email,
      to,
      template: `marketplace.${action}`,
      councilId: pledge.request.councilId,
    });
}

// Pledges still holding a share that are not yet confirmed: while any remain, the request is not fulfilled.
const OUTSTANDING_STATUSES: PledgeStatus[] = HOLDING_STATUSES.filter((status) => status !== "CONFIRMED");

// A fully pledged request is fulfilled once every pledge holding a share is confirmed.
async function fulfilIfComplete(tx: Tx, requestId: string, actorUserId: string) {
  const request = await tx.request.findUniqueOrThrow({ where: { id: requestId }, select: { status: true } });
  const fulfil = requestTransition(request.status, "fulfil", "SYSTEM");
  if (!fulfil.ok) return;
  const outstanding = await tx.pledge.count({
    where: { requestId, status: { in: OUTSTANDING_STATUSES } },
  });
  if (outstanding > 0) return;
  const { count } = await tx.request.updateMany({
    where: { id: requestId, status: request.status },
    data: { status: fulfil.to, fulfilledAt: new Date(), closedAt: new Date() },
  });
  if (count === 1)
    await tx.requestEvent.create({
      data: {
        requestId,
        fromStatus: request.status,
        toStatus: fulfil.to,
        actorUserId,
        reason: REQUEST_EVENT_REASONS.fulfilled,
      },
    });
}
