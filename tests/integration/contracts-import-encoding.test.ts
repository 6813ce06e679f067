// Excel on Windows saves "CSV (Comma delimited)" in Windows-1252: such a file must import with its £ signs and
// accented letters intact, from the preview through to the import of the kept file.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { MIXED_ENCODING_MESSAGE } from "~/domain/contracts/import-encoding.ts";
import { action as importAction } from "~/routes/contracts.import.tsx";
import { createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let cookie: string;

beforeAll(async () => {
  world = await createWorld();
  await db.organisation.update({ where: { id: world.supplier.id }, data: { companyNumber: "01234567" } });
  cookie = await sessionCookieFor(world.users.officerA.id);
});

const HEADER =
  "contract_reference,contract_title,supplier_company_number,department,value_gbp,start_date,end_date\n";

function upload(bytes: Uint8Array) {
  const form = new FormData();
  form.append("intent", "preview");
  form.append("file", new File([new Uint8Array(bytes)], "contracts.csv", { type: "text/csv" }));
  return form;
}

type Preview = {
  kind: string;
  upload: string | null;
  plan: { errors: { message: string }[]; encoding: string };
};

async function preview(bytes: Uint8Array) {
  const response = await callAction(importAction, { path: "/contracts/import", cookie, form: upload(bytes) });
  return (await response.json()) as Preview;
}

describe("a CSV file saved by Excel on Windows", () => {
  it("is read as Windows-1252: the preview has no problems and the import keeps £ and accents", async () => {
    // "Café" with é = 0xE9, the value "£1,500" with £ = 0xA3 and an en dash 0x96, as Excel writes them
    const file = Buffer.concat([
      Buffer.from(HEADER),
      Buffer.from("ENC-1,Caf"),
      Buffer.from([0xe9]),
      Buffer.from(" refit "),
      Buffer.from([0x96]),
      Buffer.from(' phase 2,01234567,Communities,"'),
      Buffer.from([0xa3]),
      Buffer.from('1,500",2026-04-01,2027-03-31\n'),
    ]);
    const data = await preview(file);
    expect(data.plan.errors).toEqual([]);
    expect(data.plan.encoding).toBe("windows-1252");

    const form = new FormData();
    form.append("intent", "import");
    form.append("upload", data.upload!);
    const done = await callAction(importAction, { path: "/contracts/import", cookie, form });
    expect(done.status).toBe(302);
    const contract = await db.contract.findFirstOrThrow({ where: { reference: "ENC-1" } });
    expect(contract.title).toBe("Café refit – phase 2");
    expect(contract.valueGbp.toFixed(2)).toBe("1500.00");
  });

  it("a UTF-8 file (with a BOM) is still read as UTF-8", async () => {
    const file = Buffer.from(
      `\ufeff${HEADER}ENC-2,Café,01234567,Communities,"£2,000",2026-04-01,2027-03-31\n`,
    );
    const data = await preview(file);
    expect(data.plan.errors).toEqual([]);
    expect(data.plan.encoding).toBe("utf-8");
  });

  it("a file mixing UTF-8 and other bytes is refused, naming the encoding to save as", async () => {
    const file = Buffer.concat([
      Buffer.from(`${HEADER}ENC-3,Café,01234567,Communities,"£2,000",2026-04-01,2027-03-31\n`),
      Buffer.from("ENC-4,Caf"),
      Buffer.from([0xe9]),
      Buffer.from(",01234567,Communities,2000,2026-04-01,2027-03-31\n"),
    ]);
    const data = await preview(file);
    expect(data.upload).toBeNull();
    expect(data.plan.errors.map((e) => e.message)).toEqual([MIXED_ENCODING_MESSAGE]);
    expect(MIXED_ENCODING_MESSAGE).toContain("CSV UTF-8");
  });
});
