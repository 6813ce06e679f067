// Requests: create, edit, the requestor's and the officer's transitions. Each change is one transaction with
// a guard on the current status, an event row (who, when, why), an audit entry and its emails.
import { dayToDate, londonDay } from "~/domain/calendar.ts";
import { db, isUniqueViolation, lockUntilCommit, type Tx } from "~/db.server.ts";
import { SENT_TWICE_WINDOW_MS, writeAudit } from "~/domain/audit/audit.server.ts";
import { formatDate, inNameOrder } from "~/domain/format.ts";
import { enqueueEmail } from "~/email/outbox.server.ts";
import { toOutbox, type EmailSink } from "./email-sink.server.ts";
import {
  changesRequestedEmail,
  expiryReminderEmail,
  requestExpiredEmail,
  openForYourCouncilEmail,
  requestApprovedEmail,
} from "~/email/templates/marketplace-request.tsx";
import { brandForOrganisation } from "~/domain/accounts/emails.server.tsx";
import { type CouncilBrand, councilBrandSelect, emailBrandingOf } from "~/domain/content/branding.server.ts";
import { appUrl } from "~/env.server.ts";
import type { RequestStatus } from "~/generated/prisma/enums.ts";
import type { Actor } from "./access.server.ts";
import { pledgeDecisionEmailFor } from "./pledge-emails.server.ts";
import { REQUEST_DATA_COLUMNS } from "./queries.server.ts";
import { pledgeTransition, releasesShare, UNSETTLED_STATUSES } from "./pledge-lifecycle.ts";
import { releaseShare } from "./pledged-share.server.ts";
import { organisationRecipients } from "./recipients.server.ts";
import {
  CLOSED_STATUSES,
  EXTENDED_ONCE,
  repeatsExtension,
  repeatsLatestRequestChange,
  requestTransition,
  type RequestAction,
  type RequestRole,
  WITHDRAW_WHILE_UNDER_WAY,
} from "./request-lifecycle.ts";
import {
  alsoForProblem,
  CATEGORY_OF_OTHER_COUNCIL,
  DISTRICT_OF_OTHER_COUNCIL,
  laterNeededByMessage,
  noLaterNeededBy,
  PLACE_NEEDED,
  type RequestForm,
} from "./schemas.ts";
import { extendedReason } from "./request-timeline.ts";
import { staleRequestEdit, type RequestStaleEdit } from "./request-stale-edit.server.ts";
import {
  COUNCIL_WITH_MODERATORS,
  isNamedCouncil,
  NAMED_COUNCIL,
  nobodyToApprove,
} from "~/domain/named-councils.ts";

export type Failure = {
  ok: false;
  formError?: string;
  fieldErrors?: Record<string, string[]>;
  // an edit refused because a colleague saved the request first: the version now saved, and what differs
  stale?: RequestStaleEdit;
};

export const STALE_REQUEST_EDIT =
  "Someone else saved changes to this request while you were editing, so your changes were not saved. What they saved is shown, your answers are kept below: check them, then save again.";

// A change that cannot be made; with a field, the message belongs next to that field of the form.
class TransitionRefused extends Error {
  constructor(
    message: string,
    public field?: string,
  ) {
    super(message);
  }
}

// The councils a request can be for, with their active categories and districts (form options).
export async function requestFormOptions() {
  const councils = await db.organisation.findMany({
    where: NAMED_COUNCIL,
    select: {
      id: true,
      name: true,
      categories: {
        where: { active: true },
        orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
        select: { id: true, name: true },
      },
      districts: { where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true } },
    },
  });
  // as people read names (compareNames), as the other pickers list organisations
  return inNameOrder(councils);
}

// A category or district the council retired after the request was saved with it is not among the form's choices,
// so the field would read blank: what the edit form says next to it instead, in the words a refused submit uses.
export function retiredChoices(request: {
  category: { name: string; active: boolean };
  district: { name: string; active: boolean } | null;
}) {
  const retired: { categoryId?: string; districtId?: string } = {};
  if (!request.category.active)
    retired.categoryId = `The council no longer uses the category “${request.category.name}”, which you chose. Select another category`;
  if (request.district && !request.district.active)
    retired.districtId = `The council no longer lists the district “${request.district.name}”, which you chose. Select another district, or No district`;
  return retired;
}

