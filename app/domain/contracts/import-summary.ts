// What an import does (or did), in the words of the preview, the message once imported and the audit log: one
// wording for each, so the officer who imported and the admin reading the log see the same numbers.
import { countOf, formatNumber, listInWords, plural } from "~/domain/format.ts";

export type ImportOutcomeCounts = {
  created: number;
  changed: number;
  unchanged: number;
  commitmentsCreated: number;
  commitmentsChanged: number;
  commitmentsUnchanged: number;
  commitmentsKept: number;
};

const outcomesOf = (created: number, changed: number, unchanged: number, one: string, many: string) =>
  `${formatNumber(created)} new ${plural(created, one, many)}, ${formatNumber(changed)} changed, ${formatNumber(unchanged)} unchanged`;

/** "2 new contracts, 1 changed, 0 unchanged; 5 new commitments, 1 changed, 3 unchanged" */
export function importOutcomes(counts: ImportOutcomeCounts) {
  return `${outcomesOf(counts.created, counts.changed, counts.unchanged, "contract", "contracts")}; ${outcomesOf(counts.commitmentsCreated, counts.commitmentsChanged, counts.commitmentsUnchanged, "commitment", "commitments")}`;
}

/**
 * What the preview's button does, in the summary's words: "Import 2 new contracts", "Import 1 changed contract",
 * "Import 2 new and 1 changed contracts" (unchanged contracts are not written). Null when the file changes nothing.
 */
export function importButtonLabel(counts: Pick<ImportOutcomeCounts, "created" | "changed">) {
  const { created, changed } = counts;
  const contracts = plural(created + changed, "contract", "contracts");
  if (created && changed)
    return `Import ${formatNumber(created)} new and ${formatNumber(changed)} changed ${contracts}`;
  if (created) return `Import ${formatNumber(created)} new ${contracts}`;
  if (changed) return `Import ${formatNumber(changed)} changed ${contracts}`;
  return null;
}

/** What the preview says, under "Nothing to import", of a file that changes nothing. */
export function alreadyAsInFile(counts: Pick<ImportOutcomeCounts, "unchanged">) {
  const { unchanged } = counts;
  if (unchanged === 1) return "The contract is already as in the file.";
  if (unchanged === 2) return "Both contracts are already as in the file.";
  return `All ${formatNumber(unchanged)} contracts are already as in the file.`;
}

/**
 * What the preview says of the commitments already on the file's contracts that the file leaves out (an import
 * never deletes one), or null when there are none: "2 commitments already on contract ABC-1 are not in the file
 * and will be kept as they are: JOB-01 and SOC-02."
 */
export function keptBeforeImport(contracts: { reference: string; kept: string[] }[]) {
  const on = contracts.filter((c) => c.kept.length);
  const kept = on.reduce((sum, c) => sum + c.kept.length, 0);
  if (!kept) return null;
  const are = kept === 1 ? "is" : "are";
  const it = kept === 1 ? "it is" : "they are";
  if (on.length === 1)
    return `${countOf(kept, "commitment", "commitments")} already on contract ${on[0]!.reference} ${are} not in the file and will be kept as ${it}: ${listInWords(on[0]!.kept)}.`;
  return `${countOf(kept, "commitment", "commitments")} already on ${formatNumber(on.length)} of these contracts ${are} not in the file and will be kept as ${it}: the table names them.`;
}

/** What the message once imported says of them, or null when there were none. */
export function keptAfterImport(counts: Pick<ImportOutcomeCounts, "commitmentsKept">) {
  const kept = counts.commitmentsKept;
  if (!kept) return null;
  return `${countOf(kept, "commitment", "commitments")} already stored and not in the file ${kept === 1 ? "was" : "were"} kept as ${kept === 1 ? "it was" : "they were"}`;
}

/** What the preview says of the lines after one the CSV could not be read past, with that line's problem and under
 * the count of problems, which is then not all of them. */
export function uncheckedLinesMessage(line: number) {
  return `Lines after line ${line} could not be checked until this is fixed.`;
}
