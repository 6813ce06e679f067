// Who is asking and what they may touch. Every loader and action calls one of these first.
import { json, redirect } from "@remix-run/node";
import { parse } from "cookie";
import { Prisma, readRows } from "~/db.server.ts";
import type { MemberRole, OrganisationKind, VerificationStatus } from "~/generated/prisma/enums.ts";
import { requestMemo } from "~/server/request-scope.ts";
import { readSessionToken, validateSessionToken, type SessionUser } from "./session.server.ts";
import { refuse } from "~/ui/route-refusal.server.ts";
import { SWITCHER_FIELD } from "./switcher-field.ts";

export type ViewerMembership = {
  organisationId: string;
  organisationName: string;
  kind: OrganisationKind;
  status: VerificationStatus;
  role: MemberRole;
  surveyAccess: boolean;
  // Set when the viewer acts for this council through a partnership-wide membership of another (named here).
  viaCouncil: string | null;
};

export type Viewer = {
  sessionId: string;
  user: SessionUser;
  memberships: ViewerMembership[];
  // the organisation the switcher was on when the posted form's page was shown (SWITCHER_FIELD), if it says
  shownFor?: string;
};

export const ORGANISATION_COOKIE = "svm_org";

const viewerCache = new WeakMap<Request, Promise<Viewer | null>>();

export function getViewer(request: Request): Promise<Viewer | null> {
  let pending = viewerCache.get(request);
  if (!pending) {
    // Within one page request every loader shares the lookup (see request-scope.ts). Only GET and HEAD
    // requests have a scope: after a form post's action the loaders must see what it changed.
    pending = requestMemo(`viewer:${request.headers.get("cookie") ?? ""}`, () => loadViewer(request));
    viewerCache.set(request, pending);
  }
  return pending;
}

async function loadViewer(request: Request): Promise<Viewer | null> {
  const token = readSessionToken(request);
  if (!token) return null;
  const session = await validateSessionToken(token);
  if (!session) return null;
  // Raw SQL for the same reason as the session lookup: every signed-in request needs it. A member whom their
  // council's admins made partnership-wide also acts, as an officer, for every other council of that
  // partnership; never with survey access (each council grants that itself), and a direct membership wins.
  const memberships = await readRows<ViewerMembership[]>(Prisma.sql`
    SELECT "organisationId", "organisationName", kind, status, role, "surveyAccess", "viaCouncil" FROM (
      SELECT o.id AS "organisationId", o.name AS "organisationName", o.kind::text AS kind,
             o.status::text AS status, m.role::text AS role, m."surveyAccess", NULL::text AS "viaCouncil",
             m."createdAt", m.id AS "order"
      FROM "Membership" m JOIN "Organisation" o ON o.id = m."organisationId"
      WHERE m."userId" = ${session.user.id}
      UNION ALL
      (SELECT DISTINCT ON (p.id) p.id, p.name, p.kind::text, p.status::text, 'OFFICER', false, o.name,
             m."createdAt", m.id || p.id
      FROM "Membership" m
      JOIN "Organisation" o ON o.id = m."organisationId" AND o.kind = 'COUNCIL'
      JOIN "Organisation" p ON p."partnershipId" = o."partnershipId" AND p.kind = 'COUNCIL' AND p.id <> o.id
      WHERE m."userId" = ${session.user.id} AND m."partnershipWide"
        AND NOT EXISTS (SELECT 1 FROM "Membership" d WHERE d."userId" = m."userId" AND d."organisationId" = p.id)
      ORDER BY p.id, m."createdAt", m.id)
    ) AS memberships
    ORDER BY "viaCouncil" IS NOT NULL, "createdAt" ASC, "order" ASC`);
  return {
    sessionId: session.sessionId,
    user: session.user,
    memberships,
    shownFor: await shownForSent(request),
  };
}

// A posted form names the switcher's organisation when its page was shown (app/ui/form-for.tsx). Browsers send
// plain forms URL-encoded; a multipart body is read for it only when it says it is small (a file upload's body is
// streamed once, to where it is stored, and acts as switched).
const SMALL_MULTIPART_BYTES = 1_000_000;

async function shownForSent(request: Request): Promise<string | undefined> {
  if (request.method === "GET" || request.method === "HEAD") return undefined;
  const type = request.headers.get("content-type") ?? "";
  const length = Number(request.headers.get("content-length") ?? NaN);
  const readable =
    type.startsWith("application/x-www-form-urlencoded") ||
    (type.startsWith("multipart/form-data") && length <= SMALL_MULTIPART_BYTES);
  if (!readable) return undefined;
  try {
    const value = (await request.clone().formData()).get(SWITCHER_FIELD);
    return typeof value === "string" ? value : undefined;
  } catch {
    // unreadable: the action's own reading of the form says so
    return undefined;
  }
}