// Unknown categories or districts (or ones of another council) become field errors, never a 500.
async function checkReferences(form: RequestForm): Promise<Failure | null> {
  const fieldErrors: Record<string, string[]> = {};
  const council = await db.organisation.findFirst({
    where: { id: form.councilId, ...NAMED_COUNCIL },
    select: { id: true, name: true },
  });
  if (!council) fieldErrors.councilId = ["Select a council from the list"];
  else if (
    form.intent === "submit" &&
    !(await db.organisation.count({ where: { id: council.id, ...COUNCIL_WITH_MODERATORS } }))
  )
    fieldErrors.councilId = [
      nobodyToApprove(
        council.name,
        "Save the request as a draft and submit it later, or choose another council.",
      ),
    ];
  // the other councils it is also for: councils on the instance, never the lead one (decision 050)
  const alsoFor = form.alsoForCouncilIds ?? [];
  if (alsoFor.length) {
    const councils = await db.organisation.findMany({
      where: { id: { in: alsoFor }, ...NAMED_COUNCIL },
      select: { id: true },
    });
    const problem = alsoForProblem(form.councilId, alsoFor, councils);
    if (problem) fieldErrors.alsoForCouncilIds = [problem];
  }
  const category = await db.category.findFirst({
    where: { id: form.categoryId, councilId: form.councilId, active: true },
    select: { id: true },
  });
  if (!category) fieldErrors.categoryId = [CATEGORY_OF_OTHER_COUNCIL];
  if (form.districtId) {
    const district = await db.district.findFirst({
      where: { id: form.districtId, councilId: form.councilId, active: true },
      select: { id: true },
    });
    if (!district) fieldErrors.districtId = [DISTRICT_OF_OTHER_COUNCIL];
  }
  if (!form.districtId && !form.postcodeArea && !form.isRemote) fieldErrors.districtId = [PLACE_NEEDED];
  const elsewhere = fieldErrors.districtId ? null : await postcodeAreaElsewhere(form);
  if (elsewhere) fieldErrors.postcodeArea = [elsewhere];
  return Object.keys(fieldErrors).length ? { ok: false, fieldErrors } : null;
}

// A postcode area in another council's area: listed by none of the request's council's districts but by another
// council's ("BN1" on a Northshire request, when Eastvale's Brighton lists BN1), which would show a Northshire
// request as being in Brighton. An area no district lists is taken as given (a council's lists need not be
// complete; the request is then filed under no district), and a district the requestor chose stays as chosen
// (decision 016) even where another of the council's districts lists the area.
async function postcodeAreaElsewhere(form: RequestForm): Promise<string | null> {
  const area = form.postcodeArea;
  if (!area) return null;
  const listing = await db.district.findMany({
    where: { active: true, postcodeAreas: { has: area } },
    select: { councilId: true, council: { select: { name: true } } },
    orderBy: [{ council: { name: "asc" } }, { id: "asc" }],
  });
  if (listing.length === 0 || listing.some((d) => d.councilId === form.councilId)) return null;
  const other = listing[0]!.council.name;
  return `${area} is in ${other}’s area, not this council’s: correct the postcode area, or choose ${other} as the council`;
}

