// Files that are not UTF-8 or Windows-1252 text. A UTF-16 file (Excel's "Unicode Text", some procurement systems'
// exports) was read byte by byte as Windows-1252: every column name came out with a NUL between its letters and
// the preview listed fourteen problems. A workbook or PDF chosen by mistake got a dozen problems naming columns of
// control characters. UTF-16 is now read as such, and a file that is not text is told what it is.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { applyImport, previewImport } from "~/domain/contracts/import.server.ts";
import { action as importAction } from "~/routes/contracts.import.tsx";
import { sessionCookieFor } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";
import { createImportWorld, streamOf, utf16File } from "./contracts-world.ts";

let world: Awaited<ReturnType<typeof createImportWorld>>;

beforeAll(async () => {
  world = await createImportWorld();
});

/** The file as Excel saves it, naming this world's supplier. */
const unicodeText = () =>
  [
    "contract_reference\tcontract_title\tsupplier_company_number\tdepartment\tvalue_gbp\tstart_date\tend_date\tmeasure_code\tqualitative_commitment",
    `U16-1\tCafé refit £\t${world.companyNumber}\tLeisure\t100\t2026-04-01\t2027-03-31\tSOC-04\tTwo careers fairs`,
    "",
  ].join("\r\n");

describe("a UTF-16 file", () => {
  it.each(["le", "be"] as const)("(%s) previews with no problems, £ and accents kept", async (order) => {
    const preview = await previewImport(world.councilA.id, streamOf(utf16File(unicodeText(), order), 7));
    expect(preview.errors).toEqual([]);
    expect(preview.contracts.map((c) => [c.line, c.reference, c.title])).toEqual([
      [2, "U16-1", "Café refit £"],
    ]);
  });

  it("imports", async () => {
    const actor = { councilId: world.councilA.id, actorUserId: world.users.officerA.id, ipAddress: null };
    expect((await applyImport(actor, utf16File(unicodeText(), "le"))).ok).toBe(true);
    const contract = await db.contract.findFirst({
      where: { councilId: world.councilA.id, reference: "U16-1" },
      select: { title: true, _count: { select: { commitments: true } } },
    });
    expect(contract).toEqual({ title: "Café refit £", _count: { commitments: 1 } });
  });

  it("may be uploaded as Excel saves it, a .txt file", async () => {
    const form = new FormData();
    form.append("intent", "preview");
    form.append("file", new File([utf16File(unicodeText(), "le")], "contracts.txt", { type: "text/plain" }));
    const cookie = await sessionCookieFor(world.users.officerA.id);
    const response = await callAction(importAction, { path: "/contracts/import", cookie, form });
    expect(response.status).toBe(200);
    const data = (await response.json()) as { kind: string; plan: { errors: unknown[]; rowCount: number } };
    expect(data).toMatchObject({ kind: "preview", plan: { errors: [], rowCount: 1 } });
  });
});

describe("a file that is not text", () => {
  it.each([
    ["an Excel workbook", [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], /This is an Excel workbook/],
    ["an old Excel workbook", [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], /Excel 97–2003 workbook/],
    ["a PDF", [...Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1")], /This is a PDF/],
    ["an image", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], /This is an image/],
    ["some other binary file", [0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0, 0, 0, 0, 0], /not text/],
  ])("(%s) is refused with one problem saying what it is", async (_name, head, message) => {
    const bytes = new Uint8Array([...head, ...Buffer.from("contract_reference,more\n")]);
    const { errors } = await previewImport(world.councilA.id, bytes);
    expect(errors).toEqual([{ line: 1, column: null, message: expect.stringMatching(message) }]);
  });
});
