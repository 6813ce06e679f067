// A contract's "History of changes" names each change in its own words (HISTORY_ACTIONS), and the audit log names
// the same codes in its own (AUDIT_ACTION_LABELS, which tests/unit/audit-s33-labels.test.ts checks against every
// code the app writes). A change written on a contract or its commitments that the history did not name would
// reach an officer's contract page as its code ("commitment.pledge_unlinked"): this fails on one.
import { describe, expect, it } from "vitest";
import { AUDIT_ACTION_LABELS } from "~/domain/audit/audit-labels.ts";
import { HISTORY_ACTIONS } from "~/domain/contracts/contracts.server.ts";

// filed under the import (entityType ContractImport), not a contract: its contracts' own entries are in the history
const NOT_ON_A_CONTRACT = new Set(["contract.import"]);

describe("a contract's history of changes", () => {
  it("names every change the audit log knows for a contract or its commitments", () => {
    const contractCodes = Object.keys(AUDIT_ACTION_LABELS).filter(
      (code) => /^(contract|commitment)\./.test(code) && !NOT_ON_A_CONTRACT.has(code),
    );
    expect(contractCodes.length).toBeGreaterThan(0);
    expect(contractCodes.filter((code) => !HISTORY_ACTIONS[code])).toEqual([]);
  });

  it("names only codes the app writes (each is in the audit log's table)", () => {
    expect(Object.keys(HISTORY_ACTIONS).filter((code) => !AUDIT_ACTION_LABELS[code])).toEqual([]);
  });
});