export function notFound(): never {
  throw new Response("Not found", { status: 404, statusText: "Not Found" });
}

export function forbidden(message = "You do not have permission to do this."): never {
  throw new Response(message, { status: 403, statusText: "Forbidden" });
}

export async function requireViewer(request: Request): Promise<Viewer> {
  const viewer = await getViewer(request);
  if (!viewer) {
    const url = new URL(request.url);
    const back = url.pathname + url.search;
    throw redirect(`/sign-in?redirectTo=${encodeURIComponent(back)}`);
  }
  refuseCouncilNamedTwice(request);
  return viewer;
}

// A page acts for the council its address names (`council=<id>`, decision 027), read where each page reads it. An
// address naming two (`?council=a&council=b`, a link put together by hand or a bookmark edited) acted for the first
// and showed the second nowhere: it is refused (400, "Choose one council", in the site's layout) before any page or
// form of a signed-in person reads it. The same council named twice is one council.
function refuseCouncilNamedTwice(request: Request) {
  if (new Set(new URL(request.url).searchParams.getAll("council")).size > 1) refuse("councilNamedTwice", 400);
}

export async function requirePlatformAdmin(request: Request): Promise<Viewer> {
  const viewer = await requireViewer(request);
  if (!viewer.user.isPlatformAdmin) notFound();
  return viewer;
}

type MembershipRule = {
  kinds: OrganisationKind[];
  roles?: MemberRole[];
  organisationId?: string;
  verified?: boolean;
};

function matches(m: ViewerMembership, rule: MembershipRule) {
  return (
    rule.kinds.includes(m.kind) &&
    (!rule.roles || rule.roles.includes(m.role)) &&
    (!rule.organisationId || m.organisationId === rule.organisationId) &&
    (!rule.verified || m.status === "VERIFIED")
  );
}

// The organisation the viewer is acting for: the one chosen in the header switcher if it still fits. A posted
// form acts for the one the switcher was on when its page was shown, though another window has switched since.
export function actingMembership(
  viewer: Viewer,
  request: Request,
  rule: MembershipRule,
): ViewerMembership | undefined {
  if (!rule.organisationId && shownForLost(viewer)) return undefined;
  const candidates = viewer.memberships.filter((m) => matches(m, rule));
  const chosen = parse(request.headers.get("cookie") ?? "")[ORGANISATION_COOKIE];
  return (
    candidates.find((m) => m.organisationId === viewer.shownFor) ??
    candidates.find((m) => m.organisationId === chosen) ??
    candidates[0]
  );
}

// Throws 404 (not 403) when the viewer has no such membership, so records' existence is not revealed.
export async function requireMembership(
  request: Request,
  rule: MembershipRule,
): Promise<{ viewer: Viewer; membership: ViewerMembership }> {
  const viewer = await requireViewer(request);
  const membership = actingMembership(viewer, request, rule);
  if (!membership) return !rule.organisationId && shownForLost(viewer) ? forbidden() : notFound();
  return { viewer, membership };
}

// The lists a council shares with its suppliers (contracts, KPI returns) act for the council or supplier the
// person is working for. A council's page links to them naming its council (`council=<id>`), so someone who also
// works for a supplier (joined first, or chosen in the header switcher) sees the council's records, not the
// supplier's: only that council's members act for it, anyone else gets 404.
export function requireCouncilOrSupplier(request: Request, councilId: string | undefined) {
  return requireMembership(
    request,
    councilId ? { kinds: ["COUNCIL"], organisationId: councilId } : { kinds: ["SUPPLIER", "COUNCIL"] },
  );
}

// A form shown for an organisation the person no longer works for (removed from it, or its council left the
// partnership, while the page was open) acts for none: it once acted for whichever other organisation they
// belong to, so a category meant for one council was added to another. A record's own organisation
// (rule.organisationId) is checked as it always was.
function shownForLost(viewer: Viewer) {
  return Boolean(viewer.shownFor) && !viewer.memberships.some((m) => m.organisationId === viewer.shownFor);
}

export function requireCouncilOfficer(request: Request, councilId?: string) {
  return requireMembership(request, {
    kinds: ["COUNCIL"],
    roles: ["ADMIN", "OFFICER"],
    organisationId: councilId,
  });
}

export function requireCouncilAdmin(request: Request, councilId?: string) {
  return requireMembership(request, { kinds: ["COUNCIL"], roles: ["ADMIN"], organisationId: councilId });
}

