// Who hears about a return, and the facts every return email carries. Emails are queued in the caller's
// transaction so they are sent exactly when the change they describe is committed.
import type { Tx } from "~/db.server.ts";
import { councilAdminAddresses } from "~/domain/accounts/council-admins.server.ts";
import { councilStaff } from "~/domain/accounts/members.server.ts";
import { type CouncilBrand, councilBrandSelect, emailBrandingOf } from "~/domain/content/branding.server.ts";
import { quarterLabel, type QuarterNumber } from "~/domain/contracts/quarters.ts";
import { enqueueEmail } from "~/email/outbox.server.ts";
import type { RenderedEmail } from "~/email/render.server.tsx";
import type { ReturnEmailBase } from "~/email/templates/returns-notices.tsx";
import { appUrl } from "~/env.server.ts";
import { formatDate } from "~/domain/format.ts";

export const returnEmailSelect = {
  id: true,
  financialYear: true,
  quarter: true,
  dueDate: true,
  contract: {
    select: {
      councilId: true,
      title: true,
      reference: true,
      supplierOrganisationId: true,
      supplierOrganisation: { select: { name: true } },
      contractManager: { select: { id: true, email: true, deletedAt: true } },
      council: { select: councilBrandSelect },
    },
  },
} as const;

export type ReturnForEmail = {
  id: string;
  financialYear: number;
  quarter: number;
  dueDate: Date;
  contract: {
    councilId: string;
    title: string;
    reference: string;
    supplierOrganisationId: string;
    supplierOrganisation: { name: string };
    contractManager: { id: string; email: string; deletedAt: Date | null } | null;
    council: CouncilBrand;
  };
};

export function emailBase(kpiReturn: ReturnForEmail, path = `/returns/${kpiReturn.id}`): ReturnEmailBase {
  return {
    ...emailBrandingOf(kpiReturn.contract.council),
    contractTitle: kpiReturn.contract.title,
    contractReference: kpiReturn.contract.reference,
    quarterLabel: quarterLabel(kpiReturn.financialYear, kpiReturn.quarter as QuarterNumber),
    dueDate: formatDate(kpiReturn.dueDate),
    url: `${appUrl()}${path}`,
  };
}

/** Every current member of the supplier: returns are the whole organisation's job. */
export async function supplierRecipients(tx: Tx, supplierOrganisationId: string): Promise<string[]> {
  const members = await tx.membership.findMany({
    where: { organisationId: supplierOrganisationId, user: { deletedAt: null } },
    select: { user: { select: { email: true } } },
  });
  return members.map((m) => m.user.email);
}

/**
 * The contract manager while they still work for the council; with none assigned, or one who has left (removed,
 * left, or their partnership-wide access withdrawn) or deleted their account, the council's admins.
 */
/** Whether someone still works for the council (an account not deleted, a member of it or partnership-wide of a
 * partner: a council's members are its admins and officers, who review its returns), so may hear of its returns. */
export async function stillWorksForCouncil(tx: Tx, userId: string, councilId: string): Promise<boolean> {
  const count = await tx.membership.count({
    where: { userId, user: { deletedAt: null }, ...councilStaff(councilId) },
  });
  return count > 0;
}

export async function managerRecipients(tx: Tx, kpiReturn: ReturnForEmail): Promise<string[]> {
  const manager = kpiReturn.contract.contractManager;
  if (manager && (await stillWorksForCouncil(tx, manager.id, kpiReturn.contract.councilId)))
    return [manager.email];
  return councilAdminAddresses(tx, kpiReturn.contract.councilId);
}

export async function sendReturnEmail(
  tx: Tx,
  kpiReturn: ReturnForEmail,
  to: string[],
  template: string,
  email: RenderedEmail,
) {
  for (const address of new Set(to)) {
    await enqueueEmail(tx, { ...email, to: address, template, councilId: kpiReturn.contract.councilId });
  }
}
