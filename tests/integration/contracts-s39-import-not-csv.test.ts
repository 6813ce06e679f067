// A few bytes of an image, an empty zip file or another file that is not text, renamed to .csv, were read as a
// header of odd characters ("‰png", "pk\u0005\u0006"): "Unknown column" and six "The file has no … column"
// problems, none naming the cause. Such a file now gets one problem saying what it is and what to upload instead,
// and a CSV saved by Excel on Windows (Windows-1252) still imports.
import { beforeAll, describe, expect, it } from "vitest";
import { previewImport } from "~/domain/contracts/import.server.ts";
import { action as importAction } from "~/routes/contracts.import.tsx";
import { sessionCookieFor } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";
import { createImportWorld } from "./contracts-world.ts";

let world: Awaited<ReturnType<typeof createImportWorld>>;

beforeAll(async () => {
  world = await createImportWorld();
});

const refusal = (message: RegExp) => [{ line: 1, column: null, message: expect.stringMatching(message) }];

describe("a tiny file that is not a CSV file", () => {
  it.each([
    [
      "a PNG's signature",
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
      /^This is an image, not a CSV file/,
    ],
    ["a PNG's first bytes", [0x89, 0x50, 0x4e, 0x47], /^This is an image, not a CSV file/],
    ["a JPEG's first bytes", [0xff, 0xd8, 0xff, 0xe0], /^This is an image, not a CSV file/],
    ["a GIF's first bytes", [...Buffer.from("GIF89a"), 0x01, 0x02], /^This is an image, not a CSV file/],
    [
      "an empty zip file",
      [0x50, 0x4b, 0x05, 0x06, 0x01, 0x02],
      /^This is an Excel workbook \(or another zipped file\), not a CSV file\. In Excel, save it as “CSV UTF-8/,
    ],
    ["a gzip file", [0x1f, 0x8b, 0x08, 0x08], /^This is a compressed file, not a CSV file/],
    [
      "control characters",
      [...Buffer.from("\x01\x02\x03abc\x04\n1,2\n")],
      /^This file is not a CSV file: it is not text/,
    ],
  ])("(%s) is refused with one problem saying what it is", async (_name, bytes, message) => {
    const { errors } = await previewImport(world.councilA.id, new Uint8Array(bytes));
    expect(errors).toEqual(refusal(message));
  });

  it("is refused the same way when uploaded as contracts.csv", async () => {
    const form = new FormData();
    form.append("intent", "preview");
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    form.append("file", new File([png], "contracts.csv", { type: "text/csv" }));
    const cookie = await sessionCookieFor(world.users.officerA.id);
    const response = await callAction(importAction, { path: "/contracts/import", cookie, form });
    const data = (await response.json()) as { kind: string; upload: unknown; plan: { errors: unknown[] } };
    expect(data).toMatchObject({
      kind: "preview",
      upload: null,
      plan: { errors: refusal(/This is an image/) },
    });
  });
});

describe("a CSV file that is text", () => {
  const HEADER =
    "contract_reference,contract_title,supplier_company_number,department,value_gbp,start_date,end_date";

  it("saved by Excel on Windows (Windows-1252, £ and é as single bytes) still previews", async () => {
    const text = `${HEADER}\r\nNC-1,Café refit £5k,${world.companyNumber},Leisure,100,2026-04-01,2027-03-31\r\n`;
    const plan = await previewImport(world.councilA.id, new Uint8Array(Buffer.from(text, "latin1")));
    expect(plan.errors).toEqual([]);
    expect(plan.encoding).toBe("windows-1252");
    expect(plan.contracts.map((c) => c.title)).toEqual(["Café refit £5k"]);
  });
});
