// THE permissions table: for every route, which roles get past authorization when they ask for records that
// belong to someone else (see world.ts). The matrix test enumerates the routes from app/routes and fails if a
// route is missing here, if an entry names a route that no longer exists, or if any answer differs.
import { ROLES, type MatrixWorld, type Role } from "./world.ts";

export type RouteRule = {
  params?: (w: MatrixWorld) => Record<string, string>;
  // roles whose GET gets past authorization (2xx, 3xx other than to sign-in, 400); omit when there is no loader
  get?: readonly Role[];
  // per action intent ("" = a form without an intent field): roles whose POST gets past authorization
  actions?: Record<string, readonly Role[]>;
};

export const EVERYONE = ROLES;
export const SIGNED_IN = ROLES.filter((r) => r !== "anonymous");
export const NOBODY: readonly Role[] = [];
export const COUNCIL_A_STAFF: readonly Role[] = ["officerA", "councilAdmin"];
export const ALL_COUNCIL_STAFF: readonly Role[] = ["officerA", "officerB", "councilAdmin"];
export const COUNCIL_ADMIN: readonly Role[] = ["councilAdmin"];
export const PLATFORM_ADMIN: readonly Role[] = ["platformAdmin"];
export const SUPPLIERS: readonly Role[] = ["supplierOwner", "supplierMember"];

