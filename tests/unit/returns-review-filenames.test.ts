// An evidence file's name is cleaned to ASCII before it is stored, and its type is checked against the cleaned
// name's extension. A name in a script with no ASCII letters (Cyrillic, Greek, Arabic, Chinese...) cleaned down
// to "pdf", with no extension left, so a genuine PDF was refused as "not a recognised file".
import { describe, expect, it } from "vitest";
import { EvidenceTypeChecker, safeFilename } from "~/domain/reporting/returns-evidence.ts";

const pdf = new TextEncoder().encode("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n");

describe("a file named without any ASCII letters", () => {
  it.each([
    ["отчёт.pdf", "evidence.pdf"],
    ["報告書.PDF", "evidence.PDF"],
    ["تقرير.xlsx", "evidence.xlsx"],
    ["Ωμέγα.csv", "evidence.csv"],
  ])("%j keeps its extension, as %j", (input, output) => {
    expect(safeFilename(input)).toBe(output);
  });

  it("is checked by its extension like any other, so a PDF is accepted", () => {
    const checker = new EvidenceTypeChecker(safeFilename("отчёт за квартал.pdf"));
    checker.push(pdf);
    expect(checker.verdict()).toEqual({ ok: true, kind: "pdf", contentType: "application/pdf" });
  });

  it("names with ASCII letters are cleaned as before", () => {
    expect(safeFilename("Отчёт Q1 report.pdf")).toBe("Q1 report.pdf");
    expect(safeFilename("...")).toBe("evidence");
    expect(safeFilename("notes")).toBe("notes");
  });
});
