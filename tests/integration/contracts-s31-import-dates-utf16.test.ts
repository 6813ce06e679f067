// The contracts import refused dates with a time after them, as Excel and other council systems export a date
// ("2026-04-01 00:00:00", "01/04/2026 00:00", "2026-04-01T00:00:00Z"): every row of such a file had a "real date"
// problem on each date. And a UTF-16 file with no byte order mark (some systems' "Unicode text") was refused as
// "not text". A date's time is now left off (a time in UTC or at an offset read on London's calendar), a time that
// is not one is named as the problem, and UTF-16 is told by its NUL bytes.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { previewImport } from "~/domain/contracts/import.server.ts";
import { action as importAction } from "~/routes/contracts.import.tsx";
import { sessionCookieFor } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";
import { createImportWorld, streamOf, utf16File } from "./contracts-world.ts";

let world: Awaited<ReturnType<typeof createImportWorld>>;
let cookie: string;

beforeAll(async () => {
  world = await createImportWorld();
  cookie = await sessionCookieFor(world.users.officerA.id);
});

const HEADER =
  "contract_reference,contract_title,supplier_company_number,department,value_gbp,awarded_on,start_date,end_date";

type Plan = {
  errors: { line: number; column: string | null; message: string }[];
  encoding: string;
  rowCount: number;
  contracts: { line: number; reference: string; title: string }[];
};

function form(fields: Record<string, string | File>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

async function preview(bytes: Uint8Array | string, name = "contracts.csv") {
  const response = await callAction(importAction, {
    path: "/contracts/import",
    cookie,
    form: form({
      intent: "preview",
      file: new File([typeof bytes === "string" ? bytes : new Uint8Array(bytes)], name, { type: "text/csv" }),
    }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { kind: string; upload: string | null; plan: Plan };
}

async function importKept(upload: string) {
  const response = await callAction(importAction, {
    path: "/contracts/import",
    cookie,
    form: form({ intent: "import", upload }),
  });
  expect(response.status).toBe(302);
}

const day = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null;

async function stored(reference: string) {
  const contract = await db.contract.findFirstOrThrow({
    where: { councilId: world.councilA.id, reference },
    select: { awardedOn: true, startDate: true, endDate: true },
  });
  return [day(contract.awardedOn), day(contract.startDate), day(contract.endDate)];
}

describe("dates with a time after them", () => {
  it("import as the day written, as Excel and council systems export them", async () => {
    const csv = [
      HEADER,
      `TIME-1,Excel,${world.companyNumber},Parks,100,2026-03-01 00:00:00,2026-04-01 00:00:00,2027-03-31 00:00:00`,
      `TIME-2,UK short,${world.companyNumber},Parks,100,01/03/2026 00:00,01/04/2026 00:00,31/03/2027 00:00`,
      `TIME-3,ISO UTC,${world.companyNumber},Parks,100,2026-03-01T00:00:00Z,2026-04-01T00:00:00.000Z,2027-03-31T00:00:00+01:00`,
      `TIME-4,12 hour,${world.companyNumber},Parks,100,1/3/2026 12:00:00 AM,1/4/2026 12:00 AM,31/3/2027 12:00:00 am`,
      // a time a system stamped on: the day is still the day written
      `TIME-5,Stamped,${world.companyNumber},Parks,100,2026-03-01 09:30,01/04/2026 17:45:10,2027-03-31 23:59:59`,
      // London's midnight held in UTC: 23:00 the day before in summer, 00:00 in winter
      `TIME-6,London in UTC,${world.companyNumber},Parks,100,2026-02-28T23:30:00-00:30,2026-03-31T23:00:00Z,2027-03-31T12:00:00Z`,
    ].join("\r\n");
    const data = await preview(csv);
    expect(data.plan.errors).toEqual([]);
    expect(data.plan.rowCount).toBe(6);
    await importKept(data.upload!);
    for (const reference of ["TIME-1", "TIME-2", "TIME-3", "TIME-4", "TIME-5", "TIME-6"])
      expect(await stored(reference), reference).toEqual(["2026-03-01", "2026-04-01", "2027-03-31"]);
  });

  it("still name the row, the column and what is wrong with a date or a time that is not one", async () => {
    const csv = [
      HEADER,
      `BAD-1,Bad time,${world.companyNumber},Parks,100,,2026-04-01 25:00:00,2027-03-31`,
      `BAD-2,Bad day,${world.companyNumber},Parks,100,,31/02/2026 00:00,2027-03-31`,
      `BAD-3,Far year,${world.companyNumber},Parks,100,,2026-04-01,2206-03-31 00:00:00`,
      `BAD-4,Not a date,${world.companyNumber},Parks,100,next week 00:00,2026-04-01,2027-03-31`,
    ].join("\n");
    const data = await preview(csv);
    expect(data.plan.errors).toEqual([
      {
        line: 2,
        column: "start_date",
        message:
          "The time after the date is not a real time: enter the date as 2026-04-01 or 01/04/2026, with or without a time such as 00:00",
      },
      { line: 3, column: "start_date", message: "Enter a real date as 2026-04-01 or 01/04/2026" },
      {
        line: 4,
        column: "end_date",
        message: expect.stringMatching(/^Enter a date between 1990 and \d{4}$/),
      },
      { line: 5, column: "awarded_on", message: "Enter a real date as 2026-04-01 or 01/04/2026" },
    ]);
  });
});

const unicodeText = () =>
  [
    "contract_reference\tcontract_title\tsupplier_company_number\tdepartment\tvalue_gbp\tstart_date\tend_date",
    `NOBOM-{order}\tCafé refit £\t${world.companyNumber}\tLeisure\t100\t01/04/2026 00:00\t31/03/2027 00:00`,
    "",
  ].join("\r\n");

/** UTF-16 text with no byte order mark, as some systems write it. */
const utf16WithoutBom = (order: "le" | "be") =>
  utf16File(unicodeText().replace("{order}", order.toUpperCase()), order, { bom: false });

describe("a UTF-16 file with no byte order mark", () => {
  it.each(["le", "be"] as const)("(%s) is read as UTF-16 and imports, £ and accents kept", async (order) => {
    const data = await preview(utf16WithoutBom(order), "contracts.txt");
    expect(data.plan.errors).toEqual([]);
    expect(data.plan.encoding).toBe("utf-16");
    expect(data.plan.contracts.map((c) => [c.line, c.reference, c.title])).toEqual([
      [2, `NOBOM-${order.toUpperCase()}`, "Café refit £"],
    ]);
    await importKept(data.upload!);
    const contract = await db.contract.findFirstOrThrow({
      where: { councilId: world.councilA.id, reference: `NOBOM-${order.toUpperCase()}` },
      select: { title: true, startDate: true },
    });
    expect(contract).toEqual({ title: "Café refit £", startDate: new Date("2026-04-01") });
  });

  it.each(["le", "be"] as const)(
    "(%s) is told apart however small the chunks it arrives in",
    async (order) => {
      const plan = await previewImport(world.councilA.id, streamOf(utf16WithoutBom(order), 3));
      expect(plan.errors).toEqual([]);
      expect(plan.encoding).toBe("utf-16");
    },
  );

  it("a file with NULs that is not UTF-16 is still refused as not text", async () => {
    const bytes = new Uint8Array([0x41, 0x42, 0x43, 0x44, 0, 0, 0, 0x0d, 0, 0x01, 0, 0, 0x41, 0, 0, 0x42]);
    const { errors } = await previewImport(world.councilA.id, bytes);
    expect(errors).toEqual([{ line: 1, column: null, message: expect.stringMatching(/not text/) }]);
  });
});
