// The audit log showed an import's counts as the JSON keys it stores them under, in no order ("Changed: 9",
// "Commitments created: 10", "Created: 3", "File: 6f1c…"), and each contract's import entry listed its changes'
// units on a line of their own ("Units: none, none, Hours") with the figures in no unit. An import now reads as
// its message once imported does, and each change's figures are said in their measure's unit.
import { describe, expect, it } from "vitest";
import { readableDetails } from "~/domain/audit/audit-details.ts";

describe("an import's entry on the audit log", () => {
  it("says how many contracts and commitments were new, changed and unchanged, and how many were kept", () => {
    expect(
      readableDetails("contract.import", {
        rows: 52,
        created: 3,
        changed: 9,
        unchanged: 0,
        commitments: 40,
        commitmentsCreated: 10,
        commitmentsChanged: 5,
        commitmentsUnchanged: 25,
        commitmentsKept: 2,
        upload: "6f1c2b9e-8d3a-4f57-9b1e-2a7c5d0e4f11",
      }),
    ).toEqual([
      { label: "Contracts", value: "12 (3 new, 9 changed, 0 unchanged)" },
      { label: "Commitments", value: "40 (10 new, 5 changed, 25 unchanged)" },
      { label: "Commitments not in the file, kept as they were", value: "2" },
      { label: "Rows in the file", value: "52" },
    ]);
  });

  it("leaves out kept commitments when there were none, and reads an entry written before commitments were counted by outcome", () => {
    expect(
      readableDetails("contract.import", {
        rows: 1234,
        created: 1000,
        changed: 0,
        unchanged: 2,
        commitments: 5000,
        commitmentsCreated: 5000,
        commitmentsChanged: 0,
        commitmentsUnchanged: 0,
        commitmentsKept: 0,
      }),
    ).toEqual([
      { label: "Contracts", value: "1,002 (1,000 new, 0 changed, 2 unchanged)" },
      { label: "Commitments", value: "5,000 (5,000 new, 0 changed, 0 unchanged)" },
      { label: "Rows in the file", value: "1,234" },
    ]);
    expect(
      readableDetails("contract.import", { rows: 3, created: 2, changed: 0, unchanged: 0, commitments: 3 }),
    ).toEqual([
      { label: "Contracts", value: "2 (2 new, 0 changed, 0 unchanged)" },
      { label: "Commitments", value: "3" },
      { label: "Rows in the file", value: "3" },
    ]);
  });

  it("says each change to a contract by import in its measure's unit, with no line of units", () => {
    expect(
      readableDetails("contract.import_update", {
        changes: [
          { field: "valueGbp", label: "Value", from: "5000.00", to: "6000.00" },
          { field: "targetQuantity", label: "SOC-01: Target", from: "100.00", to: "110.00" },
          { field: "targetQuantity", label: "GRO-04: Target", from: "90.00", to: "95.00" },
        ],
        units: [null, "HOURS", "PERCENT"],
      }),
    ).toEqual([
      { label: "Value", value: "£5,000.00 → £6,000.00" },
      { label: "SOC-01: Target", value: "100 hours → 110 hours" },
      { label: "GRO-04: Target", value: "90% → 95%" },
    ]);
  });
});
