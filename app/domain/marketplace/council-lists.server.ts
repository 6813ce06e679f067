// Saved searches and the council's own lists (categories, districts) that requests are filed under.
import { db, isUniqueViolation, lockUntilCommit, type Prisma, sameTextAs, type Tx } from "~/db.server.ts";
import { recentlyAudited, writeAudit } from "~/domain/audit/audit.server.ts";
import { listInWords } from "~/domain/format.ts";
import type { Actor } from "./access.server.ts";
import { fileRequestsByPostcodeArea, refileRequestsByPostcodeArea } from "./requests.server.ts";
import { parseSearch, readSavedFilters, searchQueryString, type SearchFilters } from "./schemas.ts";
import { applicableFilters, forgetSearchOptions, namesOfFilters } from "./search.server.ts";

export function listSavedSearches(userId: string, organisationId: string) {
  return db.savedSearch.findMany({
    where: { userId, organisationId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      filters: true,
      emailDigest: true,
      lastDigestAt: true,
      lastEmailedAt: true,
    },
  });
}

// The viewer's saved searches with their links, what each matches (its filters, with the names of the council,
// category and district it names, so two searches differ by more than their names), and the filters each names
// that no longer name anything (a council, category or district deleted since): its link and digest match
// without them, so it needs updating. A search whose stored filters cannot be read at all has no link (it would
// wrongly list every request).
export async function savedSearchesOf(userId: string, organisationId: string) {
  const searches = await listSavedSearches(userId, organisationId);
  return Promise.all(
    searches.map(async ({ filters, ...search }) => {
      const saved = readSavedFilters(filters);
      if (!saved) return { ...search, link: null, notFound: [], matches: null };
      const { filters: applied, notFound } = await applicableFilters(saved);
      const { q, helpType, remote, closingBefore } = applied;
      const matches = { q, helpType, remote, closingBefore, ...(await namesOfFilters(applied)) };
      return { ...search, link: savedSearchLink(saved), notFound, matches };
    }),
  );
}

// What decides which requests a saved search finds, and so what its daily email lists: every filter but the
// order (sort). Search words count as the search reads them: case and runs of spaces aside.
const MATCHING = ["q", "category", "helpType", "district", "council", "remote", "closingBefore"] as const;

function sameMatches(a: SearchFilters, b: SearchFilters) {
  const value = (f: SearchFilters, key: (typeof MATCHING)[number]) =>
    key === "q" ? (f.q ?? "").trim().replace(/\s+/g, " ").toLowerCase() : (f[key] ?? "");
  return MATCHING.every((key) => value(a, key) === value(b, key));
}

// The person's saved search (for this organisation) that finds exactly what `filters` finds, if there is one.
async function sameSearchSaved(
  tx: Pick<typeof db, "savedSearch">,
  userId: string,
  organisationId: string,
  filters: SearchFilters,
) {
  const saved = await tx.savedSearch.findMany({
    where: { userId, organisationId },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, filters: true },
  });
  const same = saved.find((s) => {
    const read = readSavedFilters(s.filters);
    return read !== null && sameMatches(read, filters);
  });
  return same ? { id: same.id, name: same.name } : null;
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

// A name the person already gives another saved search for the organisation (case and surrounding spaces aside):
// their buttons ("Delete …", "Turn off email for …") and daily emails would read alike.
export class SavedSearchNameTaken extends Error {
  constructor(readonly takenName: string) {
    super(`You already have a saved search called “${takenName}”: choose another name`);
  }
}