export const ROUTE_PERMISSIONS: Record<string, RouteRule> = {
  "routes/_index": { get: EVERYONE },
  // the benchmark's reference route: a constant answer with no data
  "routes/bench.bare": { get: EVERYONE },
  "routes/$": { get: NOBODY, actions: { "": NOBODY } },
  "routes/healthz": { get: EVERYONE },
  "routes/accessibility": {},
  "routes/privacy": {},
  "routes/account._index": { get: SIGNED_IN, actions: { "": SIGNED_IN } },
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
    },
  },
  "routes/admin.mailbox.$id": { params: (w) => ({ id: w.outboxEmail.id }), get: PLATFORM_ADMIN },
  "routes/admin.mailbox._index": { get: PLATFORM_ADMIN },
  "routes/contracts.$id._index": { params: (w) => ({ id: w.contract.id }), get: COUNCIL_A_STAFF },
  "routes/contracts.$id.commitments.$commitmentId": {
    params: (w) => ({ id: w.contract.id, commitmentId: w.commitment.id }),
    get: COUNCIL_A_STAFF,
    actions: { save: COUNCIL_A_STAFF, remove: COUNCIL_A_STAFF },
  },
  "routes/contracts.$id.commitments.new": {
    params: (w) => ({ id: w.contract.id }),
    get: COUNCIL_A_STAFF,
    actions: { "": COUNCIL_A_STAFF },
  },
  "routes/contracts.$id.edit": {
    params: (w) => ({ id: w.contract.id }),
    get: COUNCIL_A_STAFF,
    actions: { "": COUNCIL_A_STAFF },
  },
  "routes/contracts._index": {
    get: ["supplierOwner", "supplierMember", "officerA", "officerB", "councilAdmin"],
  },
  "routes/contracts.import": {
    get: ALL_COUNCIL_STAFF,
    actions: { preview: ALL_COUNCIL_STAFF, import: ALL_COUNCIL_STAFF },
  },
  "routes/contracts.new": { get: ALL_COUNCIL_STAFF, actions: { "": ALL_COUNCIL_STAFF } },
  "routes/council.audit": { get: COUNCIL_ADMIN },
  "routes/council.categories": {
    get: ALL_COUNCIL_STAFF,
    actions: { add: ALL_COUNCIL_STAFF, update: ALL_COUNCIL_STAFF, toggle: ALL_COUNCIL_STAFF },
  },
  "routes/council.dashboard": { get: ALL_COUNCIL_STAFF },
  "routes/council.requests": { get: ALL_COUNCIL_STAFF },
  "routes/council.districts": {
    get: ALL_COUNCIL_STAFF,
    actions: { add: ALL_COUNCIL_STAFF, update: ALL_COUNCIL_STAFF, toggle: ALL_COUNCIL_STAFF },
  },
  "routes/council.guidance.$id": {
    params: (w) => ({ id: w.guidancePage.id }),
    get: COUNCIL_ADMIN,
    actions: { save: COUNCIL_ADMIN, delete: COUNCIL_ADMIN },
  },
  "routes/council.guidance._index": { get: COUNCIL_ADMIN },
  "routes/council.measures.$id": {
    params: (w) => ({ id: w.measure.id }),
    get: COUNCIL_ADMIN,
    actions: { save: COUNCIL_ADMIN, retire: COUNCIL_ADMIN, reinstate: COUNCIL_ADMIN },
  },
  "routes/council.measures._index": { get: ALL_COUNCIL_STAFF },
  "routes/council.measures.new": { get: COUNCIL_ADMIN, actions: { "": COUNCIL_ADMIN } },
  "routes/council.moderation.$id": {
    params: (w) => ({ id: w.submittedRequest.id }),
    get: COUNCIL_A_STAFF,
    actions: { approve: COUNCIL_A_STAFF, requestChanges: COUNCIL_A_STAFF },
  },
  "routes/council.moderation._index": { get: ALL_COUNCIL_STAFF },
  "routes/council.reports._index": { get: ALL_COUNCIL_STAFF },
  "routes/council.reports.departmental[.]csv": { get: ALL_COUNCIL_STAFF },
  "routes/council.settings": { get: COUNCIL_ADMIN, actions: { "": COUNCIL_ADMIN } },
  "routes/council.survey.$cycleId._index": {
    params: (w) => ({ cycleId: w.surveyCycle.id }),
    get: COUNCIL_ADMIN,
    actions: { close: COUNCIL_ADMIN, "invite-eligible": COUNCIL_ADMIN, "invite-email": COUNCIL_ADMIN },
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
  "routes/council.survey._index": { get: COUNCIL_ADMIN },
  "routes/council.survey.new": { get: COUNCIL_ADMIN, actions: { "": COUNCIL_ADMIN } },
  "routes/council.verification.$id": {
    params: (w) => ({ id: w.pendingOrganisation.id }),
    get: COUNCIL_A_STAFF,
    actions: { verify: COUNCIL_A_STAFF, reject: COUNCIL_A_STAFF },
  },
  "routes/council.verification._index": { get: ALL_COUNCIL_STAFF },
  "routes/dashboard": { get: SIGNED_IN },
  "routes/evidence.$id": { params: (w) => ({ id: w.evidence.id }), get: COUNCIL_A_STAFF },
  "routes/forgot-password": { get: EVERYONE, actions: { "": EVERYONE } },
  "routes/guidance.$councilId.$slug": {
    params: (w) => ({ councilId: w.councilA.id, slug: w.guidancePage.slug }),
    get: EVERYONE,
  },
  "routes/guidance._index": { get: EVERYONE },
  "routes/impact._index": { get: EVERYONE },
  "routes/impact.data[.]csv": { get: EVERYONE },
  "routes/impact.data[.]json": { get: EVERYONE },
  // the emailed token is the capability; accepting also needs the invited email address (else a 400 explaining why)
  "routes/invitations.$token": {
    params: (w) => ({ token: w.invitationToken }),
    get: EVERYONE,
    actions: { "": SIGNED_IN },
  },
  "routes/matching": { get: SUPPLIERS },
  // council teams may post requests too
  "routes/my-requests": {
    get: ["vcseOwner", "vcseMember", "pendingOwner", "officerA", "officerB", "councilAdmin"],
  },
  "routes/organisations.$id._index": {
    params: (w) => ({ id: w.otherVcse.id }),
    get: NOBODY,
    actions: {
      invite: NOBODY,
      "change-role": NOBODY,
      remove: NOBODY,
      leave: NOBODY,
      "revoke-invitation": NOBODY,
      "partnership-access": NOBODY,
      "survey-access": NOBODY,
    },
  },
  "routes/organisations._index": { get: SIGNED_IN },
  "routes/organisations.new._index": { get: SIGNED_IN, actions: { "": SIGNED_IN } },
  "routes/organisations.new.supplier": { get: SIGNED_IN, actions: { "": SIGNED_IN } },
  "routes/organisations.new.vcse": { get: SIGNED_IN, actions: { "": SIGNED_IN } },
  "routes/pledges.$id": {
    params: (w) => ({ id: w.pledge.id }),
    get: NOBODY,
    actions: {
      accept: NOBODY,
      decline: NOBODY,
      withdraw: NOBODY,
      reportDelivery: NOBODY,
      confirm: NOBODY,
      dispute: NOBODY,
    },
  },
  "routes/pledges._index": { get: SUPPLIERS },
  "routes/requests.$id._index": { params: (w) => ({ id: w.openRequest.id }), get: EVERYONE },
  "routes/requests.$id.edit": {
    params: (w) => ({ id: w.draftRequest.id }),
    get: NOBODY,
    actions: { "": NOBODY },
  },
  "routes/requests.$id.manage": {
    params: (w) => ({ id: w.draftRequest.id }),
    get: NOBODY,
    actions: { submit: NOBODY, extend: NOBODY, showcase: NOBODY, withdraw: NOBODY },
  },
  "routes/requests.$id.pledge": {
    params: (w) => ({ id: w.openRequest.id }),
    get: SUPPLIERS,
    actions: { "": SUPPLIERS },
  },
  "routes/requests._index": { get: EVERYONE },
  "routes/requests.new": {
    get: ["vcseOwner", "vcseMember", "pendingOwner", "officerA", "officerB", "councilAdmin"],
    actions: { "": ["vcseOwner", "vcseMember", "pendingOwner", "officerA", "officerB", "councilAdmin"] },
  },
  "routes/reset-password": { get: EVERYONE, actions: { "": EVERYONE } },
  "routes/returns.$id._index": {
    params: (w) => ({ id: w.kpiReturn.id }),
    get: COUNCIL_A_STAFF,
    actions: { save: NOBODY, submit: NOBODY, upload: NOBODY, "remove-evidence": NOBODY },
  },
  "routes/returns.$id.review": {
    params: (w) => ({ id: w.kpiReturn.id }),
    get: COUNCIL_A_STAFF,
    actions: { accept: COUNCIL_A_STAFF, query: COUNCIL_A_STAFF },
  },
  "routes/returns._index": {
    get: ["supplierOwner", "supplierMember", "officerA", "officerB", "councilAdmin"],
  },
  "routes/saved-searches": {
    get: SUPPLIERS,
    actions: { create: SUPPLIERS, digest: SUPPLIERS, delete: SUPPLIERS },
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
  "routes/survey.$cycleId.confirmation": { params: (w) => ({ cycleId: w.surveyCycle.id }), get: NOBODY },
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
    get: ["vcseOwner", "vcseMember", "pendingOwner", "officerA", "officerB", "councilAdmin", "platformAdmin"],
  },
  // GET redirects home; POST must name one of the viewer's own organisations
  "routes/switch-organisation": { get: EVERYONE, actions: { "": NOBODY } },
  "routes/verify-email": { get: EVERYONE, actions: { confirm: EVERYONE, resend: SIGNED_IN } },
};
