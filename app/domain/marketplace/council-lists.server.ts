// Saved searches and the council's own lists (categories, districts) that requests are filed under.
import { db, isUniqueViolation } from "~/db.server.ts";
import { writeAudit } from "~/domain/audit/audit.server.ts";
import type { Actor } from "./access.server.ts";
import { fileRequestsByPostcodeArea, refileRequestsByPostcodeArea } from "./requests.server.ts";
import { parseSearch, readSavedFilters, searchQueryString, type SearchFilters } from "./schemas.ts";
import { applicableFilters, forgetSearchOptions } from "./search.server.ts";

export function listSavedSearches(userId: string, organisationId: string) {
  return db.savedSearch.findMany({
    where: { userId, organisationId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, filters: true, emailDigest: true, lastDigestAt: true },
  });
}

// The viewer's saved searches with their links, and the filters each names that no longer name anything (a
// council, category or district deleted since): its link and digest match without them, so it needs updating.
// A search whose stored filters cannot be read at all has no link (it would wrongly list every request).
export async function savedSearchesOf(userId: string, organisationId: string) {
  const searches = await listSavedSearches(userId, organisationId);
  return Promise.all(
    searches.map(async ({ filters, ...search }) => {
      const saved = readSavedFilters(filters);
      if (!saved) return { ...search, link: null, notFound: [] };
      const { notFound } = await applicableFilters(saved);
      return { ...search, link: savedSearchLink(saved), notFound };
    }),
  );
}

// How many searches one person keeps for one organisation: the saved searches page lists them all, and each
// may send a daily email, so the list and the digest run stay bounded.
export const SAVED_SEARCH_LIMIT = 50;

export class SavedSearchLimitReached extends Error {
  constructor() {
    super(
      `You have ${SAVED_SEARCH_LIMIT} saved searches, the most you can keep. Delete one you no longer need to save this one.`,
    );
  }
}

