// What people type into a name, a title or a reference reaches the audit log as they typed it. A supplier named
// "2026-13-45" once stopped the council's whole audit log with an error (the value was taken for a day and the
// day did not exist), and "2026-02-30" read as "2 March 2026".
import { describe, expect, it } from "vitest";
import { readableDetails } from "~/domain/audit/audit-details.ts";

const valueOf = (pairs: { label: string; value: string }[], label: string) =>
  pairs.find((p) => p.label === label)?.value;

describe("typed text on the audit log", () => {
  it("shows a name shaped like a day that does not exist as typed, without failing", () => {
    expect(valueOf(readableDetails("organisation.register", { name: "2026-13-45" }), "Name")).toBe(
      "2026-13-45",
    );
    expect(valueOf(readableDetails("organisation.register", { name: "2026-02-30" }), "Name")).toBe(
      "2026-02-30",
    );
  });

  it("shows a name shaped like a real day, or like one of the portal's codes, as typed", () => {
    expect(valueOf(readableDetails("account.rename", { name: "2026-01-31" }), "Name")).toBe("2026-01-31");
    expect(valueOf(readableDetails("organisation.register", { name: "ACTIVE" }), "Name")).toBe("ACTIVE");
  });

  it("shows a contract's reference and title changes as typed", () => {
    const pairs = readableDetails("contract.update", {
      changes: [
        { field: "reference", label: "Reference", from: "2025-14-03", to: "2025-01-03" },
        { field: "title", label: "Title", from: null, to: "OPEN" },
        { field: "startDate", label: "Start date", from: "2026-01-01", to: "2026-02-01" },
      ],
    });
    expect(valueOf(pairs, "Reference")).toBe("2025-14-03 → 2025-01-03");
    expect(valueOf(pairs, "Title")).toBe("none → OPEN");
    // a date field is still a day in words
    expect(valueOf(pairs, "Start date")).toBe("1 January 2026 → 1 February 2026");
  });

  it("never fails on an impossible day or time in any other field, showing it as recorded", () => {
    expect(valueOf(readableDetails("request.expire", { neededBy: "2027-02-30" }), "Needed by")).toBe(
      "2027-02-30",
    );
    expect(valueOf(readableDetails("request.expire", { neededBy: "2027-03-27" }), "Needed by")).toBe(
      "27 March 2027",
    );
    const time = readableDetails("x.y", { joinedAt: "2026-02-30T10:00:00.000Z" });
    expect(valueOf(time, "Joined")).toBe("2026-02-30T10:00:00.000Z");
  });
});
