// An edit of a request refused because a colleague saved it after the form was read: what they saved beside what the
// requestor sent, field by field, in words (names, not ids), as the contracts' and the council lists' edit forms show.
import { staleEdit, type Snapshot, type StaleEdit } from "~/domain/contracts/history.ts";
import { compareNames, formatDate, formatNumber, listInWords } from "~/domain/format.ts";
import type { Tx } from "~/db.server.ts";
import type { HelpType } from "~/generated/prisma/enums.ts";
import { helpTypeLabel } from "./help-types.ts";

export type RequestStaleEdit = StaleEdit;

/** What the table shows for a field left empty: the words the request's own page uses for no district or no one
 * named as benefiting. */
export const NOT_GIVEN = "Not given";

// The form's fields, in its order, as the notice names them.
const REQUEST_FIELD_LABELS: Record<string, string> = {
  title: "Title",
  description: "What you need, and why",
  council: "Council",
  alsoFor: "Other councils it is for",
  category: "Category",
  helpType: "Type of help",
  quantity: "How much you need",
  unitLabel: "What the items are",
  district: "District",
  postcodeArea: "Postcode area",
  isRemote: "Can be done remotely",
  neededBy: "Needed by",
  beneficiaries: "Who benefits",
  beneficiaryCount: "How many people benefit",
  contactPreference: "How a supplier should contact you",
};

export type RequestValues = {
  councilId: string;
  /** the other councils it is also for (decision 050) */
  alsoForCouncilIds: readonly string[];
  title: string;
  description: string;
  categoryId: string;
  helpType: HelpType;
  quantity: number;
  unitLabel: string | null;
  districtId: string | null;
  postcodeArea: string | null;
  isRemote: boolean;
  neededBy: Date;
  beneficiaries: string | null;
  beneficiaryCount: number | null;
  contactPreference: string | null;
};

export async function staleRequestEdit(
  tx: Tx,
  version: Date,
  saved: RequestValues,
  yours: RequestValues,
): Promise<RequestStaleEdit> {
  const both = [saved, yours];
  const [councils, categories, districts] = await Promise.all([
    tx.organisation.findMany({
      where: { id: { in: both.flatMap((r) => [r.councilId, ...r.alsoForCouncilIds]) } },
      select: { id: true, name: true },
    }),
    tx.category.findMany({
      where: { id: { in: both.map((r) => r.categoryId) } },
      select: { id: true, name: true },
    }),
    tx.district.findMany({
      where: { id: { in: both.flatMap((r) => (r.districtId ? [r.districtId] : [])) } },
      select: { id: true, name: true },
    }),
  ]);
  const name = (list: { id: string; name: string }[], id: string | null) =>
    id === null ? null : (list.find((entry) => entry.id === id)?.name ?? null);
  // a field left empty reads as the request's own page shows it ("Not given"), not as a blank cell
  const given = (value: string | null) => (value === null || value.trim() === "" ? NOT_GIVEN : value);
  const snapshot = (r: RequestValues): Snapshot => ({
    title: r.title,
    description: r.description,
    council: name(councils, r.councilId),
    // by name, in name order, so the same set reads the same whatever order it was ticked or stored in
    alsoFor: r.alsoForCouncilIds.length
      ? listInWords(r.alsoForCouncilIds.map((id) => name(councils, id) ?? "").sort(compareNames))
      : "None",
    category: name(categories, r.categoryId),
    helpType: helpTypeLabel(r.helpType),
    quantity: formatNumber(r.quantity),
    unitLabel: given(r.unitLabel),
    district: given(name(districts, r.districtId)),
    postcodeArea: given(r.postcodeArea),
    isRemote: r.isRemote ? "Yes" : "No",
    neededBy: formatDate(r.neededBy),
    beneficiaries: given(r.beneficiaries),
    beneficiaryCount: given(r.beneficiaryCount === null ? null : formatNumber(r.beneficiaryCount)),
    contactPreference: given(r.contactPreference),
  });
  return staleEdit(version, snapshot(saved), snapshot(yours), REQUEST_FIELD_LABELS);
}