// A double-submitted form carries the same one-off key (as a pledge's does): the second answers with the search
// the first saved, whichever of the two reaches the database first. A form without a key (a page rendered
// before keys were added) saves as it always did. Past the limit, SavedSearchLimitReached.
export async function saveSearch(input: {
  userId: string;
  organisationId: string;
  name: string;
  query: string;
  emailDigest: boolean;
  submissionKey?: string;
}): Promise<{ id: string; name: string; repeated: boolean }> {
  const filters = parseSearch(new URLSearchParams(input.query));
  // a digest's own window (since) is not part of a saved search: each digest sets it
  const { page: _page, since: _since, ...kept } = filters;
  const stored = Object.fromEntries(Object.entries(kept).filter(([, v]) => v !== undefined));
  try {
    return await db.$transaction(async (tx) => {
      // one save at a time per person and organisation, so two at once cannot both pass the limit
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`saved-search:${input.userId}:${input.organisationId}`}, 0))`;
      const earlier = await findBySubmissionKey(tx, input.userId, input.submissionKey);
      if (earlier) return { ...earlier, repeated: true };
      const savedAlready = await tx.savedSearch.count({
        where: { userId: input.userId, organisationId: input.organisationId },
      });
      if (savedAlready >= SAVED_SEARCH_LIMIT) throw new SavedSearchLimitReached();
      const saved = await tx.savedSearch.create({
        data: {
          userId: input.userId,
          organisationId: input.organisationId,
          name: input.name,
          filters: stored,
          emailDigest: input.emailDigest,
          // new matches are those published from now on
          lastDigestAt: null,
          submissionKey: input.submissionKey ?? null,
        },
        select: { id: true, name: true },
      });
      return { ...saved, repeated: false };
    });
  } catch (error) {
    // the same key sent for another organisation (another lock) at the same moment
    if (isUniqueViolation(error)) {
      const existing = await findBySubmissionKey(db, input.userId, input.submissionKey);
      if (existing) return { ...existing, repeated: true };
    }
    throw error;
  }
}

function findBySubmissionKey(
  client: Pick<typeof db, "savedSearch">,
  userId: string,
  submissionKey: string | undefined,
) {
  if (!submissionKey) return null;
  return client.savedSearch.findUnique({
    where: { userId_submissionKey: { userId, submissionKey } },
    select: { id: true, name: true },
  });
}

// Scoped to the viewer in the query, so another user's search is simply not found.
export async function deleteSavedSearch(id: string, userId: string) {
  const { count } = await db.savedSearch.deleteMany({ where: { id, userId } });
  return count === 1;
}

export async function setDigest(id: string, userId: string, emailDigest: boolean) {
  const { count } = await db.savedSearch.updateMany({ where: { id, userId }, data: { emailDigest } });
  return count === 1;
}

function savedSearchLink(filters: SearchFilters) {
  const query = searchQueryString(filters);
  return query ? `/requests?${query}` : "/requests";
}

export function listCategories(councilId: string) {
  return db.category.findMany({
    where: { councilId },
    orderBy: [{ active: "desc" }, { sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, name: true, description: true, active: true, _count: { select: { requests: true } } },
  });
}

export function slugify(name: string) {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

type ListResult = { ok: true } | { ok: false; field: string; message: string };

/** How a refused change is shown: next to its field, or above the form when it concerns the whole list. */
export function refusalReply(result: Extract<ListResult, { ok: false }>) {
  return result.field
    ? { fieldErrors: { [result.field]: [result.message] } }
    : { formErrors: [result.message] };
}

// An "Add" sent twice (a double click, or the form sent again) finds the entry the first one made: the same name
// (and details), added by the same person a few minutes ago, as the council's audit log records. It is answered
// as added, with nothing written again (decision 024); anyone else's entry of that name is a real clash.
const REPEAT_WINDOW_MS = 10 * 60 * 1000;

async function addedJustNowBy(actor: Actor, action: string, entityId: string) {
  const entry = await db.auditLog.findFirst({
    where: {
      action,
      entityId,
      actorUserId: actor.userId,
      createdAt: { gte: new Date(Date.now() - REPEAT_WINDOW_MS) },
    },
    select: { id: true },
  });
  return entry !== null;
}

async function categoryClash(councilId: string, name: string, description: string | undefined, actor: Actor) {
  const clash = await db.category.findFirst({
    where: { councilId, OR: [{ name: { equals: name, mode: "insensitive" } }, { slug: slugify(name) }] },
    select: { id: true, name: true, description: true },
  });
  if (!clash) return null;
  const repeat =
    clash.name === name &&
    (clash.description ?? "") === (description || "") &&
    (await addedJustNowBy(actor, "category.create", clash.id));
  return repeat ? ({ ok: true } as const) : categoryTaken;
}

const categoryTaken = {
  ok: false,
  field: "name",
  message: "There is already a category with that name",
} as const;

export async function addCategory(
  councilId: string,
  name: string,
  description: string | undefined,
  actor: Actor,
): Promise<ListResult> {
  const clash = await categoryClash(councilId, name, description, actor);
  if (clash) return clash;
  try {
    await createCategory(councilId, name, description, actor);
  } catch (error) {
    // the two posts raced: the other one made it
    if (isUniqueViolation(error))
      return (await categoryClash(councilId, name, description, actor)) ?? categoryTaken;
    throw error;
  }
  forgetSearchOptions();
  return { ok: true };
}

async function createCategory(
  councilId: string,
  name: string,
  description: string | undefined,
  actor: Actor,
) {
  await db.$transaction(async (tx) => {
    const category = await tx.category.create({
      data: { councilId, name, slug: slugify(name), description: description || null },
      select: { id: true },
    });
    await writeAudit(
      {
        actorUserId: actor.userId,
        organisationId: councilId,
        actorOrganisationId: councilId,
        action: "category.create",
        entityType: "Category",
        entityId: category.id,
        details: { name },
        ipAddress: actor.ipAddress,
      },
      tx,
    );
  });
}

export async function updateCategory(
  councilId: string,
  id: string,
  change: { name: string; description?: string },
  actor: Actor,
): Promise<ListResult> {
  const clash = await db.category.findFirst({
    where: { councilId, id: { not: id }, name: { equals: change.name, mode: "insensitive" } },
    select: { id: true },
  });
  if (clash) return categoryTaken;
  // two officers renaming two categories to one name at once: the unique index refuses the second
  return db
    .$transaction(async (tx) => {
      const { count } = await tx.category.updateMany({
        where: { id, councilId },
        data: { name: change.name, description: change.description || null },
      });
      if (count !== 1) return { ok: false as const, field: "", message: "That category no longer exists" };
      await writeAudit(
        {
          actorUserId: actor.userId,
          organisationId: councilId,
          actorOrganisationId: councilId,
          action: "category.update",
          entityType: "Category",
          entityId: id,
          details: { name: change.name },
          ipAddress: actor.ipAddress,
        },
        tx,
      );
      forgetSearchOptions();
      return { ok: true as const };
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) return categoryTaken;
      throw error;
    });
}

// Categories and districts in use are never deleted (requests point at them): they are retired instead.
// `active` is the state the officer asked for: already so (the click sent twice, or another officer was first),
// nothing changes. Without it, the entry is switched over.
export async function toggleCategory(
  councilId: string,
  id: string,
  actor: Actor,
  active?: boolean,
): Promise<ListResult> {
  const category = await db.category.findFirst({ where: { id, councilId }, select: { active: true } });
  if (!category) return { ok: false, field: "", message: "That category no longer exists" };
  if (active === category.active) return { ok: true };
  await db.$transaction(async (tx) => {
    // guarded on the state read: of two switches at once, the second changes nothing
    const { count } = await tx.category.updateMany({
      where: { id, councilId, active: category.active },
      data: { active: !category.active },
    });
    if (count !== 1) return;
    await writeAudit(
      {
        actorUserId: actor.userId,
        organisationId: councilId,
        actorOrganisationId: councilId,
        action: category.active ? "category.retire" : "category.restore",
        entityType: "Category",
        entityId: id,
        ipAddress: actor.ipAddress,
      },
      tx,
    );
  });
  forgetSearchOptions();
  return { ok: true };
}

export function listDistricts(councilId: string) {
  return db.district.findMany({
    where: { councilId },
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      postcodeAreas: true,
      active: true,
      _count: { select: { requests: true } },
    },
  });
}

async function districtClash(councilId: string, name: string, postcodeAreas: string[], actor: Actor) {
  const clash = await db.district.findFirst({
    where: { councilId, name: { equals: name, mode: "insensitive" } },
    select: { id: true, name: true, postcodeAreas: true },
  });
  if (!clash) return null;
  const repeat =
    clash.name === name &&
    clash.postcodeAreas.join(",") === postcodeAreas.join(",") &&
    (await addedJustNowBy(actor, "district.create", clash.id));
  return repeat ? ({ ok: true } as const) : districtTaken;
}

const districtTaken = {
  ok: false,
  field: "name",
  message: "There is already a district with that name",
} as const;

export async function addDistrict(
  councilId: string,
  name: string,
  postcodeAreas: string[],
  actor: Actor,
): Promise<ListResult> {
  const clash = await districtClash(councilId, name, postcodeAreas, actor);
  if (clash) return clash;
  try {
    await createDistrict(councilId, name, postcodeAreas, actor);
  } catch (error) {
    // the two posts raced: the other one made it
    if (isUniqueViolation(error))
      return (await districtClash(councilId, name, postcodeAreas, actor)) ?? districtTaken;
    throw error;
  }
  forgetSearchOptions();
  return { ok: true };
}

async function createDistrict(councilId: string, name: string, postcodeAreas: string[], actor: Actor) {
  await db.$transaction(async (tx) => {
    const district = await tx.district.create({
      data: { councilId, name, postcodeAreas },
      select: { id: true },
    });
    await fileRequestsByPostcodeArea(tx, councilId);
    await writeAudit(
      {
        actorUserId: actor.userId,
        organisationId: councilId,
        actorOrganisationId: councilId,
        action: "district.create",
        entityType: "District",
        entityId: district.id,
        details: { name, postcodeAreas },
        ipAddress: actor.ipAddress,
      },
      tx,
    );
  });
}

export async function updateDistrict(
  councilId: string,
  id: string,
  change: { name: string; postcodeAreas: string[] },
  actor: Actor,
): Promise<ListResult> {
  const clash = await db.district.findFirst({
    where: { councilId, id: { not: id }, name: { equals: change.name, mode: "insensitive" } },
    select: { id: true },
  });
  if (clash) return districtTaken;
  // two officers renaming two districts to one name at once: the unique index refuses the second
  return db
    .$transaction(async (tx) => {
      const before = await tx.district.findFirst({
        where: { id, councilId },
        select: { postcodeAreas: true },
      });
      const { count } = await tx.district.updateMany({ where: { id, councilId }, data: change });
      if (!before || count !== 1)
        return { ok: false as const, field: "", message: "That district no longer exists" };
      const removed = before.postcodeAreas.filter((area) => !change.postcodeAreas.includes(area));
      const refiled = await refileRequestsByPostcodeArea(tx, councilId, id, removed);
      await fileRequestsByPostcodeArea(tx, councilId);
      await writeAudit(
        {
          actorUserId: actor.userId,
          organisationId: councilId,
          actorOrganisationId: councilId,
          action: "district.update",
          entityType: "District",
          entityId: id,
          details: { ...change, ...(refiled ? { refiled } : {}) },
          ipAddress: actor.ipAddress,
        },
        tx,
      );
      forgetSearchOptions();
      return { ok: true as const };
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) return districtTaken;
      throw error;
    });
}

export async function toggleDistrict(
  councilId: string,
  id: string,
  actor: Actor,
  active?: boolean,
): Promise<ListResult> {
  const district = await db.district.findFirst({
    where: { id, councilId },
    select: { active: true, postcodeAreas: true },
  });
  if (!district) return { ok: false, field: "", message: "That district no longer exists" };
  if (active === district.active) return { ok: true };
  await db.$transaction(async (tx) => {
    const { count } = await tx.district.updateMany({
      where: { id, councilId, active: district.active },
      data: { active: !district.active },
    });
    if (count !== 1) return;
    // retired: what it filed by area is filed again; restored: it files its areas' requests again
    const refiled = district.active
      ? await refileRequestsByPostcodeArea(tx, councilId, id, district.postcodeAreas)
      : 0;
    if (!district.active) await fileRequestsByPostcodeArea(tx, councilId);
    await writeAudit(
      {
        actorUserId: actor.userId,
        organisationId: councilId,
        actorOrganisationId: councilId,
        action: district.active ? "district.retire" : "district.restore",
        entityType: "District",
        entityId: id,
        details: refiled ? { refiled } : undefined,
        ipAddress: actor.ipAddress,
      },
      tx,
    );
  });
  forgetSearchOptions();
  return { ok: true };
}
