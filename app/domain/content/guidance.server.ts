// Guidance pages: public reading for published pages, editing by the council's admins.
import { recentlyAudited, writeAudit } from "~/domain/audit/audit.server.ts";
import { db, isUniqueViolation, type Tx } from "~/db.server.ts";
import { pageCountOf, pageWindow } from "~/domain/page-number.ts";
import type { GuidanceAudience } from "~/generated/prisma/enums.ts";
import { LRUCache } from "lru-cache";
import { NAMED_COUNCIL } from "~/domain/named-councils.ts";
import { brandingOf, councilBrandSelect } from "./branding.server.ts";
import {
  emphasisTooCostly,
  MAX_MARKDOWN_NESTING,
  nestsTooDeeply,
  renderMarkdown,
} from "./markdown.server.ts";

export type GuidanceInput = {
  title: string;
  slug: string;
  audience: GuidanceAudience;
  bodyMarkdown: string;
  published: boolean;
};

/** The address name of the guidance page a council writes as the introduction to its case studies, which every
 * council has (case-studies.server.ts): the list names that page once per council, with the others. */
export const CASE_STUDIES_SLUG = "case-studies";

/** How many pages of guidance the public list shows at a time. */
export const GUIDANCE_PAGE_SIZE = 50;

/** Published guidance is public only for the councils the public lists name (verified councils): a council not yet
 * verified, or no longer, has no case studies page either (case-studies.server.ts), and its pages read as its own. */
const PUBLIC = { published: true, council: NAMED_COUNCIL } as const;

/** One page of the published guidance, council by council, with how many there are in all: every council's pages
 * on one list grew without bound. A council's case studies introduction (CASE_STUDIES_SLUG) is among them: a council
 * whose only published page it was was left off the list, case studies and all. */
export async function listPublishedGuidance(page: number) {
  const where = PUBLIC;
  const window = pageWindow(page, GUIDANCE_PAGE_SIZE);
  const [total, pages] = await Promise.all([
    db.guidancePage.count({ where }),
    db.guidancePage.findMany({
      where,
      // the id settles ties (two councils of one name, two pages of one title) so no page is on two pages or none
      orderBy: [{ council: { name: "asc" } }, { councilId: "asc" }, { title: "asc" }, { id: "asc" }],
      ...window,
      select: {
        slug: true,
        title: true,
        audience: true,
        councilId: true,
        council: { select: { name: true } },
      },
    }),
  ]);
  // first: the place of the page's first entry in the whole list ("Guidance pages 51 to 100 of 120")
  return { total, pageCount: pageCountOf(total, GUIDANCE_PAGE_SIZE), first: window.skip + 1, pages };
}

// Pages as rendered, by page and version: rendering a long page (a 50,000-character table) takes most of a
// second, and public pages are open to anyone asking for them over and over.
const rendered = new LRUCache<string, string>({
  maxSize: 8 * 1024 * 1024,
  sizeCalculation: (html) => html.length || 1,
});

// a preview's headings sit below its own "Preview" heading (h2): they start at h3
function renderedPage(page: { id: string; updatedAt: Date; bodyMarkdown: string }, firstLevel: 2 | 3 = 2) {
  const key = `${page.id}:${page.updatedAt.getTime()}:${firstLevel}`;
  let html = rendered.get(key);
  if (html === undefined) {
    html = renderMarkdown(page.bodyMarkdown, { firstLevel });
    rendered.set(key, html);
  }
  return html;
}

export async function getPublishedGuidance(councilId: string, slug: string) {
  const page = await db.guidancePage.findFirst({
    where: { councilId, slug, ...PUBLIC },
    select: {
      id: true,
      title: true,
      audience: true,
      bodyMarkdown: true,
      updatedAt: true,
      council: { select: councilBrandSelect },
    },
  });
  if (!page) return null;
  const { id: _id, bodyMarkdown: _body, council, ...rest } = page;
  return {
    ...rest,
    council: { name: council.name },
    branding: brandingOf(council),
    html: renderedPage(page),
  };
}

export function listCouncilGuidance(councilId: string) {
  return db.guidancePage.findMany({
    where: { councilId },
    orderBy: { title: "asc" },
    select: { id: true, slug: true, title: true, audience: true, published: true, updatedAt: true },
  });
}

// A page for its editor, with how it reads as last saved (drafts too: no reader can see them elsewhere).
export async function getCouncilGuidanceWithPreview(councilId: string, id: string) {
  const page = await db.guidancePage.findFirst({
    where: { id, councilId },
    select: {
      id: true,
      slug: true,
      title: true,
      audience: true,
      bodyMarkdown: true,
      published: true,
      updatedAt: true,
    },
  });
  if (!page) return null;
  const { updatedAt, ...fields } = page;
  // the form carries it, so a colleague's later save is shown instead of overwritten
  return { page: { ...fields, version: updatedAt.toISOString() }, preview: renderedPage(page, 3) };
}

