// A council's own settings: return due days, reminder schedule, name, contact address and brand colour.
import { writeAudit } from "~/domain/audit/audit.server.ts";
import { db, lockUntilCommit, type Tx } from "~/db.server.ts";
import { nameAsRead } from "~/domain/accounts/organisations.server.ts";
import { NAMED_COUNCIL } from "~/domain/named-councils.ts";
import { DEFAULT_BRAND_COLOUR } from "./brand-colour.ts";

export async function getCouncilSettings(councilId: string, tx: Tx = db) {
  const council = await tx.organisation.findFirst({
    where: { id: councilId, kind: "COUNCIL" },
    select: {
      name: true,
      contactEmail: true,
      councilSettings: {
        select: {
          returnDueDays: true,
          reminderDaysBefore: true,
          overdueReminderDays: true,
          brandColour: true,
          proxyValueSource: true,
        },
      },
    },
  });
  if (!council) return null;
  const settings = council.councilSettings ?? {
    returnDueDays: 30,
    reminderDaysBefore: 7,
    overdueReminderDays: 7,
    brandColour: DEFAULT_BRAND_COLOUR,
    proxyValueSource: null,
  };
  return { councilName: council.name, contactEmail: council.contactEmail, ...settings };
}

export type CouncilSettingsInput = {
  councilName: string;
  // where suppliers and community groups write to the council's social value team (emails and pages name it)
  contactEmail: string | null;
  returnDueDays: number;
  reminderDaysBefore: number;
  overdueReminderDays: number;
  brandColour: string;
  proxyValueSource: string | null;
};

export const COUNCIL_NAME_TAKEN = "Another council already has this name";

type SettingsResult = { ok: true } | { ok: false; fieldErrors: Record<string, string[]> };

export async function updateCouncilSettings(args: {
  councilId: string;
  actorUserId: string;
  ipAddress: string | null;
  input: CouncilSettingsInput;
}) {
  const { councilId, input } = args;
  const { councilName, contactEmail, ...settings } = input;
  return db.$transaction(async (tx): Promise<SettingsResult> => {
    // Saves of one council's settings run one after the other, each comparing with what the one before wrote:
    // the form sent twice (a double click) records its change once, and a save that changes nothing records none
    // (the audit log says what changed; an entry with no change in it says nothing).
    await lockUntilCommit(tx, `council-settings:${councilId}`);
    const before = await getCouncilSettings(councilId, tx);
    // A council's name is unique in any case, as when it was added (createCouncil takes the same lock): two
    // councils of one name could not be told apart on the impact page, the guidance list or the sign-up form.
    if (before?.councilName !== councilName) {
      await lockUntilCommit(tx, "create-council");
      // compared as a reader sees them (nameAsRead): a hidden character or a second space is not another name
      const clash = (
        await tx.organisation.findMany({
          where: { kind: "COUNCIL", id: { not: councilId } },
          select: { name: true },
        })
      ).some((council) => nameAsRead(council.name) === nameAsRead(councilName));
      if (clash) return { ok: false, fieldErrors: { councilName: [COUNCIL_NAME_TAKEN] } };
    }
    const changed = Object.fromEntries(
      Object.entries(input)
        .filter(([key, value]) => before?.[key as keyof CouncilSettingsInput] !== value)
        .map(([key, value]) => [
          key,
          { from: before?.[key as keyof CouncilSettingsInput] ?? null, to: value },
        ]),
    );
    await tx.organisation.update({ where: { id: councilId }, data: { name: councilName, contactEmail } });
    await tx.councilSettings.upsert({
      where: { organisationId: councilId },
      create: { organisationId: councilId, ...settings },
      update: settings,
    });
    if (Object.keys(changed).length === 0) return { ok: true };
    await writeAudit(
      {
        actorUserId: args.actorUserId,
        organisationId: councilId,
        actorOrganisationId: councilId,
        action: "council.settings_update",
        entityType: "CouncilSettings",
        entityId: councilId,
        details: changed,
        ipAddress: args.ipAddress,
      },
      tx,
    );
    return { ok: true };
  });
}

/** Each verified council with its social value team's address (null where it has not given one), by name: the
 * public accessibility statement and privacy notice say whom to contact, which a reader cannot do without it. */
export function councilContacts() {
  return db.organisation.findMany({
    where: NAMED_COUNCIL,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, contactEmail: true },
  });
}
