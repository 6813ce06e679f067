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

export const ROUTE_PERMISSIONS: Record<string, RouteRule> = {
  "routes/_index": { get: EVERYONE },
  "routes/$": { get: NOBODY, actions: { "": NOBODY } },
  "routes/healthz": { get: EVERYONE },
  "routes/accessibility": {},
  "routes/privacy": {},

  // oversight: guidance, settings, audit
  "routes/guidance._index": { get: EVERYONE },
  "routes/guidance.$councilId.$slug": {
    params: (w) => ({ councilId: w.councilA.id, slug: w.guidancePage.slug }),
    get: EVERYONE,
  },
  "routes/council.guidance._index": { get: COUNCIL_ADMIN },
  "routes/council.guidance.$id": {
    params: (w) => ({ id: w.guidancePage.id }),
    get: COUNCIL_ADMIN,
    actions: { save: COUNCIL_ADMIN, delete: COUNCIL_ADMIN },
  },
  "routes/council.settings": { get: COUNCIL_ADMIN, actions: { "": COUNCIL_ADMIN } },
  "routes/council.audit": { get: COUNCIL_ADMIN },

  // returns: the return and its evidence belong to another supplier on a council A contract
  "routes/returns._index": {
    get: ["supplierOwner", "supplierMember", "officerA", "officerB", "councilAdmin"],
  },
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
  "routes/evidence.$id": { params: (w) => ({ id: w.evidence.id }), get: COUNCIL_A_STAFF },
};