// The council a page belongs to, or belonged to when it was deleted (null: no such page ever), for finding which of
// an admin's councils it is: a deleted page's address, opened again, is answered for its own council only.
export async function councilOfGuidance(id: string) {
  const page = await db.guidancePage.findUnique({ where: { id }, select: { councilId: true } });
  if (page) return page.councilId;
  const deletion = await db.auditLog.findFirst({
    where: { action: "guidance.delete", entityType: "GuidancePage", entityId: id },
    orderBy: { createdAt: "desc" },
    select: { organisationId: true },
  });
  return deletion?.organisationId ?? null;
}

export function getCouncilGuidance(councilId: string, id: string) {
  return db.guidancePage.findFirst({
    where: { id, councilId },
    select: { id: true, slug: true, title: true, audience: true, bodyMarkdown: true, published: true },
  });
}

/** A page saved after the form was read: its version now, what of it differs from the answers, and who saved it (the
 * admin themselves, from another tab or window, or a colleague; no name when the page does not say). */
export type GuidanceStale = {
  version: string;
  differences: { field: keyof GuidanceInput; saved: string | boolean; yours: string | boolean }[];
  savedBy: { you: boolean; name: string | null };
};

type Result =
  | { ok: true; id: string }
  | { ok: false; fieldErrors: Record<string, string[]> }
  | { ok: false; stale: GuidanceStale };
const slugTaken = {
  ok: false as const,
  fieldErrors: { slug: ["Another page already uses this web address name"] },
};

export async function saveGuidance(args: {
  councilId: string;
  actorUserId: string;
  ipAddress: string | null;
  id?: string;
  // the page's version (its updatedAt) the form was read from; none from a page shown before forms carried it
  version?: string;
  input: GuidanceInput;
}): Promise<Result | null> {
  const { input } = args;
  // what could not be shown to readers is not saved
  if (nestsTooDeeply(input.bodyMarkdown))
    return {
      ok: false,
      fieldErrors: {
        bodyMarkdown: [
          `Page content must not nest lists or quotes more than ${MAX_MARKDOWN_NESTING} levels deep`,
        ],
      },
    };
  if (emphasisTooCostly(input.bodyMarkdown))
    return {
      ok: false,
      fieldErrors: {
        bodyMarkdown: [
          "Page content has too many * and _ marks to show: use fewer of them, or split long paragraphs",
        ],
      },
    };
  const clash = await findClash(args);
  if (clash) return clash;
  try {
    return await writeGuidance(args);
  } catch (error) {
    // another admin took the slug between the check above and this write: the same answer as the check
    if (isUniqueViolation(error)) return (await findClash(args)) ?? slugTaken;
    throw error;
  }
}

// Another page with the slug: refused, unless this is a new page sent twice (a double click, a form sent again)
// and the page already saved is exactly it, saved by the same admin: then the repeat gets the same answer and
// nothing more is written (decision 024).
async function findClash(args: Parameters<typeof saveGuidance>[0]): Promise<Result | null> {
  const { councilId, id, input } = args;
  const clash = await db.guidancePage.findFirst({
    where: { councilId, slug: input.slug, ...(id ? { id: { not: id } } : {}) },
    select: { id: true, title: true, audience: true, bodyMarkdown: true, published: true, updatedById: true },
  });
  if (!clash) return null;
  const repeat =
    !id &&
    clash.updatedById === args.actorUserId &&
    clash.title === input.title &&
    clash.audience === input.audience &&
    clash.bodyMarkdown === input.bodyMarkdown &&
    clash.published === input.published;
  return repeat ? { ok: true, id: clash.id } : slugTaken;
}

function writeGuidance(args: Parameters<typeof saveGuidance>[0]): Promise<Result | null> {
  const { councilId, actorUserId, id, version, input } = args;
  return db.$transaction(async (tx) => {
    let pageId = id;
    if (id) {
      // the page's row is locked first: "Save page" sent twice (a double click) is taken one save after the other,
      // and the second, finding the page as it would leave it, changes and records nothing (decision 024)
      const [current] = await tx.$queryRaw<
        (GuidanceInput & { updatedAt: Date; updatedById: string | null })[]
      >`
        SELECT title, slug, audience::text AS audience, "bodyMarkdown", published, "updatedAt", "updatedById"
        FROM "GuidancePage" WHERE id = ${id} AND "councilId" = ${councilId} FOR UPDATE`;
      if (!current) return null;
      const fields = Object.keys(input) as (keyof GuidanceInput)[];
      const differences = fields
        .filter((field) => current[field] !== input[field])
        .map((field) => ({ field, saved: current[field], yours: input[field] }));
      if (differences.length === 0) return { ok: true as const, id };
      // saved since this form was read (by another admin, or by this one in another tab): show what was saved, and
      // by whom, instead of overwriting it
      if (version && version !== current.updatedAt.toISOString())
        return {
          ok: false as const,
          stale: {
            version: current.updatedAt.toISOString(),
            differences,
            savedBy: await savedBy(tx, current.updatedById, actorUserId),
          },
        };
      await tx.guidancePage.update({ where: { id }, data: { ...input, updatedById: actorUserId } });
    } else {
      pageId = (await tx.guidancePage.create({ data: { ...input, councilId, updatedById: actorUserId } })).id;
    }
    await writeAudit(
      {
        actorUserId,
        organisationId: councilId,
        actorOrganisationId: councilId,
        action: id ? "guidance.update" : "guidance.create",
        entityType: "GuidancePage",
        entityId: pageId,
        details: { slug: input.slug, published: input.published },
        ipAddress: args.ipAddress,
      },
      tx,
    );
    return { ok: true as const, id: pageId! };
  });
}

