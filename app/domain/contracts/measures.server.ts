// The council's measure library: what commitments are measured in.
import { recentlyAudited, writeAudit } from "~/domain/audit/audit.server.ts";
import { db, isUniqueViolation, sameTextAs, type Tx } from "~/db.server.ts";
import { Prisma } from "~/generated/prisma/client.ts";
import { HELP_TYPES } from "~/domain/marketplace/help-types.ts";
import { diffSnapshots, MEASURE_FIELD_LABELS, staleEdit, type StaleEdit } from "./history.ts";
import { themeLabel, unitLabel } from "./labels.ts";
import type { MeasureEdit, MeasureInput } from "./schemas.ts";

// what a measure's form holds, as stored
const storedSelect = {
  id: true,
  code: true,
  name: true,
  theme: true,
  unit: true,
  helpText: true,
  frameworkMapping: true,
  contributingHelpTypes: true,
  proxyValueGbp: true,
} as const;

const measureSelect = { ...storedSelect, retiredAt: true } as const;

export async function listMeasures(councilId: string) {
  const measures = await db.measure.findMany({
    where: { councilId },
    orderBy: [{ retiredAt: { sort: "desc", nulls: "first" } }, { code: "asc" }],
    select: { ...measureSelect, _count: { select: { commitments: true } } },
  });
  return measures.map(({ proxyValueGbp, _count, ...m }) => ({
    ...m,
    proxyValueGbp: proxyValueGbp?.toFixed(2) ?? null,
    commitmentCount: _count.commitments,
  }));
}

/** Measures a new commitment may use: not retired. */
export function activeMeasures(councilId: string) {
  return db.measure.findMany({
    where: { councilId, retiredAt: null },
    orderBy: { code: "asc" },
    select: { id: true, code: true, name: true, unit: true, helpText: true },
  });
}

/** The unit of one of the council's measures, or null when it has no such measure. */
export async function measureUnit(councilId: string, id: string) {
  const measure = await db.measure.findFirst({ where: { id, councilId }, select: { unit: true } });
  return measure?.unit ?? null;
}

/** The council whose library holds the measure, or null when there is no such measure. */
export async function councilOfMeasure(id: string) {
  const measure = await db.measure.findUnique({ where: { id }, select: { councilId: true } });
  return measure?.councilId ?? null;
}

export async function getMeasure(councilId: string, id: string) {
  const measure = await db.measure.findFirst({
    where: { id, councilId },
    select: { ...measureSelect, updatedAt: true, _count: { select: { commitments: true } } },
  });
  if (!measure) return null;
  const { proxyValueGbp, _count, updatedAt, ...rest } = measure;
  return {
    ...rest,
    proxyValueGbp: proxyValueGbp?.toFixed(2) ?? null,
    commitmentCount: _count.commitments,
    // the edit form carries it, so a colleague's later save is shown instead of overwritten
    version: updatedAt.toISOString(),
  };
}

type Actor = { councilId: string; actorUserId: string; ipAddress: string | null };

function dataFrom(input: MeasureInput) {
  return {
    code: input.code,
    name: input.name,
    theme: input.theme,
    unit: input.unit,
    helpText: input.helpText ?? null,
    frameworkMapping: input.frameworkMapping ?? null,
    contributingHelpTypes: input.contributingHelpTypes,
    proxyValueGbp: input.proxyValueGbp ?? null,
  };
}

const codeTaken = { code: ["Another measure already uses this code"] };

/**
 * A form's other problems said with its code's clash: another of the council's measures (not `exceptMeasureId`,
 * the one being changed) already uses the code typed. Null when the code is free or not one a measure can have.
 * Saving checks again (a colleague may take the code in between).
 */
export async function codeTakenAlongside(
  councilId: string,
  typed: FormDataEntryValue | null,
  exceptMeasureId?: string,
) {
  const code = typeof typed === "string" ? typed.trim().toUpperCase() : "";
  if (!/^[A-Z0-9][A-Z0-9-]{0,19}$/.test(code)) return null;
  const other = await db.measure.findFirst({
    where: {
      councilId,
      code: sameTextAs(code),
      ...(exceptMeasureId ? { NOT: { id: exceptMeasureId } } : {}),
    },
    select: { id: true },
  });
  return other ? codeTaken : null;
}

type StoredMeasure = Omit<ReturnType<typeof dataFrom>, "proxyValueGbp"> & {
  proxyValueGbp: string | { toFixed(digits: number): string } | null;
};

/** A measure as its form reads, field by field, to show a colleague's change beside the answers sent. */
function measureSnapshot(m: StoredMeasure) {
  const proxy = m.proxyValueGbp;
  return {
    code: m.code,
    name: m.name,
    theme: themeLabel(m.theme),
    unit: unitLabel(m.unit),
    helpText: m.helpText,
    contributingHelpTypes:
      HELP_TYPES.filter((h) => m.contributingHelpTypes.includes(h.value))
        .map((h) => h.label)
        .join(", ") || null,
    proxyValueGbp: proxy === null || typeof proxy === "string" ? proxy : proxy.toFixed(2),
    frameworkMapping: m.frameworkMapping,
  };
}

/** Whether a stored measure already holds exactly what the form would write. */
function sameMeasure(stored: StoredMeasure, input: MeasureInput) {
  return JSON.stringify(measureSnapshot(stored)) === JSON.stringify(measureSnapshot(dataFrom(input)));
}

/**
 * "Add measure" sent twice (a double click, a form sent again after a slow answer): the second finds the code taken
 * by the measure the first added. It is answered as the first was when this person added that very measure moments
 * ago and it still holds what was sent (decision 024); any other clash of codes is still refused.
 */
