// What an organisation's owner changed in its registered details since it was last sent for verification, read from
// the audit log (organisation.details_change and organisation.resubmit entries, which name the fields changed, not
// their old values): the verification page tells the officer, who would otherwise decide on details that are not
// the ones first sent, or that answer a refusal, without knowing.
import { db } from "~/db.server.ts";
import { z } from "zod";

// the registered details' names as the verification page labels them
const FIELD_LABELS: Record<string, string> = {
  name: "Name",
  charityNumber: "Charity or company number",
  areaServed: "Area served",
  description: "What it does",
  companyNumber: "Companies House number",
  registeredPostcode: "Registered postcode",
  staffHeadcount: "Staff",
  turnoverBand: "Turnover",
  balanceSheetBand: "Balance sheet",
  contactEmail: "Contact email",
};

const changedFields = z
  .object({ changed: z.array(z.string()) })
  .nullable()
  .catch(null)
  .transform((d) => d?.changed ?? []);

const labelsOf = (fields: Iterable<string>) =>
  [...new Set(fields)].map((field) => FIELD_LABELS[field] ?? field);

export type OrganisationChanges = {
  // sent again after the council did not verify it: when, and which details were changed in doing so
  resubmitted: { at: Date; fields: string[] } | null;
  // changed while waiting, since it was (last) sent: which details, and when last
  changedSince: { lastAt: Date; fields: string[] } | null;
};

export async function organisationChangesSinceSent(organisationId: string): Promise<OrganisationChanges> {
  const entries = await db.auditLog.findMany({
    where: {
      entityType: "Organisation",
      entityId: organisationId,
      action: { in: ["organisation.details_change", "organisation.resubmit", "organisation.reject"] },
    },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { action: true, createdAt: true, details: true },
  });
  // only what came after the last decision counts: the changes before it were decided on
  const sinceDecision = entries.slice(
    0,
    entries.findIndex((e) => e.action === "organisation.reject") + 1 || entries.length,
  );
  const resubmit = sinceDecision.find((e) => e.action === "organisation.resubmit");
  const afterSending = sinceDecision
    .slice(0, resubmit ? sinceDecision.indexOf(resubmit) : sinceDecision.length)
    .filter((e) => e.action === "organisation.details_change");
  return {
    resubmitted: resubmit
      ? { at: resubmit.createdAt, fields: labelsOf(changedFields.parse(resubmit.details)) }
      : null,
    changedSince: afterSending.length
      ? {
          lastAt: afterSending[0]!.createdAt,
          fields: labelsOf(afterSending.flatMap((e) => changedFields.parse(e.details))),
        }
      : null,
  };
}