// A double-submitted form carries the same one-off key (as a pledge's does): the second answers with the search
// the first saved, whichever of the two reaches the database first. A form without a key (a page rendered
// before keys were added) saves as it always did. A search finding exactly what one the person already keeps
// for the organisation finds is not saved again (two would send the same daily email twice): the answer is that
// one, as "existing". Named as another of theirs, SavedSearchNameTaken; past the limit, SavedSearchLimitReached.
export async function saveSearch(input: {
  userId: string;
  organisationId: string;
  name: string;
  query: string;
  emailDigest: boolean;
  submissionKey?: string;
}): Promise<{
  id: string;
  name: string;
  repeated: boolean;
  existing?: boolean;
  /** the search kept already had its daily email off, and this save asked for it: it is on now */
  digestTurnedOn?: boolean;
}> {
  const filters = parseSearch(new URLSearchParams(input.query));
  // a digest's own window (since) is not part of a saved search: each digest sets it
  const { page: _page, since: _since, ...kept } = filters;
  const stored = Object.fromEntries(Object.entries(kept).filter(([, v]) => v !== undefined));
  try {
    return await db.$transaction(async (tx) => {
      // one save at a time per person and organisation, so two at once cannot both pass the limit
      await lockUntilCommit(tx, `saved-search:${input.userId}:${input.organisationId}`);
      const earlier = await findBySubmissionKey(tx, input.userId, input.submissionKey);
      if (earlier) return { ...earlier, repeated: true };
      const same = await sameSearchSaved(tx, input.userId, input.organisationId, kept);
      if (same) {
        // "email me" ticked for a search kept with its email off: what was asked is done, not silently dropped
        const digestTurnedOn =
          input.emailDigest &&
          (
            await tx.savedSearch.updateMany({
              where: { id: same.id, emailDigest: false },
              data: { emailDigest: true, digestTurnedOnAt: new Date() },
            })
          ).count === 1;
        return { ...same, repeated: false, existing: true, digestTurnedOn };
      }
      // under the lock above, so two saves at once cannot both take the name
      const sameName = await tx.savedSearch.findFirst({
        where: {
          userId: input.userId,
          organisationId: input.organisationId,
          name: sameTextAs(input.name.trim()),
        },
        select: { name: true },
      });
      if (sameName) throw new SavedSearchNameTaken(sameName.name);
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

// Scoped to the viewer in the query, so another user's search is simply not found (false). One that no longer
// exists at all is deleted already (the same "Delete" sent twice): true, as the first was answered.
// "deleted"; "gone" when there is no such search (deleted already, by a second click, or never there); false for
// another person's search, which is kept.
export async function deleteSavedSearch(id: string, userId: string): Promise<"deleted" | "gone" | false> {
  const { count } = await db.savedSearch.deleteMany({ where: { id, userId } });
  if (count === 1) return "deleted";
  return (await db.savedSearch.count({ where: { id } })) === 0 ? "gone" : false;
}

// Turning the daily email back on starts it from now: the next one does not list what was published while it was
// off. Sent twice, the second changes nothing (the email is already on, from the first one's moment).
export async function setDigest(id: string, userId: string, emailDigest: boolean) {
  const { count } = await db.savedSearch.updateMany({
    where: { id, userId, emailDigest: !emailDigest },
    data: emailDigest ? { emailDigest, digestTurnedOnAt: new Date() } : { emailDigest },
  });
  return count === 1 || (await db.savedSearch.count({ where: { id, userId } })) === 1;
}

function savedSearchLink(filters: SearchFilters) {
  const query = searchQueryString(filters);
  return query ? `/requests?${query}` : "/requests";
}

// Each entry with its version (when it was last saved), which the form changing it carries, so a colleague's
// later save is shown instead of overwritten.
const withVersion = <T extends { updatedAt: Date }>({ updatedAt, ...entry }: T) => ({
  ...entry,
  version: updatedAt.toISOString(),
});

export async function listCategories(councilId: string) {
  const categories = await db.category.findMany({
    where: { councilId },
    orderBy: [{ active: "desc" }, { sortOrder: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      description: true,
      active: true,
      updatedAt: true,
      _count: { select: { requests: true } },
    },
  });
  return categories.map(withVersion);
}

export async function listDistricts(councilId: string) {
  const districts = await db.district.findMany({
    where: { councilId },
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      postcodeAreas: true,
      active: true,
      updatedAt: true,
      _count: { select: { requests: true } },
    },
  });
  return districts.map(withVersion);
}

export function slugify(name: string) {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** An entry a colleague saved (or retired, or restored) after the form was read: its version now, and what of it
 * differs from the answers sent, as text (postcode areas as a list, "" for no description). */
export type ListEntryStale = {
  version: string;
  differences: { field: "name" | "description" | "postcodeAreas"; saved: string; yours: string }[];
};

type Refusal = { ok: false; field: string; message: string };
export type ListResult = { ok: true } | Refusal | { ok: false; stale: ListEntryStale };

/** How a refused change is shown: next to its field, or above the form when it concerns the whole list. */
export function refusalReply(result: Refusal) {
  return result.field
    ? { fieldErrors: { [result.field]: [result.message] } }
    : { formErrors: [result.message] };
}

// Categories and districts are written the same way; each kind brings its own queries as callbacks (Prisma's
// per-model types do not share one delegate type).
type ListKind = { noun: "category" | "district"; entityType: "Category" | "District" };
const CATEGORIES: ListKind = { noun: "category", entityType: "Category" };
const DISTRICTS: ListKind = { noun: "district", entityType: "District" };

const nameTaken = (kind: ListKind) =>
  ({ ok: false, field: "name", message: `There is already a ${kind.noun} with that name` }) as const;
const gone = (kind: ListKind) =>
  ({ ok: false, field: "", message: `That ${kind.noun} no longer exists` }) as const;

function auditListChange(
  tx: Tx,
  kind: ListKind,
  councilId: string,
  actor: Actor,
  change: { verb: string; entityId: string; details?: Prisma.InputJsonValue },
) {
  return writeAudit(
    {
      actorUserId: actor.userId,
      organisationId: councilId,
      actorOrganisationId: councilId,
      action: `${kind.noun}.${change.verb}`,
      entityType: kind.entityType,
      entityId: change.entityId,
      details: change.details,
      ipAddress: actor.ipAddress,
    },
    tx,
  );
}

// An "Add" sent twice (a double click, or the form sent again) finds the entry the first one made: the same name
// (and details), added by the same person within SENT_TWICE_WINDOW_MS, as the council's audit log records. It is
// answered as added, with nothing written again (decision 024); anyone else's entry of that name is a real clash.
async function addListEntry(
  kind: ListKind,
  councilId: string,
  actor: Actor,
  entry: {
    details: Prisma.InputJsonValue;
    // the entry the new one would clash with, and whether it has the name and details sent
    findClash: () => Promise<{ id: string; asSent: boolean } | null>;
    // makes the entry (and does whatever else its kind needs) in the transaction that logs it
    create: (tx: Tx) => Promise<{ id: string }>;
    // a refusal found in that transaction, before the entry is made
    refuse?: (tx: Tx) => Promise<Refusal | null>;
  },
): Promise<ListResult> {
  const clash = async () => {
    const found = await entry.findClash();
    if (!found) return null;
    const repeat =
      found.asSent &&
      (await recentlyAudited({
        actorUserId: actor.userId,
        action: `${kind.noun}.create`,
        entityId: found.id,
      }));
    return repeat ? ({ ok: true } as const) : nameTaken(kind);
  };
  const clashed = await clash();
  if (clashed) return clashed;
  try {
    const refused = await db.$transaction(async (tx) => {
      const refusal = await entry.refuse?.(tx);
      if (refusal) return refusal;
      const { id } = await entry.create(tx);
      await auditListChange(tx, kind, councilId, actor, {
        verb: "create",
        entityId: id,
        details: entry.details,
      });
      return null;
    });
    if (refused) return refused;
  } catch (error) {
    // the two posts raced: the other one made it
    if (isUniqueViolation(error)) return (await clash()) ?? nameTaken(kind);
    throw error;
  }
  forgetSearchOptions();
  return { ok: true };
}

const UNCHANGED = Symbol("unchanged");

const otherNamed = (councilId: string, id: string, name: string) => ({
  councilId,
  id: { not: id },
  name: sameTextAs(name),
});

async function updateListEntry(
  kind: ListKind,
  councilId: string,
  id: string,
  actor: Actor,
  entry: {
    // another entry of the council with the new name, in any case
    findClash: () => Promise<unknown>;
    // changes the entry, its row locked first; the audit entry's details, UNCHANGED when it already is as
    // asked (the form sent twice, or saved as it was), a stale edit when a colleague saved it after the form was
    // read, or null when it no longer exists
    update: (tx: Tx) => Promise<Prisma.InputJsonValue | typeof UNCHANGED | { stale: ListEntryStale } | null>;
    // a refusal found in that transaction, before the entry is changed
    refuse?: (tx: Tx) => Promise<Refusal | null>;
  },
): Promise<ListResult> {
  if (await entry.findClash()) return nameTaken(kind);
  // two officers renaming two entries to one name at once: the unique index refuses the second
  return db
    .$transaction(async (tx): Promise<ListResult> => {
      const refusal = await entry.refuse?.(tx);
      if (refusal) return refusal;
      const details = await entry.update(tx);
      if (details === null) return gone(kind);
      // nothing changed, so nothing to log
      if (details === UNCHANGED) return { ok: true };
      if (isStale(details)) return { ok: false, stale: details.stale };
      await auditListChange(tx, kind, councilId, actor, { verb: "update", entityId: id, details });
      forgetSearchOptions();
      return { ok: true };
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) return nameTaken(kind);
      throw error;
    });
}

function isStale(
  details: Prisma.InputJsonValue | { stale: ListEntryStale },
): details is { stale: ListEntryStale } {
  return typeof details === "object" && details !== null && "stale" in details;
}

// The fields that differ between the entry as saved (its row locked) and the answers: none, the answers are saved
// already (the form sent twice, or saved as it was: UNCHANGED, decision 024). Otherwise, when the form was read
// from an older version (`version`, its updatedAt), a colleague saved since: what they saved is shown, not
// overwritten. A form that carries no version (a page shown before forms carried one) is saved as before.
function compareWithSaved(
  saved: Partial<Record<ListEntryStale["differences"][number]["field"], string>> & { updatedAt: Date },
  yours: Partial<Record<ListEntryStale["differences"][number]["field"], string>>,
  version: string | undefined,
): typeof UNCHANGED | { stale: ListEntryStale } | "save" {
  const fields = Object.keys(yours) as ListEntryStale["differences"][number]["field"][];
  const differences = fields
    .filter((field) => saved[field] !== yours[field])
    .map((field) => ({ field, saved: saved[field] ?? "", yours: yours[field] ?? "" }));
  if (differences.length === 0) return UNCHANGED;
  const now = saved.updatedAt.toISOString();
  if (version && version !== now) return { stale: { version: now, differences } };
  return "save";
}

// Categories and districts in use are never deleted (requests point at them): they are retired instead.
// `active` is the state the officer asked for: already so (the click sent twice, or another officer was first),
// nothing changes. Without it, the entry is switched over.
async function toggleListEntry<Found extends { active: boolean }>(
  kind: ListKind,
  councilId: string,
  id: string,
  actor: Actor,
  active: boolean | undefined,
  entry: {
    find: (where: { id: string; councilId: string }) => Promise<Found | null>;
    setActive: (
      tx: Tx,
      where: { id: string; councilId: string; active: boolean },
      data: { active: boolean },
    ) => Promise<{ count: number }>;
    // what else its kind does once switched; the audit entry's details
    switched?: (tx: Tx, found: Found) => Promise<Prisma.InputJsonValue | undefined>;
  },
): Promise<ListResult> {
  const found = await entry.find({ id, councilId });
  if (!found) return gone(kind);
  if (active === found.active) return { ok: true };
  await db.$transaction(async (tx) => {
    // guarded on the state read: of two switches at once, the second changes nothing
    const { count } = await entry.setActive(
      tx,
      { id, councilId, active: found.active },
      { active: !found.active },
    );
    if (count !== 1) return;
    const details = await entry.switched?.(tx, found);
    const verb = found.active ? "retire" : "restore";
    await auditListChange(tx, kind, councilId, actor, { verb, entityId: id, details });
  });
  forgetSearchOptions();
  return { ok: true };
}

export function addCategory(
  councilId: string,
  name: string,
  description: string | undefined,
  actor: Actor,
): Promise<ListResult> {
  return addListEntry(CATEGORIES, councilId, actor, {
    details: { name },
    // a category named the same, in any case or punctuation, as it is named now: a renamed one keeps the slug
    // of its first name, which must not keep that name from being used again
    findClash: async () => {
      const categories = await db.category.findMany({
        where: { councilId },
        select: { id: true, name: true, description: true },
      });
      // a name with no letters a to z (in Urdu, say) has an empty slug: it clashes only with its own name
      const slug = slugify(name);
      const clash =
        categories.find((c) => c.name.toLowerCase() === name.toLowerCase()) ??
        (slug ? categories.find((c) => slugify(c.name) === slug) : undefined);
      if (!clash) return null;
      return {
        id: clash.id,
        asSent: clash.name === name && (clash.description ?? "") === (description || ""),
      };
    },
    create: async (tx) =>
      tx.category.create({
        data: {
          councilId,
          name,
          slug: await freeSlug(tx, councilId, name),
          description: description || null,
        },
        select: { id: true },
      }),
  });
}

// The stored slug (unique in the council) for a new category: its name's, or with a number after it when a
// category renamed since still holds that slug.
async function freeSlug(tx: Tx, councilId: string, name: string) {
  const base = slugify(name) || "category";
  const taken = new Set(
    (
      await tx.category.findMany({
        where: { councilId, slug: { startsWith: base } },
        select: { slug: true },
      })
    ).map((c) => c.slug),
  );
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

export function updateCategory(
  councilId: string,
  id: string,
  // `version`: the category's version the form was read from
  change: { name: string; description?: string; version?: string },
  actor: Actor,
): Promise<ListResult> {
  return updateListEntry(CATEGORIES, councilId, id, actor, {
    findClash: () =>
      db.category.findFirst({ where: otherNamed(councilId, id, change.name), select: { id: true } }),
    update: async (tx) => {
      // held until saved: the same form sent twice at once finds the first one's change
      const [before] = await tx.$queryRaw<{ name: string; description: string | null; updatedAt: Date }[]>`
        SELECT name, description, "updatedAt" FROM "Category"
        WHERE id = ${id} AND "councilId" = ${councilId} FOR UPDATE`;
      if (!before) return null;
      const compared = compareWithSaved(
        { name: before.name, description: before.description ?? "", updatedAt: before.updatedAt },
        { name: change.name, description: change.description || "" },
        change.version,
      );
      if (compared !== "save") return compared;
      const { count } = await tx.category.updateMany({
        where: { id, councilId },
        data: { name: change.name, description: change.description || null },
      });
      return count === 1 ? { name: change.name } : null;
    },
  });
}

export function toggleCategory(
  councilId: string,
  id: string,
  actor: Actor,
  active?: boolean,
): Promise<ListResult> {
  return toggleListEntry(CATEGORIES, councilId, id, actor, active, {
    find: (where) => db.category.findFirst({ where, select: { active: true } }),
    setActive: (tx, where, data) => tx.category.updateMany({ where, data }),
  });
}

// A postcode area belongs to one district of a council: given to two, its requests were filed under whichever
// sorts first by name, silently. Checked in the saving transaction, the council's districts locked until it
// commits, so two saves at once cannot both give one area. Retired districts count: restored, they file their
// areas again. `except`: for a change, the district changed, whose own areas are not checked (kept, they are fine,
// even where an older overlap shares them); for an add, its name, so the same add sent twice at once is answered
// as the name's clash is (added, or the name is taken), not as an area taken by itself.
async function areasTakenRefusal(
  tx: Tx,
  councilId: string,
  postcodeAreas: string[],
  except: { id: string } | { name: string },
): Promise<Refusal | null> {
  await lockUntilCommit(tx, `district-areas:${councilId}`);
  let added = postcodeAreas;
  if ("id" in except) {
    const own = await tx.district.findFirst({
      where: { id: except.id, councilId },
      select: { postcodeAreas: true },
    });
    added = postcodeAreas.filter((area) => !own?.postcodeAreas.includes(area));
  }
  if (!added.length) return null;
  const holders = await tx.district.findMany({
    where: {
      councilId,
      ...("id" in except ? { id: { not: except.id } } : { NOT: { name: sameTextAs(except.name) } }),
      postcodeAreas: { hasSome: added },
    },
    select: { name: true, active: true, postcodeAreas: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  if (!holders.length) return null;
  const message = holders
    .map((holder) => {
      const taken = added.filter((area) => holder.postcodeAreas.includes(area));
      const district = holder.active ? holder.name : `${holder.name} (retired)`;
      return `${listInWords(taken)} ${taken.length === 1 ? "is" : "are"} already in ${district}: take ${
        taken.length === 1 ? "it" : "them"
      } out of ${holder.name} first`;
    })
    .join(". ");
  return { ok: false, field: "postcodeAreas", message };
}

// A district files the requests in its postcode areas: made, changed or switched, the requests are filed again.
export function addDistrict(
  councilId: string,
  name: string,
  postcodeAreas: string[],
  actor: Actor,
): Promise<ListResult> {
  return addListEntry(DISTRICTS, councilId, actor, {
    details: { name, postcodeAreas },
    findClash: async () => {
      const clash = await db.district.findFirst({
        where: { councilId, name: sameTextAs(name) },
        select: { id: true, name: true, postcodeAreas: true },
      });
      return (
        clash && {
          id: clash.id,
          asSent: clash.name === name && clash.postcodeAreas.join(",") === postcodeAreas.join(","),
        }
      );
    },
    create: async (tx) => {
      const district = await tx.district.create({
        data: { councilId, name, postcodeAreas },
        select: { id: true },
      });
      await fileRequestsByPostcodeArea(tx, councilId);
      return district;
    },
    refuse: (tx) => areasTakenRefusal(tx, councilId, postcodeAreas, { name }),
  });
}

export function updateDistrict(
  councilId: string,
  id: string,
  // `version`: the district's version the form was read from
  { version, ...change }: { name: string; postcodeAreas: string[]; version?: string },
  actor: Actor,
): Promise<ListResult> {
  return updateListEntry(DISTRICTS, councilId, id, actor, {
    findClash: () =>
      db.district.findFirst({ where: otherNamed(councilId, id, change.name), select: { id: true } }),
    update: async (tx) => {
      // held until saved: the same form sent twice at once finds the first one's change
      const [before] = await tx.$queryRaw<{ name: string; postcodeAreas: string[]; updatedAt: Date }[]>`
        SELECT name, "postcodeAreas", "updatedAt" FROM "District"
        WHERE id = ${id} AND "councilId" = ${councilId} FOR UPDATE`;
      if (!before) return null;
      const compared = compareWithSaved(
        { name: before.name, postcodeAreas: before.postcodeAreas.join(", "), updatedAt: before.updatedAt },
        { name: change.name, postcodeAreas: change.postcodeAreas.join(", ") },
        version,
      );
      if (compared !== "save") return compared;
      const { count } = await tx.district.updateMany({ where: { id, councilId }, data: change });
      if (count !== 1) return null;
      const removed = before.postcodeAreas.filter((area) => !change.postcodeAreas.includes(area));
      const refiled = await refileRequestsByPostcodeArea(tx, councilId, id, removed);
      await fileRequestsByPostcodeArea(tx, councilId);
      return { ...change, ...(refiled ? { refiled } : {}) };
    },
    refuse: (tx) => areasTakenRefusal(tx, councilId, change.postcodeAreas, { id }),
  });
}

export function toggleDistrict(
  councilId: string,
  id: string,
  actor: Actor,
  active?: boolean,
): Promise<ListResult> {
  return toggleListEntry(DISTRICTS, councilId, id, actor, active, {
    find: (where) => db.district.findFirst({ where, select: { active: true, postcodeAreas: true } }),
    setActive: (tx, where, data) => tx.district.updateMany({ where, data }),
    // retired: what it filed by area is filed again; restored: it files its areas' requests again
    switched: async (tx, district) => {
      const refiled = district.active
        ? await refileRequestsByPostcodeArea(tx, councilId, id, district.postcodeAreas)
        : 0;
      if (!district.active) await fileRequestsByPostcodeArea(tx, councilId);
      return refiled ? { refiled } : undefined;
    },
  });
}