// The council a record belongs to, or the council a form was written for, whichever council the person is working
// for at the moment: someone working for several councils reaches each council's records from links and emails
// without switching first. Checked again: only that council's members with the role.
export async function requireCouncilOf(
  request: Request,
  councilId: unknown,
  require: typeof requireCouncilOfficer = requireCouncilOfficer,
) {
  const acting = await require(request);
  if (typeof councilId !== "string" || !councilId || councilId === acting.membership.organisationId)
    return acting;
  return require(request, councilId);
}

// A council page for its admins only. Someone who works for that council (a membership of their own, not one through
// a partnership) without the role is told so, with a 403 naming the role and who can give it: the page is no secret
// to them. Anyone else gets the 404 requireCouncilOf answers. `doing` ends "You do not have permission to …".
export async function requireCouncilAdminOf(request: Request, councilId: unknown, doing: string) {
  try {
    return await requireCouncilOf(request, councilId, requireCouncilAdmin);
  } catch (error) {
    if (error instanceof Response && error.status === 404) await refuseOwnCouncil(request, councilId, doing);
    throw error;
  }
}

// The error page (app/ui/error-page.tsx) shows a refusal's own title and text in place of the general 403 ones.
export type Refusal = { refused: { title: string; body: string } };

// What a council page needs, as its refusal names it: who may use it and what an admin gives to let someone.
const NEEDS = {
  admin: { holders: "administrators", grant: "the administrator role" },
  survey: { holders: "officers with survey access", grant: "survey access" },
} as const;

// Throws the 403 for a member of the council (`councilId`, else the one being worked for) who lacks what the page
// needs; returns for anyone else, whose caller answers 404.
export async function refuseOwnCouncil(
  request: Request,
  councilId: unknown,
  doing: string,
  need: keyof typeof NEEDS = "admin",
) {
  const viewer = await getViewer(request);
  if (!viewer) return;
  const named = typeof councilId === "string" && councilId ? councilId : undefined;
  const member = actingMembership(viewer, request, { kinds: ["COUNCIL"], organisationId: named });
  if (!member || member.viaCouncil !== null) return;
  const admins = await readRows<{ name: string }[]>(Prisma.sql`
    SELECT u.name FROM "Membership" m JOIN "User" u ON u.id = m."userId"
    WHERE m."organisationId" = ${member.organisationId} AND m.role = 'ADMIN' AND u."deletedAt" IS NULL
      AND u.id <> ${viewer.user.id}
    ORDER BY u.name, u.id`);
  const council = member.organisationName;
  const { holders, grant } = NEEDS[need];
  const names = admins.map((a) => a.name.trim()).filter(Boolean);
  const ask =
    member.role === "ADMIN"
      ? `As one of its administrators, you can give yourself ${grant} on ${council}’s members page.`
      : names.length === 0
        ? `Ask an administrator of ${council} to give you ${grant}.`
        : names.length === 1
          ? `Ask ${council}’s administrator, ${names[0]}, to give you ${grant}.`
          : `Ask one of ${council}’s administrators (${names.slice(0, -1).join(", ")} or ${names.at(-1)}) to give you ${grant}.`;
  const refusal: Refusal = {
    refused: {
      title: `You do not have permission to ${doing}`,
      body: `Only ${holders} of ${council} can ${doing}. ${ask}`,
    },
  };
  throw json(refusal, { status: 403, statusText: "Forbidden" });
}

export function councilIdsOf(viewer: Viewer): string[] {
  return viewer.memberships.filter((m) => m.kind === "COUNCIL").map((m) => m.organisationId);
}

export function organisationIdsOf(viewer: Viewer, kind: OrganisationKind): string[] {
  return viewer.memberships.filter((m) => m.kind === kind).map((m) => m.organisationId);
}

// Any signed-in user (the name the account pages use).
export const requireUser = requireViewer;

// A signed-in user whose email address is confirmed: needed before creating or joining organisations.
export async function requireVerifiedUser(request: Request): Promise<Viewer> {
  const viewer = await requireViewer(request);
  if (!viewer.user.emailVerifiedAt) throw redirect(confirmFirst(request));
  return viewer;
}

// Where someone whose address is not confirmed yet is sent: a page they opened on their way somewhere (a
// registration form leading back to a survey invitation) is kept, so confirming (or a new link asked for there)
// leads back to it and from it on; any other page, to the plain confirmation page.
function confirmFirst(request: Request) {
  const url = new URL(request.url);
  return request.method === "GET" && url.searchParams.has("redirectTo")
    ? `/verify-email?redirectTo=${encodeURIComponent(url.pathname + url.search)}`
    : "/verify-email";
}
