// What a supplier changed between two submissions of a return, and how the history shows it.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import {
  changesBetween,
  readSubmittedLines,
  submittedLines,
  type SubmittedLine,
} from "~/domain/reporting/returns-changes.ts";
import { ReturnChanges } from "~/ui/returns.tsx";

const line = (commitmentId: string, answers: Partial<SubmittedLine> = {}): SubmittedLine => ({
  commitmentId,
  quantity: null,
  narrative: null,
  note: null,
  evidenceUrl: null,
  evidence: [],
  ...answers,
});

describe("changes between two submissions", () => {
  it("lists each changed answer with its value before and after, line by line", () => {
    const before = [
      line("hours", { quantity: "30.00", evidenceUrl: "https://example.org/a" }),
      line("events", { narrative: "A careers fair" }),
    ];
    const after = [
      line("hours", { quantity: "36.00", note: "From timesheets", evidenceUrl: "https://example.org/a" }),
      line("events", { narrative: "A careers fair and a mock interview day" }),
    ];
    expect(changesBetween(before, after)).toEqual([
      { commitmentId: "hours", field: "quantity", before: "30.00", after: "36.00" },
      { commitmentId: "hours", field: "note", before: null, after: "From timesheets" },
      {
        commitmentId: "events",
        field: "narrative",
        before: "A careers fair",
        after: "A careers fair and a mock interview day",
      },
    ]);
  });

  it("reads the same figure written differently as unchanged", () => {
    expect(changesBetween([line("h", { quantity: "12.5" })], [line("h", { quantity: "12.50" })])).toEqual([]);
    expect(changesBetween([line("h", { quantity: "0" })], [line("h", { quantity: null })])).toEqual([
      { commitmentId: "h", field: "quantity", before: "0", after: null },
    ]);
  });

  it("names evidence files added or removed, and lines that appear or disappear", () => {
    const a = { id: "f1", name: "timesheets.pdf" };
    const b = { id: "f2", name: "photos.jpg" };
    expect(changesBetween([line("h", { evidence: [a] })], [line("h", { evidence: [a, b] })])).toEqual([
      { commitmentId: "h", field: "evidence", before: "timesheets.pdf", after: "timesheets.pdf, photos.jpg" },
    ]);
    // a file replaced by another of the same name is still a change
    expect(
      changesBetween([line("h", { evidence: [a] })], [line("h", { evidence: [{ ...a, id: "f3" }] })]),
    ).toHaveLength(1);
    expect(changesBetween([], [line("new", { quantity: "4.00" })])).toEqual([
      { commitmentId: "new", field: "quantity", before: null, after: "4.00" },
    ]);
    expect(changesBetween([line("gone", { narrative: "Done" })], [])).toEqual([
      { commitmentId: "gone", field: "narrative", before: "Done", after: null },
    ]);
  });

  it("keeps a submission's answers with two-place figures, and reads only what it wrote", () => {
    const kept = submittedLines([
      {
        commitmentId: "b",
        quantity: { toFixed: (places: number) => (12.5).toFixed(places) },
        narrative: null,
        note: "n",
        evidenceUrl: null,
        evidence: [{ id: "f1", originalName: "a.pdf" }],
      },
      { commitmentId: "a", quantity: null, narrative: "Text", note: null, evidenceUrl: null, evidence: [] },
    ]);
    expect(kept.map((l) => [l.commitmentId, l.quantity])).toEqual([
      ["a", null],
      ["b", "12.50"],
    ]);
    expect(readSubmittedLines(JSON.parse(JSON.stringify(kept)))).toEqual(kept);
    expect(readSubmittedLines(null)).toBeNull();
    expect(readSubmittedLines([{ commitmentId: 1 }])).toBeNull();
  });
});

describe("the changes as the history shows them", () => {
  const html = (
    changes: Parameters<typeof ReturnChanges>[0]["changes"],
    reader: Parameters<typeof ReturnChanges>[0]["reader"] = "COUNCIL",
  ) =>
    renderToStaticMarkup(createElement(ReturnChanges, { changes, caption: "Changed", reader }))
      .replace(/<[^>]+>/g, " ")
      .replaceAll("&#x27;", "'")
      .replace(/\s+/g, " ");

  it("writes figures in their unit and blanks as not answered", () => {
    const text = html({
      recorded: true,
      lines: [
        {
          commitmentId: "h",
          measureName: "Volunteering hours",
          unit: "HOURS",
          field: "quantity",
          before: "30.00",
          after: "36.00",
        },
        {
          commitmentId: "e",
          measureName: "Careers events",
          unit: "QUALITATIVE",
          field: "narrative",
          before: null,
          after: "A careers fair",
        },
      ],
    });
    expect(text).toContain("Volunteering hours Supplier's own figure 30 hours 36 hours");
    expect(text).toContain("Careers events What was delivered Not answered A careers fair");
  });

  it("says when nothing changed, and when what changed is not known", () => {
    expect(html({ recorded: true, lines: [] })).toContain("No figures, answers or evidence were changed.");
    expect(html({ recorded: false, lines: [] })).toContain("What changed is not known");
  });
});
