// A contract import row names its supplier by company number or name; only a verified supplier is matched.
import { describe, expect, it } from "vitest";
import {
  matchSupplier,
  normaliseCompanyNumber,
  supplierIndex,
  type SupplierCandidate,
} from "~/domain/contracts/supplier-match.ts";

const supplier = (id: string, overrides: Partial<SupplierCandidate> = {}): SupplierCandidate => ({
  id,
  name: `Supplier ${id}`,
  companyNumber: null,
  status: "VERIFIED",
  ...overrides,
});

const byNumber = (candidates: SupplierCandidate[], companyNumber: string) =>
  matchSupplier(supplierIndex(candidates), { companyNumber, name: "" });
const byName = (candidates: SupplierCandidate[], name: string) =>
  matchSupplier(supplierIndex(candidates), { companyNumber: "", name });

describe("matching by company number", () => {
  it("picks the verified supplier, never a pending look-alike with the same number", () => {
    const real = supplier("real", { companyNumber: "01234567" });
    const lookAlike = supplier("fake", { companyNumber: "01234567", status: "PENDING" });
    expect(byNumber([lookAlike, real], "01234567")).toEqual({ ok: true, supplier: real });
  });

  it("refuses a number two verified suppliers share, naming both", () => {
    const result = byNumber(
      [
        supplier("a", { name: "Acme Ltd", companyNumber: "01234567" }),
        supplier("b", { name: "Acme Works Ltd", companyNumber: "01234567" }),
      ],
      "01234567",
    );
    expect(result).toEqual({
      ok: false,
      column: "supplier_company_number",
      message: expect.stringMatching(
        /^2 verified suppliers have company number 01234567 \(Acme Ltd, Acme Works Ltd\)/,
      ),
    });
  });

  it("says a supplier is waiting for verification when the only match is pending", () => {
    const result = byNumber(
      [supplier("p", { name: "New Co Ltd", companyNumber: "SC123456", status: "PENDING" })],
      "sc123456",
    );
    expect(result).toEqual({
      ok: false,
      column: "supplier_company_number",
      message: expect.stringMatching(/^New Co Ltd \(company number SC123456\) is waiting for verification/),
    });
  });

  it("ignores rejected organisations and reports an unknown number", () => {
    const rejected = supplier("r", { companyNumber: "01234567", status: "REJECTED" });
    expect(byNumber([rejected], "01234567")).toEqual({
      ok: false,
      column: "supplier_company_number",
      message: "No supplier with company number 01234567 is registered",
    });
  });

  it("reads a number a spreadsheet shortened or spaced out", () => {
    expect(normaliseCompanyNumber("1234567")).toBe("01234567");
    expect(normaliseCompanyNumber(" sc 123456 ")).toBe("SC123456");
    expect(normaliseCompanyNumber("12345678")).toBe("12345678");
    const real = supplier("real", { companyNumber: "01234567" });
    expect(byNumber([real], "1234567")).toEqual({ ok: true, supplier: real });
  });
});

describe("matching by name", () => {
  it("matches one verified supplier whatever the case, and only a verified one", () => {
    const real = supplier("real", { name: "Acme Ltd" });
    const lookAlike = supplier("fake", { name: "ACME LTD", status: "PENDING" });
    expect(byName([real, lookAlike], "acme ltd")).toEqual({ ok: true, supplier: real });
  });

  it("asks for the company number when two verified suppliers share the name", () => {
    const result = byName(
      [supplier("a", { name: "Acme Ltd" }), supplier("b", { name: "Acme Ltd" })],
      "Acme Ltd",
    );
    expect(result).toMatchObject({ ok: false, column: "supplier_name", message: /give the company number/ });
  });

  it("says a supplier is waiting for verification when the only match is pending", () => {
    const result = byName([supplier("p", { name: "New Co Ltd", status: "PENDING" })], "New Co Ltd");
    expect(result).toMatchObject({
      ok: false,
      column: "supplier_name",
      message: /^New Co Ltd is waiting for verification/,
    });
  });
});