async function addedMomentsAgo(actor: Actor, input: MeasureInput) {
  const existing = await db.measure.findFirst({
    where: { councilId: actor.councilId, code: input.code },
    select: storedSelect,
  });
  if (!existing || !sameMeasure(existing, input)) return null;
  const made = await recentlyAudited({
    actorUserId: actor.actorUserId,
    action: "measure.create",
    entityId: existing.id,
  });
  return made ? { id: existing.id } : null;
}

export async function createMeasure(actor: Actor, input: MeasureInput) {
  try {
    const measure = await db.$transaction(async (tx) => {
      const created = await tx.measure.create({
        data: { ...dataFrom(input), councilId: actor.councilId },
        select: { id: true },
      });
      await writeAudit(
        {
          actorUserId: actor.actorUserId,
          organisationId: actor.councilId,
          actorOrganisationId: actor.councilId,
          action: "measure.create",
          entityType: "Measure",
          entityId: created.id,
          details: { code: input.code, name: input.name },
          ipAddress: actor.ipAddress,
        },
        tx,
      );
      return created;
    });
    return { ok: true as const, measure };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const repeat = await addedMomentsAgo(actor, input);
    return repeat ? { ok: true as const, measure: repeat } : { ok: false as const, fieldErrors: codeTaken };
  }
}

/**
 * Holds measure rows until the transaction ends. Changing a measure takes its row FOR UPDATE; adding or importing a
 * commitment takes the measures it uses FOR SHARE, so the two wait for each other. Without, an admin changing the
 * unit of a measure no commitment used yet and an officer adding its first commitment each checked the other's old
 * state: the unit changed under the new commitment (a plan of hours became a percentage over 100), since a foreign
 * key takes only a lock a change of unit passes.
 */
export async function lockMeasureRows(
  tx: Tx,
  which: { id: string; councilId: string } | { councilId: string },
  mode: "FOR UPDATE" | "FOR SHARE",
) {
  const lock = Prisma.raw(mode);
  if ("id" in which)
    await tx.$queryRaw`SELECT id FROM "Measure" WHERE id = ${which.id} AND "councilId" = ${which.councilId} ${lock}`;
  else
    await tx.$queryRaw`SELECT id FROM "Measure" WHERE "councilId" = ${which.councilId} ORDER BY id ${lock}`;
}

export async function updateMeasure(
  actor: Actor,
  id: string,
  input: MeasureEdit,
): Promise<
  | { ok: true }
  | { ok: false; notFound: true }
  | { ok: false; fieldErrors: Record<string, string[]> }
  | { ok: false; stale: StaleEdit }
> {
  try {
    return await db.$transaction(async (tx) => {
      // the commitments counted below stay as counted until the unit is saved (see lockMeasureRows)
      await lockMeasureRows(tx, { id, councilId: actor.councilId }, "FOR UPDATE");
      const current = await tx.measure.findFirst({
        where: { id, councilId: actor.councilId },
        select: { ...storedSelect, updatedAt: true, _count: { select: { commitments: true } } },
      });
      if (!current) return { ok: false as const, notFound: true as const };
      // nothing to change (the form sent again, or saved as it was): nothing written, nothing in the history twice
      if (sameMeasure(current, input)) return { ok: true as const };
      // another admin saved (or retired it) since this form was read: show what they saved instead of overwriting
      if (input.version !== current.updatedAt.toISOString())
        return {
          ok: false as const,
          stale: staleEdit(
            current.updatedAt,
            measureSnapshot(current),
            measureSnapshot(dataFrom(input)),
            MEASURE_FIELD_LABELS,
          ),
        };
      // a commitment's target and plan are in the measure's unit: changing it would change what they mean
      if (current._count.commitments > 0 && current.unit !== input.unit)
        return {
          ok: false as const,
          fieldErrors: {
            unit: ["Commitments use this measure, so its unit cannot change. Add a new measure."],
          },
        };
      await tx.measure.update({ where: { id }, data: dataFrom(input) });
      // what changed, from what to what: a proxy value changes every local £ figure reported with it, and the
      // audit log is the only record of the value those figures were worked out with before
      const changes = diffSnapshots(
        measureSnapshot(current),
        measureSnapshot(dataFrom(input)),
        MEASURE_FIELD_LABELS,
      );
      await writeAudit(
        {
          actorUserId: actor.actorUserId,
          organisationId: actor.councilId,
          actorOrganisationId: actor.councilId,
          action: "measure.update",
          entityType: "Measure",
          entityId: id,
          details: { code: input.code, name: input.name, changes },
          ipAddress: actor.ipAddress,
        },
        tx,
      );
      return { ok: true as const };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false as const, fieldErrors: codeTaken };
    throw error;
  }
}

/** Retired measures stay on the commitments that use them but are not offered for new ones. */
export async function setMeasureRetired(actor: Actor, id: string, retired: boolean) {
  return db.$transaction(async (tx) => {
    const { count } = await tx.measure.updateMany({
      where: { id, councilId: actor.councilId, retiredAt: retired ? null : { not: null } },
      data: { retiredAt: retired ? new Date() : null },
    });
    if (count === 1)
      await writeAudit(
        {
          actorUserId: actor.actorUserId,
          organisationId: actor.councilId,
          actorOrganisationId: actor.councilId,
          action: retired ? "measure.retire" : "measure.reinstate",
          entityType: "Measure",
          entityId: id,
          ipAddress: actor.ipAddress,
        },
        tx,
      );
    return count === 1;
  });
}