// Who saved a page last, as its editor is told: themselves, or the colleague by name (none when the page does not
// say, as for a page only ever seeded)
async function savedBy(tx: Tx, userId: string | null, actorUserId: string) {
  if (userId === actorUserId) return { you: true, name: null };
  const user = userId ? await tx.user.findUnique({ where: { id: userId }, select: { name: true } }) : null;
  return { you: false, name: user?.name.trim() || null };
}

/** When a council's page was deleted and by whom, from its audit log (null: no such page was deleted there), so an
 * admin saving a page a colleague deleted meanwhile is told so, with their answers kept, not shown "Page not found". */
export async function guidanceDeletion(councilId: string, id: string) {
  const entry = await db.auditLog.findFirst({
    where: { organisationId: councilId, action: "guidance.delete", entityType: "GuidancePage", entityId: id },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true, actorUserId: true, actor: { select: { name: true } }, details: true },
  });
  if (!entry) return null;
  // recorded since deletions kept it; none for a page deleted before
  const title = (entry.details as { title?: unknown } | null)?.title;
  return {
    deletedAt: entry.createdAt.toISOString(),
    actorUserId: entry.actorUserId,
    by: entry.actor?.name ?? null,
    title: typeof title === "string" ? title : null,
  };
}

/**
 * What the page asking "delete this page?" shows: the page as saved now, not its content, with its version (when it
 * was last saved), which the deletion is checked against.
 */
export async function getGuidanceForDeletion(councilId: string, id: string) {
  const page = await db.guidancePage.findFirst({
    where: { id, councilId },
    select: { id: true, title: true, slug: true, audience: true, published: true, updatedAt: true },
  });
  if (!page) return null;
  const { updatedAt, ...fields } = page;
  return { ...fields, version: updatedAt.toISOString() };
}

export type DeleteGuidanceResult =
  { ok: true } | { ok: false; notFound: true } | { ok: false; stale: { savedBy: GuidanceStale["savedBy"] } };

/** Deletes the page only as the admin saw it (`version`): one saved since stays until they have seen it, and who
 * saved it is said (the admin themselves in another tab or window, or the colleague by name). */
export async function deleteGuidance(args: {
  councilId: string;
  actorUserId: string;
  ipAddress: string | null;
  id: string;
  version: string;
}): Promise<DeleteGuidanceResult> {
  const outcome = await db.$transaction(async (tx) => {
    const shown = { id: args.id, councilId: args.councilId, updatedAt: new Date(args.version) };
    // what the log names it by once it is gone: the page as shown (a save since changes its version, and then
    // nothing is deleted below)
    const named = await tx.guidancePage.findFirst({ where: shown, select: { title: true, slug: true } });
    // a save landing meanwhile holds the row until it commits, and then no longer matches this version
    const { count } = named ? await tx.guidancePage.deleteMany({ where: shown }) : { count: 0 };
    if (count === 0) {
      const saved = await tx.guidancePage.findFirst({
        where: { id: args.id, councilId: args.councilId },
        select: { updatedById: true },
      });
      return saved ? { savedBy: await savedBy(tx, saved.updatedById, args.actorUserId) } : ("gone" as const);
    }
    await writeAudit(
      {
        actorUserId: args.actorUserId,
        organisationId: args.councilId,
        actorOrganisationId: args.councilId,
        action: "guidance.delete",
        entityType: "GuidancePage",
        entityId: args.id,
        // the page's name stays in the log, which names it, and its earlier entries, "(deleted)" by it
        details: { title: named!.title, slug: named!.slug },
        ipAddress: args.ipAddress,
      },
      tx,
    );
    return "deleted" as const;
  });
  if (outcome === "deleted") return { ok: true };
  if (typeof outcome === "object") return { ok: false, stale: outcome };
  // "Yes, delete" sent twice (a double click, the form sent again after a slow answer): the page is gone because
  // this admin deleted it moments ago, so the repeat gets the same answer, with nothing more written (decision 024)
  return (await recentlyAudited({
    actorUserId: args.actorUserId,
    action: "guidance.delete",
    entityId: args.id,
  }))
    ? { ok: true }
    : { ok: false, notFound: true };
}