// A request placed by postcode area alone is filed under the district of its council that lists that area, so
// the marketplace's district filter (an indexed equality on districtId) and the reports by district find it. A
// district the requestor chose stays as chosen.
async function districtOf(form: RequestForm, client: Tx = db) {
  if (form.districtId || !form.postcodeArea) return form.districtId || null;
  const district = await client.district.findFirst({
    where: { councilId: form.councilId, active: true, postcodeAreas: { has: form.postcodeArea } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  return district?.id ?? null;
}

// On edit, the form shows the district the request is filed under, whether chosen or filed by its postcode area.
// Filed by area (the district lists the area it had: decision 016's rule), it follows a new area as on create,
// rather than keeping the old area's district because the form sent it back unchanged.
async function districtOnEdit(
  tx: Tx,
  current: { districtId: string | null; postcodeArea: string | null },
  form: RequestForm,
) {
  const area = form.postcodeArea || null;
  const filedByArea =
    current.districtId !== null &&
    form.districtId === current.districtId &&
    current.postcodeArea !== null &&
    area !== null &&
    area !== current.postcodeArea &&
    (await tx.district.count({
      where: { id: current.districtId, postcodeAreas: { has: current.postcodeArea } },
    })) === 1;
  return districtOf(filedByArea ? { ...form, districtId: undefined } : form, tx);
}

// The same rule for requests saved before their area was listed under a district (a district added, given the
// area, or restored): run when a council changes its districts.
export async function fileRequestsByPostcodeArea(tx: Tx, councilId: string) {
  await tx.$executeRaw`
    UPDATE "Request" r
    SET "districtId" = (SELECT d.id FROM "District" d
                        WHERE d."councilId" = r."councilId" AND d.active AND r."postcodeArea" = ANY(d."postcodeAreas")
                        ORDER BY d.name, d.id LIMIT 1)
    WHERE r."councilId" = ${councilId} AND r."districtId" IS NULL AND r."postcodeArea" IS NOT NULL
      AND EXISTS (SELECT 1 FROM "District" d
                  WHERE d."councilId" = r."councilId" AND d.active AND r."postcodeArea" = ANY(d."postcodeAreas"))`;
}

// The other way round, when a council takes areas out of a district or retires it: its requests placed by one of
// those areas are filed again by the same rule (under another active district that lists the area, or none), so
// the district filter and the district's own list agree. A district chosen without an area stays, even retired,
// and closed requests keep theirs (the reports by district are history). Returns how many were filed again.
export async function refileRequestsByPostcodeArea(
  tx: Tx,
  councilId: string,
  districtId: string,
  areas: string[],
) {
  if (!areas.length) return 0;
  return tx.$executeRaw`
    UPDATE "Request" r
    SET "districtId" = (SELECT d.id FROM "District" d
                        WHERE d."councilId" = r."councilId" AND d.active AND r."postcodeArea" = ANY(d."postcodeAreas")
                        ORDER BY d.name, d.id LIMIT 1)
    WHERE r."councilId" = ${councilId} AND r."districtId" = ${districtId}
      AND r."postcodeArea" = ANY(${areas}::text[])
      AND r.status::text <> ALL(${CLOSED_STATUSES}::text[])`;
}

function requestData(form: RequestForm, districtId: string | null) {
  return {
    councilId: form.councilId,
    title: form.title,
    description: form.description,
    categoryId: form.categoryId,
    helpType: form.helpType,
    quantity: form.quantity,
    unitLabel: form.helpType === "GOODS" ? form.unitLabel || null : null,
    districtId,
    postcodeArea: form.postcodeArea || null,
    isRemote: form.isRemote,
    neededBy: dayToDate(form.neededBy),
    beneficiaries: form.beneficiaries || null,
    beneficiaryCount: form.beneficiaryCount ?? null,
    contactPreference: form.contactPreference || null,
  };
}

async function recordRequestEvent(
  tx: Tx,
  input: {
    requestId: string;
    from: RequestStatus | null;
    to: RequestStatus;
    actorUserId: string | null;
    reason?: string | null;
  },
) {
  await tx.requestEvent.create({
    data: {
      requestId: input.requestId,
      fromStatus: input.from,
      toStatus: input.to,
      actorUserId: input.actorUserId,
      reason: input.reason ?? null,
    },
  });
}

export async function createRequest(input: {
  form: RequestForm;
  organisationId: string;
  organisationVerified: boolean;
  actor: Actor;
}): Promise<
  | {
      ok: true;
      id: string;
      status: RequestStatus;
      // whether it has been sent for approval, by this post or before: the page says which the post did
      submitted: boolean;
      sentBefore: boolean;
    }
  | Failure
> {
  const submit = input.form.intent === "submit";
  // the same form posted again (a double click): the request the first post made, as it now stands. A draft it
  // saved, now sent with "Submit for approval" (Back, then the other button), is submitted below instead.
  const earlier = () => postedWith(input.organisationId, input.form.submissionKey);
  const answers = <T extends { status: RequestStatus }>(posted: T | null) =>
    posted && !(submit && posted.status === "DRAFT") ? posted : null;
  const posted = answers(await earlier());
  if (posted) return { ok: true, ...posted, sentBefore: false };
  const refused = await checkReferences(input.form);
  if (refused) return refused;
  if (submit && !input.organisationVerified) return unverified();
  const districtId = await districtOf(input.form);
  const request = await db
    .$transaction(async (tx) => {
      // one post of the organisation's at a time, so each sees a request the other has just made
      await lockUntilCommit(tx, `request-post:${input.organisationId}`);
      const sameForm = await postedWith(input.organisationId, input.form.submissionKey, tx);
      const repeated = answers(sameForm);
      if (repeated) return { ...repeated, sentBefore: false };
      const sameRequest = await postedMomentsAgo(tx, input, districtId);
      // "Save draft", then Back and "Submit for approval" with the same answers: that draft is what is submitted
      if (submit && sameRequest?.status === "DRAFT") {
        const done = await changeRequestIn(tx, {
          requestId: sameRequest.id,
          action: "submit",
          roles: ["REQUESTOR"],
          actor: input.actor,
          organisationVerified: input.organisationVerified,
        });
        return { id: sameRequest.id, status: done.status, submitted: true, sentBefore: false };
      }
      if (sameRequest) return { ...sameRequest, sentBefore: true };
      // a draft this form saved, whose answers were changed before "Submit for approval": answered as before
      if (sameForm) return { ...sameForm, sentBefore: false };
      const created = await tx.request.create({
        data: {
          ...requestData(input.form, districtId),
          organisationId: input.organisationId,
          createdById: input.actor.userId,
          status: submit ? "SUBMITTED" : "DRAFT",
          submittedAt: submit ? new Date() : null,
          submissionKey: input.form.submissionKey ?? null,
        },
        select: { id: true, status: true, councilId: true, organisationId: true },
      });
      await saveAlsoFor(tx, created.id, input.form.alsoForCouncilIds);
      await recordRequestEvent(tx, {
        requestId: created.id,
        from: null,
        to: "DRAFT",
        actorUserId: input.actor.userId,
      });
      if (submit)
        await recordRequestEvent(tx, {
          requestId: created.id,
          from: "DRAFT",
          to: "SUBMITTED",
          actorUserId: input.actor.userId,
        });
      await writeAudit(
        {
          actorUserId: input.actor.userId,
          organisationId: created.councilId,
          actorOrganisationId: created.organisationId,
          action: submit ? "request.submit" : "request.create",
          entityType: "Request",
          entityId: created.id,
          ipAddress: input.actor.ipAddress,
        },
        tx,
      );
      return { id: created.id, status: created.status, submitted: submit, sentBefore: false };
    })
    .catch(async (error: unknown) => {
      // the two posts raced: the other one made it
      const other = isUniqueViolation(error) ? await earlier() : null;
      if (other) return { ...other, sentBefore: false };
      // a draft found to submit that the lifecycle refuses: told why, as on its own page
      if (error instanceof TransitionRefused) return refusal(error);
      throw error;
    });
  return "id" in request ? { ok: true, ...request } : request;
}

// The same request posted again from a fresh form, whose key is new: after posting, Back shows the form again with
// the answers the browser kept (not its hidden key, which the page makes afresh), and Submit sends it once more.
// It is a request this person posted for this organisation moments ago with exactly these answers, still as that
// post left it (a draft, or sent for approval and not yet decided on): answered as the first post was, nothing
// made, logged or sent again (decision 024). One withdrawn, decided on, changed since, or posted longer ago is not.
// "Submit for approval" also finds a draft saved so: the caller submits it rather than make a second request.
async function postedMomentsAgo(
  tx: Tx,
  input: { form: RequestForm; organisationId: string; actor: Actor },
  districtId: string | null,
) {
  const data = requestData(input.form, districtId);
  const candidates = await tx.request.findMany({
    where: {
      organisationId: input.organisationId,
      createdById: input.actor.userId,
      status: input.form.intent === "submit" ? { in: ["SUBMITTED", "DRAFT"] } : "DRAFT",
      createdAt: { gt: new Date(Date.now() - SENT_TWICE_WINDOW_MS) },
      title: data.title,
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, status: true, ...REQUEST_DATA_COLUMNS, alsoFor: { select: { councilId: true } } },
  });
  const same = candidates.find(
    (r) => sameRequestData(r, data) && sameCouncils(r.alsoFor, input.form.alsoForCouncilIds),
  );
  return same ? { id: same.id, status: same.status, submitted: same.status === "SUBMITTED" } : null;
}

// The other councils the request is for, as the form lists them (stored with the request, in its transaction).
async function saveAlsoFor(tx: Tx, requestId: string, councilIds: readonly string[] = []) {
  await tx.requestAlsoFor.deleteMany({ where: { requestId, councilId: { notIn: [...councilIds] } } });
  if (councilIds.length)
    await tx.requestAlsoFor.createMany({
      data: councilIds.map((councilId) => ({ requestId, councilId })),
      skipDuplicates: true,
    });
}

function sameCouncils(stored: { councilId: string }[], sent: readonly string[] = []) {
  return stored.length === sent.length && stored.every((c) => sent.includes(c.councilId));
}

async function postedWith(organisationId: string, submissionKey: string | undefined, client: Tx = db) {
  if (!submissionKey) return null;
  const posted = await client.request.findUnique({
    where: { organisationId_submissionKey: { organisationId, submissionKey } },
    select: { id: true, status: true, submittedAt: true },
  });
  // sent for approval at some time, whatever it has become since (approved, say): "submitted", not "draft saved"
  return posted && { id: posted.id, status: posted.status, submitted: posted.submittedAt !== null };
}

function unverified(): Failure {
  return {
    ok: false,
    formError:
      "Your organisation has not been verified by the council yet. Save the request as a draft and submit it once you are verified.",
  };
}

export async function updateRequest(input: {
  requestId: string;
  organisationId: string;
  organisationVerified: boolean;
  form: RequestForm;
  actor: Actor;
}): Promise<{ ok: true; status: RequestStatus } | Failure> {
  const refused = await checkReferences(input.form);
  if (refused) return refused;
  const submit = input.form.intent === "submit";
  if (submit && !input.organisationVerified) return unverified();
  return db
    .$transaction(async (tx) => {
      await lockRequest(tx, input.requestId);
      const current = await tx.request.findFirst({
        where: { id: input.requestId, organisationId: input.organisationId },
        select: {
          status: true,
          updatedAt: true,
          ...REQUEST_DATA_COLUMNS,
          alsoFor: { select: { councilId: true, council: { select: { kind: true, status: true } } } },
        },
      });
      if (!current) throw new TransitionRefused("This request no longer exists.");
      // the form offers verified councils only: one saved that is no longer offered (its verification
      // suspended or revoked) has no box, so it is kept rather than dropped unseen (decision 050)
      const alsoFor = [
        ...(input.form.alsoForCouncilIds ?? []),
        ...current.alsoFor.filter((a) => !isNamedCouncil(a.council)).map((a) => a.councilId),
      ];
      const sameAlsoFor = sameCouncils(current.alsoFor, alsoFor);
      const districtId = await districtOnEdit(tx, current, input.form);
      const edit = requestTransition(current.status, "edit", "REQUESTOR");
      if (!edit.ok) {
        // "Submit for approval" sent twice: the first submitted exactly this
        if (
          submit &&
          sameAlsoFor &&
          sameRequestData(current, requestData(input.form, districtId)) &&
          repeatsLatestRequestChange(
            current.status,
            "submit",
            "REQUESTOR",
            await latestChange(tx, input.requestId),
          )
        )
          return { ok: true as const, status: current.status };
        throw new TransitionRefused(edit.reason);
      }
      // a draft saved as it already is (the form sent twice, or unchanged): nothing to change or log
      if (!submit && sameAlsoFor && sameRequestData(current, requestData(input.form, districtId)))
        return { ok: true as const, status: current.status };
      // a colleague saved it after this form was read: their changes are not overwritten unseen
      if (input.form.version && input.form.version !== current.updatedAt.toISOString()) {
        // the district as the requestor chose it (the form shows the one a request is filed under)
        const yours = {
          ...requestData(input.form, input.form.districtId || null),
          alsoForCouncilIds: alsoFor,
        };
        const saved = { ...current, alsoForCouncilIds: current.alsoFor.map((a) => a.councilId) };
        const stale = await staleRequestEdit(tx, current.updatedAt, saved, yours);
        return { ok: false as const, formError: STALE_REQUEST_EDIT, stale };
      }
      const to: RequestStatus = submit ? "SUBMITTED" : current.status;
      const { count } = await tx.request.updateMany({
        where: { id: input.requestId, status: current.status },
        data: {
          ...requestData(input.form, districtId),
          status: to,
          ...(submit ? { submittedAt: new Date() } : {}),
        },
      });
      if (count !== 1)
        throw new TransitionRefused("The request changed while you were editing it. Please try again.");
      await saveAlsoFor(tx, input.requestId, alsoFor);
      if (submit)
        await recordRequestEvent(tx, {
          requestId: input.requestId,
          from: current.status,
          to,
          actorUserId: input.actor.userId,
        });
      await writeAudit(
        {
          actorUserId: input.actor.userId,
          organisationId: input.form.councilId,
          actorOrganisationId: input.organisationId,
          action: submit ? "request.submit" : "request.edit",
          entityType: "Request",
          entityId: input.requestId,
          ipAddress: input.actor.ipAddress,
        },
        tx,
      );
      return { ok: true as const, status: to };
    })
    .catch(refusal);
}

function sameRequestData(stored: Record<string, unknown>, data: ReturnType<typeof requestData>) {
  return Object.entries(data).every(([key, value]) => {
    const was = stored[key];
    return value instanceof Date && was instanceof Date ? value.getTime() === was.getTime() : value === was;
  });
}

function latestChange(tx: Tx, requestId: string) {
  return tx.requestEvent.findFirst({
    where: { requestId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { fromStatus: true, toStatus: true, actorUserId: true, reason: true },
  });
}

export function refusal(error: unknown): Failure {
  if (error instanceof TransitionRefused)
    return error.field
      ? { ok: false, fieldErrors: { [error.field]: [error.message] } }
      : { ok: false, formError: error.message };
  throw error;
}

export { TransitionRefused };

// Every change to a request, or to a pledge on it, first takes this row lock, so two people acting at once are
// handled one after the other: the second sees what the first did (a withdraw cannot slip past an accept, two
// last confirmations both see each other, an extension happens once). NO KEY UPDATE does not block the
// foreign-key checks of new pledges.
export async function lockRequest(tx: Tx, requestId: string) {
  await tx.$queryRaw`SELECT 1 FROM "Request" WHERE id = ${requestId} FOR NO KEY UPDATE`;
}

type RequestChange = {
  requestId: string;
  action: Extract<
    RequestAction,
    "submit" | "approve" | "requestChanges" | "withdraw" | "extend" | "setShowcase"
  >;
  roles: RequestRole[];
  actor: Actor;
  reason?: string | null;
  neededBy?: string;
  showcaseConsent?: boolean;
  organisationVerified?: boolean;
  // for an officer's decision: when the version they reviewed was sent for approval (a request sent again since,
  // after changes, is not decided on from a page that showed the one before)
  reviewedSubmission?: Date;
  // the moment of the change (a test's clock; now otherwise): a new needed-by date is at most two years from it
  now?: Date;
  // where its emails go (the outbox, unless the caller gathers them)
  send?: EmailSink;
  // what suppliers whose offers a withdrawal declines are told; by default, that the request was withdrawn
  offersDeclinedBecause?: string;
};

export const NOT_YET_A_CASE_STUDY =
  "You can choose to show a request as a case study once it is fulfilled: every pledge’s delivery confirmed.";

// One transition chosen by the viewer on the manage or moderation page.
export const RESUBMITTED_SINCE_REVIEWED =
  "The requestor has changed this request and sent it again since you opened this page. Review what they sent now: it is shown below.";

export async function changeRequest(
  change: RequestChange,
): Promise<{ ok: true; status: RequestStatus } | Failure> {
  return db.$transaction((tx) => changeRequestIn(tx, change)).catch(refusal);
}

// The same inside the caller's transaction, which it locks the request in: the change, its history row, audit
// entry and emails, or TransitionRefused (the caller rolls back, or answers with `refusal`).
export async function changeRequestIn(
  tx: Tx,
  change: RequestChange,
): Promise<{ ok: true; status: RequestStatus }> {
  await lockRequest(tx, change.requestId);
  const request = await tx.request.findUnique({
    where: { id: change.requestId },
    select: {
      id: true,
      status: true,
      title: true,
      councilId: true,
      organisationId: true,
      createdById: true,
      neededBy: true,
      extendedAt: true,
      showcaseConsent: true,
      submittedAt: true,
      category: { select: { name: true, active: true } },
      district: { select: { name: true, active: true } },
      council: { select: councilBrandSelect },
      organisation: { select: { name: true } },
    },
  });
  if (!request) throw new TransitionRefused("This request no longer exists.");
  const role = change.action === "approve" || change.action === "requestChanges" ? "OFFICER" : "REQUESTOR";
  if (!change.roles.includes(role)) throw new TransitionRefused("You cannot do this to a request.");
  const transition = requestTransition(request.status, change.action, role);
  if (!transition.ok) {
    // a double-submitted form: answered as the first was, with no second event, audit entry or email
    if (await repeatsItsLatestChange(tx, request, change, role))
      return { ok: true as const, status: request.status };
    throw new TransitionRefused(change.action === "setShowcase" ? NOT_YET_A_CASE_STUDY : transition.reason);
  }
  if (change.reviewedSubmission && request.submittedAt?.getTime() !== change.reviewedSubmission.getTime())
    throw new TransitionRefused(RESUBMITTED_SINCE_REVIEWED);
  const now = change.now ?? new Date();
  const data: Record<string, unknown> = { status: transition.to };
  let reason = change.reason ?? null;
  // A draft saved weeks ago may be out of date: published, it would be open but closed to pledges.
  if ((change.action === "submit" || change.action === "approve") && request.neededBy < londonDay(now))
    throw change.action === "submit"
      ? new TransitionRefused(
          "The needed-by date has passed. Edit the request to choose a later date.",
          "neededBy",
        )
      : new TransitionRefused(
          "The needed-by date has passed. Request changes so the requestor can choose a later date.",
        );
  if (change.action === "submit") {
    if (change.organisationVerified === false) throw new TransitionRefused(unverified().formError ?? "");
    if (!(await tx.organisation.count({ where: { id: request.councilId, ...COUNCIL_WITH_MODERATORS } })))
      throw new TransitionRefused(
        nobodyToApprove(request.council.name, "Submit it later, or edit it to choose another council."),
      );
    // as the edit form's "Save and submit" refuses them (checkReferences): a draft saved before the council
    // retired its category or district would otherwise go for approval, and be published, under it
    if (!request.category.active)
      throw new TransitionRefused(
        `The council no longer uses the category “${request.category.name}”. Edit the request to choose another.`,
      );
    if (request.district && !request.district.active)
      throw new TransitionRefused(
        `The council no longer lists the district “${request.district.name}”. Edit the request to choose another.`,
      );
    data.submittedAt = now;
  }
  if (change.action === "approve") {
    // the same rule at the last step: a request submitted before the council retired its category or district
    // would be published under it
    if (!request.category.active)
      throw new TransitionRefused(
        `The council no longer uses the category “${request.category.name}”. Request changes so the requestor can choose another.`,
      );
    if (request.district && !request.district.active)
      throw new TransitionRefused(
        `The council no longer lists the district “${request.district.name}”. Request changes so the requestor can choose another.`,
      );
    data.publishedAt = now;
    data.moderationComment = change.reason || null;
  }
  if (change.action === "requestChanges") data.moderationComment = change.reason;
  if (change.action === "withdraw") {
    const committed = await tx.pledge.count({
      where: { requestId: request.id, status: { in: UNSETTLED_STATUSES } },
    });
    if (committed > 0) throw new TransitionRefused(WITHDRAW_WHILE_UNDER_WAY);
    data.closedAt = now;
  }
  // before publication a new date is a correction, not the one extension: it does not use it up
  const correction = change.action === "extend" && request.status === "SUBMITTED";
  if (change.action === "extend") {
    // the same date sent twice (a double click): answered as the first was
    if (
      (request.extendedAt || correction) &&
      change.neededBy &&
      repeatsExtension(request, await latestChange(tx, request.id), change.neededBy)
    )
      return { ok: true as const, status: request.status };
    if (request.extendedAt && !correction) throw new TransitionRefused(EXTENDED_ONCE);
    const current = request.neededBy.toISOString().slice(0, 10);
    // already at the latest day the portal allows: no new date would do, so the form as a whole is refused
    const noLater = noLaterNeededBy(current, now);
    if (noLater) throw new TransitionRefused(noLater);
    if (!change.neededBy) throw new TransitionRefused("Enter the new date.", "neededBy");
    const neededBy = dayToDate(change.neededBy);
    if (neededBy <= request.neededBy)
      throw new TransitionRefused(laterNeededByMessage(current, now), "neededBy");
    data.neededBy = neededBy;
    if (!correction) data.extendedAt = now;
    data.reminderSentAt = null;
    reason = extendedReason(change.neededBy);
  }
  if (change.action === "setShowcase") {
    data.showcaseConsent = change.showcaseConsent ?? false;
    // saved as it already is (the form sent twice, or unchanged): nothing to change or log
    if (data.showcaseConsent === request.showcaseConsent)
      return { ok: true as const, status: request.status };
  }
  const { count } = await tx.request.updateMany({
    where: {
      id: request.id,
      status: request.status,
      ...(change.action === "extend" && !correction ? { extendedAt: null } : {}),
    },
    data,
  });
  if (count !== 1) throw new TransitionRefused("The request changed at the same time. Please try again.");
  if (change.action === "withdraw")
    await declineOfferedPledges(
      tx,
      request.id,
      change.offersDeclinedBecause ?? "The request was withdrawn",
      change.actor,
      change.send,
    );
  if (change.action !== "setShowcase")
    await recordRequestEvent(tx, {
      requestId: request.id,
      from: request.status,
      to: transition.to,
      actorUserId: change.actor.userId,
      reason,
    });
  await writeAudit(
    {
      actorUserId: change.actor.userId,
      organisationId: request.councilId,
      actorOrganisationId: role === "OFFICER" ? request.councilId : request.organisationId,
      action: `request.${change.action}`,
      entityType: "Request",
      entityId: request.id,
      details: reason ? { reason } : undefined,
      ipAddress: change.actor.ipAddress,
    },
    tx,
  );
  if (change.action === "approve" || change.action === "requestChanges") {
    const base = {
      ...emailBrandingOf(request.council),
      title: request.title,
      // "Edit your request" leads to the form, which shows what the council asked for
      url: `${appUrl()}/requests/${request.id}/${change.action === "requestChanges" ? "edit" : "manage"}`,
    };
    const email =
      change.action === "approve"
        ? await requestApprovedEmail({ ...base, comment: change.reason ?? "" })
        : await changesRequestedEmail({ ...base, comment: change.reason ?? "" });
    for (const to of await organisationRecipients(tx, request.organisationId, request.createdById))
      await (change.send ?? toOutbox)(tx, {
        ...email,
        link: base.url,
        to,
        template: `marketplace.${change.action}`,
        councilId: request.councilId,
      });
  }
  if (change.action === "approve") await tellOtherCouncils(tx, request, change.send ?? toOutbox);
  return { ok: true as const, status: transition.to };
}

// The other councils a request is for (decision 050) are told when it opens, since their suppliers can now count
// pledges to it: at the social value team's address the council gave (its settings), else its admins. A council
// no longer verified is named nowhere a request's councils are listed, so it is not told either.
async function tellOtherCouncils(
  tx: Tx,
  request: { id: string; title: string; council: { name: string }; organisation: { name: string } },
  send: EmailSink,
) {
  const others = await tx.requestAlsoFor.findMany({
    where: { requestId: request.id, council: NAMED_COUNCIL },
    select: { councilId: true },
  });
  const url = `${appUrl()}/requests/${request.id}`;
  for (const { councilId } of others) {
    // its name, colour and team address, as its account emails have them
    const brand = await brandForOrganisation(tx, councilId);
    const email = await openForYourCouncilEmail({
      councilName: brand.councilName ?? "",
      brandColour: brand.brandColour,
      title: request.title,
      url,
      leadCouncilName: request.council.name,
      requestorName: request.organisation.name,
    });
    const recipients = brand.contactEmail
      ? [brand.contactEmail]
      : await organisationRecipients(tx, councilId);
    for (const to of recipients)
      await send(tx, { ...email, link: url, to, template: "marketplace.openForCouncil", councilId });
  }
}

// The same change sent again (a double click, or the form sent twice): the request's latest change is this very
// transition by the same side (request-lifecycle.ts), with the same reason. Anything else is refused as usual.
async function repeatsItsLatestChange(
  tx: Tx,
  request: { id: string; status: RequestStatus },
  change: RequestChange,
  role: RequestRole,
) {
  const latest = await latestChange(tx, request.id);
  return (
    repeatsLatestRequestChange(request.status, change.action, role, latest) &&
    (latest?.reason ?? null) === (change.reason ?? null)
  );
}

// When a request closes, what is still only on offer is declined for the supplier, who is emailed why, and
// logged in the council's audit log, as for any declined pledge: under the person who closed it, or with no
// actor (the system) for the expiry job. Its share is given back; the closed request keeps its status.
// Returns how many it declined.
export async function declineOfferedPledges(
  tx: Tx,
  requestId: string,
  reason: string,
  actor?: Actor,
  send: EmailSink = toOutbox,
) {
  let declined = 0;
  const offered = await tx.pledge.findMany({
    where: { requestId, status: "OFFERED" },
    select: {
      id: true,
      status: true,
      quantity: true,
      supplierOrganisationId: true,
      createdById: true,
      request: { select: { councilId: true, organisationId: true } },
    },
  });
  for (const pledge of offered) {
    const decline = pledgeTransition(pledge.status, "decline", "SYSTEM");
    if (!decline.ok) continue;
    const { count } = await tx.pledge.updateMany({
      where: { id: pledge.id, status: pledge.status },
      data: { status: decline.to, decisionReason: reason },
    });
    if (count === 1) {
      await tx.pledgeEvent.create({
        data: {
          pledgeId: pledge.id,
          fromStatus: pledge.status,
          toStatus: decline.to,
          reason,
          actorUserId: actor?.userId ?? null,
        },
      });
      declined += 1;
      if (releasesShare(pledge.status, decline.to))
        await releaseShare(tx, { requestId, quantity: pledge.quantity, actorUserId: null });
      await writeAudit(
        {
          actorUserId: actor?.userId ?? null,
          organisationId: pledge.request.councilId,
          // whoever closed the request acted for the organisation that posted it
          actorOrganisationId: actor ? pledge.request.organisationId : null,
          action: "pledge.decline",
          entityType: "Pledge",
          entityId: pledge.id,
          details: { reason },
          ipAddress: actor?.ipAddress,
        },
        tx,
      );
      // declined by the portal (no one acting): closed unanswered, not turned down
      const email = await pledgeDecisionEmailFor(tx, pledge.id, { unanswered: !actor });
      for (const to of await organisationRecipients(tx, pledge.supplierOrganisationId, pledge.createdById))
        await send(tx, {
          ...email,
          to,
          template: "marketplace.decline",
          councilId: pledge.request.councilId,
        });
    }
  }
  return declined;
}

/** To the requestor's organisation, when the nightly job has closed the request at its needed-by date. */
export async function sendExpiredEmail(tx: Tx, requestId: string, offersDeclined: number) {
  const request = await tx.request.findUniqueOrThrow({
    where: { id: requestId },
    select: {
      title: true,
      councilId: true,
      organisationId: true,
      createdById: true,
      neededBy: true,
      council: { select: councilBrandSelect },
    },
  });
  const email = await requestExpiredEmail({
    ...emailBrandingOf(request.council),
    title: request.title,
    url: `${appUrl()}/requests/${requestId}/manage`,
    neededBy: formatDate(request.neededBy),
    offersDeclined,
  });
  for (const to of await organisationRecipients(tx, request.organisationId, request.createdById))
    await enqueueEmail(tx, { ...email, to, template: "marketplace.expired", councilId: request.councilId });
}

export async function sendReminderEmail(
  tx: Tx,
  request: {
    id: string;
    title: string;
    councilId: string;
    organisationId: string;
    createdById: string | null;
    neededBy: Date;
    extendedAt: Date | null;
    council: CouncilBrand;
  },
  neededByText: string,
) {
  const email = await expiryReminderEmail({
    ...emailBrandingOf(request.council),
    title: request.title,
    url: `${appUrl()}/requests/${request.id}/manage`,
    neededBy: neededByText,
    // a request is extended once: the reminder of the new date does not offer it again
    canExtend: request.extendedAt === null,
  });
  for (const to of await organisationRecipients(tx, request.organisationId, request.createdById))
    await enqueueEmail(tx, {
      ...email,
      to,
      template: "marketplace.expiryReminder",
      councilId: request.councilId,
    });
}
