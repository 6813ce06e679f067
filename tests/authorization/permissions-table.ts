// THE permissions table: for every route, which roles get past authorization when they ask for records that
// belong to someone else (see world.ts). The matrix test enumerates the routes from app/routes and fails if a
// route is missing here, if an entry names a route that no longer exists, or if any answer differs.
import crypto from "node:crypto";
import { ROLES, type MatrixWorld, type Role } from "./world.ts";

export type RouteRule = {
  params?: (w: MatrixWorld) => Record<string, string>;
  // roles whose GET gets past authorization (2xx, 3xx other than to sign-in, 400); omit when there is no loader
  get?: readonly Role[];
  // per action intent ("" = a form without an intent field): roles whose POST gets past authorization
  actions?: Record<string, readonly Role[]>;
  // per action intent, a form that passes validation; with one, only roles whose POST succeeds count as allowed
  forms?: Record<string, (w: MatrixWorld) => Record<string, string | string[]>>;
  // private records of the world (see privateRecords in the matrix test) this page shows, by design, to every role
  // that may open it
  shows?: string[];
};

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const requestForm = (w: MatrixWorld) => ({
  title: "Volunteers for the food bank",
  description: "Help sorting donations on Saturday mornings at the community hall.",
  councilId: w.councilA.id,
  categoryId: w.category.id,
  helpType: "VOLUNTEERING",
  quantity: "12",
  districtId: w.district.id,
  neededBy: day(60),
});
const contractForm = (w: MatrixWorld) => ({
  reference: `MX-${crypto.randomUUID().slice(0, 8)}`,
  title: "Grounds maintenance",
  supplierOrganisationId: w.otherSupplier.id,
  department: "Environment",
  valueGbp: "250000",
  startDate: day(-30),
  endDate: day(700),
  status: "ACTIVE",
});
const measureForm = () => ({ code: "MX-01", name: "Local people employed", theme: "JOBS", unit: "PEOPLE" });
// a commitment's quarterly plan: all of it in the first quarter of 2026/27, inside the contract's term
const planOf = (quantity: string) => ({ "plan[0].quarter": "2026-1", "plan[0].quantity": quantity });

// the pending VCSE's own details, sent back unchanged: the owner's save goes through and changes nothing
const pendingDetails = (w: MatrixWorld) => ({
  name: w.pendingOrganisation.name,
  areaServed: w.pendingOrganisation.areaServed ?? "Guildford",
  description: w.pendingOrganisation.description ?? "A local community group.",
});

export const EVERYONE = ROLES;
export const SIGNED_IN = ROLES.filter((r) => r !== "anonymous");
export const NOBODY: readonly Role[] = [];
// Partnership-wide members of council B act as officers of council A (decision 011), whichever council their
// switcher names: a council A record is reached through its own council, not through the switcher.
export const PARTNERSHIP_OFFICERS: readonly Role[] = ["partnershipOfficer", "partnershipOfficerAtB"];
export const COUNCIL_A_OFFICERS: readonly Role[] = ["officerA", ...PARTNERSHIP_OFFICERS];
export const COUNCIL_A_STAFF: readonly Role[] = [...COUNCIL_A_OFFICERS, "councilAdmin"];
// council pages that show the acting council's own records (officer B's, or the outside officer's, council C)
export const ALL_COUNCIL_STAFF: readonly Role[] = [...COUNCIL_A_STAFF, "officerB", "outsideOfficer"];
// council pages that change the acting council's records: only those whose switcher is on council A reach A's
export const ACTING_FOR_COUNCIL_A: readonly Role[] = ["officerA", "partnershipOfficer", "councilAdmin"];
export const COUNCIL_ADMIN: readonly Role[] = ["councilAdmin"];
// Holders of a council's survey role: council A's admin, and the partnership-wide officers for their own councils
// B and C (the role never carries over to a partner, so council A's cycle stays COUNCIL_ADMIN only).
export const SURVEY_ROLE_HOLDERS: readonly Role[] = [
  "councilAdmin",
  "partnershipOfficer",
  "partnershipOfficerAtB",
  "outsideOfficer",
];
// council teams may post requests too
export const REQUESTORS: readonly Role[] = ["vcseOwner", "vcseMember", "pendingOwner", ...ALL_COUNCIL_STAFF];
export const PLATFORM_ADMIN: readonly Role[] = ["platformAdmin"];
// a supplier the council has not verified yet browses, saves searches and answers the survey (any business invited
// by link may) like any other, but may not pledge
export const VERIFIED_SUPPLIERS: readonly Role[] = ["supplierOwner", "supplierMember"];
export const SUPPLIERS: readonly Role[] = [...VERIFIED_SUPPLIERS, "pendingSupplier"];

export const ROUTE_PERMISSIONS: Record<string, RouteRule> = {
  "routes/_index": { get: EVERYONE },
  // the benchmark's reference route: a constant answer with no data
  "routes/bench.bare": { get: EVERYONE },
  "routes/$": { get: NOBODY, actions: { "": NOBODY } },
  "routes/healthz": { get: EVERYONE },
  "routes/accessibility": { get: EVERYONE },
  "routes/privacy": { get: EVERYONE },
  // each form acts on the signed-in person's own account (their own waiting change of email address), never a record
  // named in the form
  "routes/account._index": {
    get: SIGNED_IN,
    actions: {
      "resend-email-change": SIGNED_IN,
      "cancel-email-change": SIGNED_IN,
      "sign-out-everywhere": SIGNED_IN,
    },
  },
  // the emailed token is the capability (works before signing in)
  "routes/account.confirm-email": { get: EVERYONE, actions: { "": EVERYONE } },
  "routes/account.data": { get: SIGNED_IN },
  "routes/account.delete": { get: SIGNED_IN, actions: { "": SIGNED_IN } },
  "routes/account.email": { get: SIGNED_IN, actions: { "": SIGNED_IN } },
  "routes/account.name": { get: SIGNED_IN, actions: { "": SIGNED_IN } },
  "routes/account.password": { get: SIGNED_IN, actions: { "": SIGNED_IN } },
  "routes/admin._index": { get: PLATFORM_ADMIN },
  "routes/admin.councils": {
    get: PLATFORM_ADMIN,
    actions: {
      "create-council": PLATFORM_ADMIN,
      "create-partnership": PLATFORM_ADMIN,
      "set-partnership": PLATFORM_ADMIN,
      "invite-admin": PLATFORM_ADMIN,
    },
    forms: {
      "create-council": () => ({ name: "Borough of Elsewhere", adminEmail: "admin@elsewhere.example.test" }),
      "create-partnership": () => ({ partnershipName: "Northern partnership" }),
      "set-partnership": (w) => ({ councilId: w.councilC.id, partnershipId: w.partnership.id }),
      // council C has officers but no admin
      "invite-admin": (w) => ({
        inviteCouncilId: w.councilC.id,
        inviteEmail: "admin@council-c.example.test",
      }),
    },
  },
  // "Remove this council from its partnership?": no plausible form, so the matrix never takes council C out of its
  // partnership (the outside officer's answers rely on it)
  "routes/admin.councils_.$id.partnership": {
    params: (w) => ({ id: w.councilC.id }),
    get: PLATFORM_ADMIN,
    actions: { "": PLATFORM_ADMIN },
  },
  "routes/admin.mailbox.$id": { params: (w) => ({ id: w.outboxEmail.id }), get: PLATFORM_ADMIN },
  "routes/admin.mailbox._index": { get: PLATFORM_ADMIN },
  "routes/contracts.$id._index": { params: (w) => ({ id: w.contract.id }), get: COUNCIL_A_STAFF },
  "routes/contracts.$id.commitments.$commitmentId": {
    params: (w) => ({ id: w.contract.id, commitmentId: w.commitment.id }),
    get: COUNCIL_A_STAFF,
    // saving only: removing is done on the page that asks first (the entry below)
    actions: { save: COUNCIL_A_STAFF },
    forms: {
      save: (w) => ({
        measureId: w.measure.id,
        targetQuantity: "120",
        ...planOf("120"),
        version: w.commitment.updatedAt.toISOString(),
      }),
    },
  },
  "routes/contracts.$id.commitments.$commitmentId_.remove": {
    params: (w) => ({ id: w.contract.id, commitmentId: w.commitment.id }),
    get: COUNCIL_A_STAFF,
    // no plausible form: delivery is recorded against the commitment, so removing it is refused (400)
    actions: { "": COUNCIL_A_STAFF },
  },
  "routes/contracts.$id.commitments.new": {
    params: (w) => ({ id: w.contract.id }),
    get: COUNCIL_A_STAFF,
    actions: { save: COUNCIL_A_STAFF },
    forms: { save: (w) => ({ measureId: w.spareMeasure.id, targetQuantity: "10", ...planOf("10") }) },
  },
  "routes/contracts.$id.edit": {
    params: (w) => ({ id: w.contract.id }),
    get: COUNCIL_A_STAFF,
    actions: { "": COUNCIL_A_STAFF },
    forms: {
      "": (w) => ({
        ...contractForm(w),
        contractManagerId: w.users.officerA.id,
        // the term must still hold the commitment's quarterly plan
        startDate: w.contract.startDate.toISOString().slice(0, 10),
        endDate: w.contract.endDate.toISOString().slice(0, 10),
        version: w.contract.updatedAt.toISOString(),
      }),
    },
  },
  "routes/contracts._index": { get: [...SUPPLIERS, ...ALL_COUNCIL_STAFF] },
  "routes/contracts.import": {
    get: ALL_COUNCIL_STAFF,
    actions: { preview: ALL_COUNCIL_STAFF, import: ALL_COUNCIL_STAFF },
  },
  "routes/contracts.new": {
    get: ALL_COUNCIL_STAFF,
    actions: { "": ALL_COUNCIL_STAFF },
    forms: { "": contractForm },
  },
  "routes/council.audit": { get: COUNCIL_ADMIN },
  "routes/council.categories": {
    get: ALL_COUNCIL_STAFF,
    actions: { add: ALL_COUNCIL_STAFF, update: ACTING_FOR_COUNCIL_A, toggle: ACTING_FOR_COUNCIL_A },
    forms: {
      add: () => ({ name: "Digital inclusion" }),
      update: (w) => ({ id: w.category.id, name: "Jobs and skills" }),
      toggle: (w) => ({ id: w.category.id }),
    },
  },
  "routes/council.dashboard": { get: ALL_COUNCIL_STAFF },
  "routes/council.requests": { get: ALL_COUNCIL_STAFF },
  "routes/council.pledges": { get: ALL_COUNCIL_STAFF },
  "routes/council.districts": {
    get: ALL_COUNCIL_STAFF,
    actions: { add: ALL_COUNCIL_STAFF, update: ACTING_FOR_COUNCIL_A, toggle: ACTING_FOR_COUNCIL_A },
    forms: {
      add: () => ({ name: "Woking", postcodeAreas: "GU21, GU22" }),
      update: (w) => ({ id: w.district.id, name: "Guildford town", postcodeAreas: "GU1" }),
      toggle: (w) => ({ id: w.district.id }),
    },
  },
  "routes/council.guidance.$id": {
    params: (w) => ({ id: w.guidancePage.id }),
    get: COUNCIL_ADMIN,
    actions: { save: COUNCIL_ADMIN },
    forms: {
      save: () => ({
        title: "How pledging works",
        slug: "how-pledging-works",
        audience: "EVERYONE",
        bodyMarkdown: "Pledge what you can.",
        published: "on",
      }),
    },
  },
  "routes/council.guidance.$id_.delete": {
    params: (w) => ({ id: w.guidancePage.id }),
    get: COUNCIL_ADMIN,
    actions: { "": COUNCIL_ADMIN },
    forms: { "": (w) => ({ version: w.guidancePage.updatedAt.toISOString() }) },
  },
  "routes/council.guidance._index": { get: COUNCIL_ADMIN },
  "routes/council.measures.$id": {
    params: (w) => ({ id: w.measure.id }),
    get: COUNCIL_ADMIN,
    actions: { save: COUNCIL_ADMIN, retire: COUNCIL_ADMIN, reinstate: COUNCIL_ADMIN },
    forms: {
      // commitments use the measure, so its unit stays
      save: (w) => ({
        ...measureForm(),
        code: w.measure.code,
        unit: w.measure.unit,
        version: w.measure.updatedAt.toISOString(),
      }),
      retire: () => ({}),
      reinstate: () => ({}),
    },
  },
  "routes/council.measures._index": { get: ALL_COUNCIL_STAFF },
  "routes/council.measures.new": {
    get: COUNCIL_ADMIN,
    actions: { "": COUNCIL_ADMIN },
    forms: { "": measureForm },
  },
  "routes/council.moderation.$id": {
    params: (w) => ({ id: w.submittedRequest.id }),
    get: COUNCIL_A_STAFF,
    actions: { approve: COUNCIL_A_STAFF, requestChanges: COUNCIL_A_STAFF },
    forms: {
      approve: () => ({}),
      requestChanges: () => ({ comment: "Please say which days volunteers are needed." }),
    },
  },
  "routes/council.moderation._index": { get: ALL_COUNCIL_STAFF },
  "routes/council.reports._index": { get: ALL_COUNCIL_STAFF },
  "routes/council.reports.departmental[.]csv": { get: ALL_COUNCIL_STAFF },
  "routes/council.reports.local-value": { get: ALL_COUNCIL_STAFF },
  "routes/council.settings": {
    get: COUNCIL_ADMIN,
    actions: { "": COUNCIL_ADMIN },
    forms: {
      "": () => ({
        councilName: "Borough of Somewhere",
        returnDueDays: "30",
        reminderDaysBefore: "7",
        overdueReminderDays: "7",
        brandColour: "#1d3d7a",
        proxyValueSource: "TOMs 2024",
      }),
    },
  },
  "routes/council.survey.$cycleId._index": {
    params: (w) => ({ cycleId: w.surveyCycle.id }),
    get: COUNCIL_ADMIN,
    // "cancel" (before the opening day) has no plausible form here: the world's survey has opened, so it is refused
    actions: {
      close: COUNCIL_ADMIN,
      cancel: COUNCIL_ADMIN,
      "invite-eligible": COUNCIL_ADMIN,
      "invite-email": COUNCIL_ADMIN,
    },
    forms: {
      close: () => ({ confirmClose: "yes" }),
      "invite-eligible": () => ({}),
      "invite-email": () => ({ email: "owner@other-supplier.example" }),
    },
  },
  // correcting a cycle: survey-role holders of its council only
  "routes/council.survey.$cycleId.edit": {
    params: (w) => ({ cycleId: w.surveyCycle.id }),
    get: COUNCIL_ADMIN,
    actions: { "": COUNCIL_ADMIN },
    forms: {
      // the world's cycle has opened: its opening day and notice stay, its closing day moves
      "": (w) => ({
        opensOn: w.surveyCycle.opensOn.toISOString().slice(0, 10),
        closesOn: day(60),
        privacyNotice: "We use your answers to understand the barriers small businesses face.",
        dpiaReference: "DPIA-2026-015",
        retentionMonths: "24",
      }),
    },
  },
  "routes/council.survey.$cycleId.aggregate[.]csv": {
    params: (w) => ({ cycleId: w.surveyCycle.id }),
    get: COUNCIL_ADMIN,
  },
  "routes/council.survey.$cycleId.contacts[.]csv": {
    params: (w) => ({ cycleId: w.surveyCycle.id }),
    get: COUNCIL_ADMIN,
  },
  "routes/council.survey.$cycleId.report": {
    params: (w) => ({ cycleId: w.surveyCycle.id }),
    get: COUNCIL_ADMIN,
  },
  // special category data: only council staff holding the survey role (council A's admin in this world)
  // the partnership-wide officers hold the survey role of their own councils (B and C): theirs is what they get
  "routes/council.survey._index": { get: SURVEY_ROLE_HOLDERS },
  "routes/council.survey.new": {
    get: SURVEY_ROLE_HOLDERS,
    actions: { "": SURVEY_ROLE_HOLDERS },
    forms: {
      // opening in a year the world's council A cycle (2026) does not take, on dates it does not overlap (the
      // cycle's year is the year it opens in, and a council's cycles may not overlap)
      "": () => ({
        opensOn: day(1830),
        closesOn: day(1860),
        privacyNotice: "We use your answers to plan how we buy from small businesses.",
        dpiaReference: "DPIA-2031-01",
        retentionMonths: "24",
      }),
    },
  },
  "routes/council.verification.$id": {
    params: (w) => ({ id: w.pendingOrganisation.id }),
    get: COUNCIL_A_STAFF,
    // inviting someone to take over an organisation with no members: its council's admins only (the pending
    // organisation has members, so even they are refused with a 400 that says so)
    actions: { verify: COUNCIL_A_STAFF, reject: COUNCIL_A_STAFF, "invite-owner": COUNCIL_ADMIN },
    forms: {
      verify: () => ({}),
      reject: () => ({ reason: "The charity number does not match the register." }),
    },
  },
  "routes/council.verification._index": { get: ALL_COUNCIL_STAFF },
  "routes/dashboard": { get: SIGNED_IN },
  // every pledge waiting on the group's answer or confirmation: the group's own members only (a council team's
  // pledges to answer are on its own dashboard)
  "routes/dashboard_.pledges": { get: ["vcseOwner", "vcseMember", "pendingOwner"] },
  "routes/evidence.$id": { params: (w) => ({ id: w.evidence.id }), get: COUNCIL_A_STAFF },
  "routes/forgot-password": { get: EVERYONE, actions: { "": EVERYONE } },
  "routes/guidance.$councilId.$slug": {
    params: (w) => ({ councilId: w.councilA.id, slug: w.guidancePage.slug }),
    get: EVERYONE,
  },
  "routes/guidance.$councilId.case-studies": { params: (w) => ({ councilId: w.councilA.id }), get: EVERYONE },
  "routes/guidance._index": { get: EVERYONE },
  "routes/impact._index": { get: EVERYONE },
  "routes/impact.data[.]csv": { get: EVERYONE },
  "routes/impact.data[.]json": { get: EVERYONE },
  // the emailed token is the capability; accepting also needs the invited email address, which none of the roles
  // has (the invitation is for someone else): each is refused with a 403 saying whose it is, as for declining
  "routes/invitations.$token": {
    params: (w) => ({ token: w.invitationToken }),
    get: EVERYONE,
    // the link was sent to that address: whoever holds it is told whom it is for
    shows: ["the address it invited"],
    // declining needs no account: whoever holds the link may say no to it, signed out; no one signed in as someone
    // other than the invitee may (403), as they may not accept it
    actions: { "": NOBODY, decline: ["anonymous"] },
  },
  "routes/matching": { get: SUPPLIERS },
  "routes/my-requests": { get: REQUESTORS },
  // council A's members page: its own admins manage it; a partnership-wide officer of a partner is not a member
  // there and gets 404 (decision 011)
  "routes/organisations.$id._index": {
    params: (w) => ({ id: w.councilA.id }),
    get: ["officerA", "councilAdmin"],
    actions: {
      invite: COUNCIL_ADMIN,
      "change-role": COUNCIL_ADMIN,
      remove: COUNCIL_ADMIN,
      // the admin is the council's last one, so may not leave (400)
      leave: ["officerA"],
      "revoke-invitation": COUNCIL_ADMIN,
      "partnership-access": COUNCIL_ADMIN,
      "survey-access": COUNCIL_ADMIN,
    },
    forms: {
      invite: () => ({ email: "another-officer@example.test", role: "OFFICER" }),
      "change-role": (w) => ({ membershipId: w.officerAMembership.id, role: "ADMIN" }),
      remove: (w) => ({ membershipId: w.officerAMembership.id }),
      leave: () => ({}),
      "revoke-invitation": (w) => ({ invitationId: w.councilInvitation.id }),
      "partnership-access": (w) => ({ membershipId: w.officerAMembership.id, access: "grant" }),
      "survey-access": (w) => ({ membershipId: w.officerAMembership.id, access: "grant" }),
    },
  },
  // "Delete <organisation>": its owner only (the pending VCSE's, its only member, with no records, so it goes);
  // its members, other owners, officers, admins and councils get 404
  "routes/organisations.$id.delete": {
    params: (w) => ({ id: w.pendingOrganisation.id }),
    get: ["pendingOwner"],
    actions: { "": ["pendingOwner"] },
  },
  // "Change your organisation's details": its owner only, while the council has not verified it (a pending VCSE
  // here); its members, other owners, officers and admins get 404. The form keeps its name, so nothing else changes.
  "routes/organisations.$id.edit": {
    params: (w) => ({ id: w.pendingOrganisation.id }),
    get: ["pendingOwner"],
    // "resend" is the button of a refused one; on one still pending it saves the changes as "save" does.
    // "contact" is a verified one's contact email (decision 039, addendum): the same owner only
    actions: { save: ["pendingOwner"], resend: ["pendingOwner"], contact: ["pendingOwner"] },
    forms: { save: pendingDetails, resend: pendingDetails },
  },
  "routes/organisations._index": { get: SIGNED_IN },
  "routes/organisations.new._index": { get: SIGNED_IN, actions: { "": SIGNED_IN } },
  "routes/organisations.new.supplier": {
    get: SIGNED_IN,
    actions: { "": SIGNED_IN },
    forms: {
      "": (w) => ({
        name: `Hedgerow Landscapes ${crypto.randomUUID().slice(0, 8)}`,
        councilId: w.councilA.id,
        companyNumber: String(crypto.randomInt(10_000_000, 99_999_999)),
        registeredPostcode: "GU1 3UW",
        staffHeadcount: "25",
        turnoverBand: "UP_TO_2M",
        balanceSheetBand: "UP_TO_2M",
      }),
    },
  },
  "routes/organisations.new.vcse": {
    get: SIGNED_IN,
    actions: { "": SIGNED_IN },
    forms: {
      "": (w) => ({
        name: `Riverside Pantry ${crypto.randomUUID().slice(0, 8)}`,
        councilId: w.councilA.id,
        areaServed: "Guildford and villages",
        description: "A food pantry run by volunteers for families in need.",
      }),
    },
  },
  "routes/pledges.$id": {
    params: (w) => ({ id: w.pledge.id }),
    // the supplier that pledged and the group it pledged to (neither an actor here) act on it; the request's
    // council's own officers read it, acting on nothing (a partner's shared staff do not: decision 011)
    get: ["officerA", "councilAdmin"],
    actions: {
      accept: NOBODY,
      decline: NOBODY,
      withdraw: NOBODY,
      reportDelivery: NOBODY,
      confirm: NOBODY,
      dispute: NOBODY,
    },
    forms: {
      accept: () => ({}),
      decline: () => ({ reason: "We have found enough volunteers." }),
      withdraw: () => ({ reason: "Our staff are no longer available." }),
      reportDelivery: () => ({
        deliveredQuantity: "5",
        deliveredOn: day(0),
        deliveryNote: "Five hours given.",
      }),
      confirm: () => ({ rating: "5", feedback: "Thank you" }),
      dispute: () => ({ reason: "Nobody came." }),
    },
  },
  // the pages that ask before a pledge is ended: the supplier that pledged (withdraw) and the group it pledged to
  // (call off) only, neither an actor here; the council's officers, who may read the pledge, get 404 as well
  "routes/pledges.$id_.withdraw": {
    params: (w) => ({ id: w.pledge.id }),
    get: NOBODY,
    actions: { "": NOBODY },
    forms: { "": () => ({ reason: "Our staff are no longer available." }) },
  },
  "routes/pledges.$id_.call-off": {
    params: (w) => ({ id: w.pledge.id }),
    get: NOBODY,
    actions: { "": NOBODY },
    forms: { "": () => ({ reason: "We have found enough volunteers." }) },
  },
  "routes/pledges._index": { get: SUPPLIERS },
  "routes/requests.$id._index": { params: (w) => ({ id: w.openRequest.id }), get: EVERYONE },
  "routes/requests.$id.edit": {
    params: (w) => ({ id: w.draftRequest.id }),
    get: NOBODY,
    // the page's buttons send draft or submit; a form without an intent saves a draft
    actions: { "": NOBODY, draft: NOBODY, submit: NOBODY },
    forms: { "": requestForm, draft: requestForm, submit: requestForm },
  },
  "routes/requests.$id.manage": {
    params: (w) => ({ id: w.draftRequest.id }),
    get: NOBODY,
    actions: { submit: NOBODY, extend: NOBODY, showcase: NOBODY, withdraw: NOBODY },
    forms: {
      submit: () => ({}),
      extend: () => ({ neededBy: day(90) }),
      showcase: () => ({ showcaseConsent: "on" }),
      withdraw: () => ({ reason: "No longer needed." }),
    },
  },
  "routes/requests.$id.pledge": {
    params: (w) => ({ id: w.openRequest.id }),
    get: SUPPLIERS,
    actions: { "": VERIFIED_SUPPLIERS },
    forms: {
      "": () => ({
        submissionKey: crypto.randomUUID(),
        quantity: "5",
        message: "Our team can help.",
        expectedDeliveryDate: day(14),
      }),
    },
  },
  "routes/requests._index": { get: EVERYONE },
  // a pending VCSE may save drafts, but nothing it posts is published (PRODUCT.md, verification)
  "routes/requests.new": {
    get: REQUESTORS,
    actions: { "": REQUESTORS, draft: REQUESTORS, submit: REQUESTORS.filter((r) => r !== "pendingOwner") },
    forms: { "": requestForm, draft: requestForm, submit: requestForm },
  },
  "routes/reset-password": { get: EVERYONE, actions: { "": EVERYONE } },
  "routes/returns.$id._index": {
    params: (w) => ({ id: w.kpiReturn.id }),
    get: COUNCIL_A_STAFF,
    // the upload and remove buttons name their target: upload:<commitment id>, remove-evidence:<file id>
    actions: { save: NOBODY, submit: NOBODY, "upload:c1": NOBODY, "remove-evidence:f1": NOBODY },
    forms: {
      save: (w) => ({ "lines[0].commitmentId": w.commitment.id, "lines[0].quantity": "12" }),
      submit: (w) => ({
        "lines[0].commitmentId": w.commitment.id,
        "lines[0].quantity": "12",
        declaration: "on",
      }),
    },
  },
  "routes/returns.$id.review": {
    params: (w) => ({ id: w.kpiReturn.id }),
    get: COUNCIL_A_STAFF,
    actions: { accept: COUNCIL_A_STAFF, query: COUNCIL_A_STAFF },
    forms: {
      accept: (w) => ({ submittedAt: w.kpiReturn.submittedAt!.toISOString() }),
      query: (w) => ({
        submittedAt: w.kpiReturn.submittedAt!.toISOString(),
        comment: "Please attach the timesheets for these hours.",
      }),
    },
  },
  "routes/returns._index": { get: [...SUPPLIERS, ...ALL_COUNCIL_STAFF] },
  "routes/saved-searches": {
    get: SUPPLIERS,
    actions: { create: SUPPLIERS, digest: NOBODY, delete: NOBODY },
    forms: {
      create: () => ({ name: "Volunteering near me", query: "helpType=VOLUNTEERING" }),
      // the saved search is the other supplier's; its daily email is on, so this form (box unticked) turns it off: a
      // form that changes nothing would not show a refused role had changed it
      digest: (w) => ({ id: w.savedSearch.id }),
      delete: (w) => ({ id: w.savedSearch.id }),
    },
  },
  "routes/sign-in": { get: EVERYONE, actions: { "": EVERYONE } },
  "routes/sign-out": { get: EVERYONE, actions: { "": EVERYONE } },
  "routes/sign-up._index": { get: EVERYONE, actions: { "": EVERYONE } },
  "routes/sign-up.check-email": { get: EVERYONE },
  "routes/survey.$cycleId._index": {
    params: (w) => ({ cycleId: w.surveyCycle.id }),
    get: SUPPLIERS,
    actions: { "": SUPPLIERS },
  },
  "routes/survey.$cycleId.check-answers": {
    params: (w) => ({ cycleId: w.surveyCycle.id }),
    get: SUPPLIERS,
    actions: { "": SUPPLIERS },
  },
  // a business with no answers sent (withdrawn, not sent yet) is told so, not "Page not found"
  "routes/survey.$cycleId.confirmation": { params: (w) => ({ cycleId: w.surveyCycle.id }), get: SUPPLIERS },
  "routes/survey.$cycleId.questions.$topic": {
    params: (w) => ({ cycleId: w.surveyCycle.id, topic: "business-size" }),
    get: SUPPLIERS,
    actions: { continue: SUPPLIERS, "save-and-exit": SUPPLIERS },
  },
  "routes/survey.$cycleId.withdraw": {
    params: (w) => ({ cycleId: w.surveyCycle.id }),
    get: SUPPLIERS,
    actions: { "": SUPPLIERS },
  },
  "routes/survey._index": { get: SUPPLIERS },
  // non-suppliers are told the invitation is for a business account; another supplier's token is refused
  "routes/survey.invitation.$token": {
    params: (w) => ({ token: w.surveyInvitationToken }),
    // signed out: the same page for every link, saying what an invitation is and offering sign-in or sign-up (it
    // does not look the link up, so it tells nothing about it)
    get: ["anonymous", ...SIGNED_IN.filter((r) => !SUPPLIERS.includes(r))],
    // "Continue to the survey" takes the link up for a business of the person's (decision 055): the world's link is
    // the other supplier's, and the form names it, which no role belongs to (404); its own owner may (see
    // hostile-valid-forms.test.ts)
    actions: { "": NOBODY },
    forms: { "": (w) => ({ organisationId: w.otherSupplier.id }) },
  },
  // GET redirects home; POST must name one of the viewer's own organisations: council A is the partnership-wide
  // officers' (through council B), not the outside officer's nor officer B's
  "routes/switch-organisation": {
    get: EVERYONE,
    actions: { "": COUNCIL_A_STAFF },
    forms: { "": (w) => ({ organisationId: w.councilA.id, redirectTo: "/council/dashboard" }) },
  },
  "routes/verify-email": { get: EVERYONE, actions: { confirm: EVERYONE, resend: SIGNED_IN } },
};
