import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { DEFAULT_MEASURES } from "~/domain/contracts/default-measures.ts";
import { MAX_IMPORT_ROWS } from "~/domain/contracts/import-rows.ts";
import { applyImport, previewImport } from "~/domain/contracts/import.server.ts";
import { action as importAction, loader as importLoader } from "~/routes/contracts.import.tsx";
import { createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { flashMessageOf } from "../helpers/flash.ts";
import { callAction, callLoader } from "../helpers/routes.ts";

const HEADER =
  "contract_reference,contract_title,supplier_company_number,supplier_name,department,contract_manager_email,value_gbp,awarded_on,start_date,end_date,plan_reference,status,measure_code,target_quantity,delivery_plan,qualitative_commitment,narrative";

let world: Awaited<ReturnType<typeof createWorld>>;
let actor: { councilId: string; actorUserId: string; ipAddress: string | null };

beforeAll(async () => {
  world = await createWorld();
  await db.organisation.update({ where: { id: world.supplier.id }, data: { companyNumber: "01234567" } });
  await db.organisation.update({ where: { id: world.otherSupplier.id }, data: { name: "Acme Works Ltd" } });
  for (const council of [world.councilA, world.councilB])
    await db.measure.createMany({ data: DEFAULT_MEASURES.map((m) => ({ ...m, councilId: council.id })) });
  await db.measure.updateMany({
    where: { councilId: world.councilA.id, code: "ENV-01" },
    data: { retiredAt: new Date() },
  });
  actor = { councilId: world.councilA.id, actorUserId: world.users.officerA.id, ipAddress: "203.0.113.9" };
});

function csv(rows: string[]) {
  return [HEADER, ...rows].join("\n") + "\n";
}

const officerEmail = () => world.users.officerA.email;

function validFile(prefix = "IMP") {
  return csv([
    `${prefix}-1,Schools works,01234567,,Children's Services,${officerEmail()},"£1,500,000",2026-02-01,2026-04-01,2027-03-31,PM3-1,Active,JOB-02,4,Q1 2026/27=1; Q2 2026/27=1; Q3 2026/27=1; Q4 2026/27=1,,Local apprentices`,
    `${prefix}-1,Schools works,01234567,,Children's Services,${officerEmail()},"£1,500,000",2026-02-01,2026-04-01,2027-03-31,PM3-1,Active,SOC-04,,,Two careers fairs a year,`,
    `${prefix}-1,Schools works,01234567,,Children's Services,${officerEmail()},"£1,500,000",2026-02-01,2026-04-01,2027-03-31,PM3-1,Active,GRO-04,100,,,`,
    `${prefix}-2,Grounds maintenance,,acme works ltd,Environment,,250000,,01/10/2026,30/09/2028,,pipeline,,,,,`,
  ]);
}

describe("a valid file", () => {
  it("previews without writing, then imports every contract, commitment and plan", async () => {
    const preview = await previewImport(world.councilA.id, validFile());
    expect(preview.errors).toEqual([]);
    expect(preview.counts).toEqual({
      created: 2,
      changed: 0,
      unchanged: 0,
      commitments: 3,
      commitmentsCreated: 3,
      commitmentsChanged: 0,
      commitmentsUnchanged: 0,
      commitmentsKept: 0,
    });
    expect(await db.contract.count({ where: { councilId: world.councilA.id } })).toBe(0);

    const result = await applyImport(actor, validFile());
    expect(result.ok).toBe(true);
    const contract = await db.contract.findFirstOrThrow({
      where: { councilId: world.councilA.id, reference: "IMP-1" },
      include: { commitments: { include: { measure: true, plan: true } } },
    });
    expect(contract.supplierOrganisationId).toBe(world.supplier.id);
    expect(contract.contractManagerId).toBe(world.users.officerA.id);
    expect(contract.valueGbp.toFixed(2)).toBe("1500000.00");
    expect(contract.department).toBe("Children's Services");
    const byCode = Object.fromEntries(contract.commitments.map((c) => [c.measure.code, c]));
    expect(byCode["JOB-02"]!.plan).toHaveLength(4);
    expect(byCode["JOB-02"]!.narrative).toBe("Local apprentices");
    expect(byCode["SOC-04"]!.qualitativeText).toBe("Two careers fairs a year");
    expect(byCode["GRO-04"]!.targetQuantity!.toFixed(0)).toBe("100");

    const second = await db.contract.findFirstOrThrow({
      where: { councilId: world.councilA.id, reference: "IMP-2" },
    });
    expect(second.supplierOrganisationId).toBe(world.otherSupplier.id);
    expect(second.status).toBe("PIPELINE");
    expect(second.startDate.toISOString().slice(0, 10)).toBe("2026-10-01");

    const audit = await db.auditLog.findMany({ where: { entityType: "Contract", entityId: contract.id } });
    expect(audit.map((a) => a.action)).toEqual(["contract.import_create"]);
  });

  it("re-importing the same file changes nothing", async () => {
    const before = await db.contract.findMany({
      where: { councilId: world.councilA.id },
      select: { id: true, updatedAt: true },
      orderBy: { id: "asc" },
    });
    const auditBefore = await db.auditLog.count();
    const preview = await previewImport(world.councilA.id, validFile());
    expect(preview.counts).toEqual({
      created: 0,
      changed: 0,
      unchanged: 2,
      commitments: 3,
      commitmentsCreated: 0,
      commitmentsChanged: 0,
      commitmentsUnchanged: 3,
      commitmentsKept: 0,
    });
    const result = await applyImport(actor, validFile());
    expect(result.ok).toBe(true);
    const after = await db.contract.findMany({
      where: { councilId: world.councilA.id },
      select: { id: true, updatedAt: true },
      orderBy: { id: "asc" },
    });
    expect(after).toEqual(before);
    expect(await db.commitment.count({ where: { contract: { councilId: world.councilA.id } } })).toBe(3);
    expect(await db.commitmentPlan.count()).toBe(4);
    expect(await db.auditLog.count()).toBe(auditBefore + 1); // only the import itself is logged
  });

  it("a changed row updates the matched contract and records what changed", async () => {
    const changed = validFile()
      .replace(/Schools works/g, "Schools capital works")
      .replace("JOB-02,4,Q1 2026/27=1", "JOB-02,5,Q1 2026/27=2");
    const result = await applyImport(actor, changed);
    expect(result.ok && result.plan.counts).toEqual({
      created: 0,
      changed: 1,
      unchanged: 1,
      commitments: 3,
      commitmentsCreated: 0,
      commitmentsChanged: 1,
      commitmentsUnchanged: 2,
      commitmentsKept: 0,
    });
    const contract = await db.contract.findFirstOrThrow({
      where: { councilId: world.councilA.id, reference: "IMP-1" },
    });
    expect(contract.title).toBe("Schools capital works");
    const entry = await db.auditLog.findFirstOrThrow({
      where: { entityId: contract.id, action: "contract.import_update" },
    });
    const changes = (entry.details as { changes: { label: string; from: string; to: string }[] }).changes;
    expect(changes).toContainEqual({
      field: "title",
      label: "Title",
      from: "Schools works",
      to: "Schools capital works",
    });
    expect(changes.map((c) => c.label)).toContain("JOB-02: Target");
    expect(changes.map((c) => c.label)).toContain("JOB-02: Quarterly plan");
  });

  it("refuses new dates that would strand the plan of a commitment the file leaves out", async () => {
    expect((await applyImport(actor, validFile("TERM"))).ok).toBe(true);
    // TERM-1 again, with only its GRO-04 row and a term ending before JOB-02's Q3 and Q4 targets
    const shorter = csv([
      validFile("TERM")
        .split("\n")
        .find((l) => l.startsWith("TERM-1,") && l.includes(",GRO-04,"))!
        .replace("2027-03-31", "2026-09-30"),
    ]);
    const preview = await previewImport(world.councilA.id, shorter);
    expect(preview.errors).toEqual([
      {
        line: 2,
        column: "end_date",
        message: expect.stringMatching(
          /The delivery plan of JOB-02 has targets in Q3 2026\/27 and Q4 2026\/27, outside these dates/,
        ),
      },
    ]);
    expect((await applyImport(actor, shorter)).ok).toBe(false);
    const kept = await db.contract.findFirstOrThrow({
      where: { councilId: world.councilA.id, reference: "TERM-1" },
    });
    expect(kept.endDate.toISOString().slice(0, 10)).toBe("2027-03-31");
  });

  it("still re-imports a commitment whose measure has since been retired", async () => {
    await db.measure.updateMany({
      where: { councilId: world.councilA.id, code: "SOC-04" },
      data: { retiredAt: new Date() },
    });
    const preview = await previewImport(world.councilA.id, validFile());
    expect(preview.errors).toEqual([]);
    const fresh = await previewImport(world.councilA.id, validFile("NEWREF"));
    expect(fresh.errors).toEqual([
      expect.objectContaining({ line: 3, column: "measure_code", message: "The measure SOC-04 is retired" }),
    ]);
    await db.measure.updateMany({
      where: { councilId: world.councilA.id, code: "SOC-04" },
      data: { retiredAt: null },
    });
  });

  it("does not touch another council's contract with the same reference", async () => {
    const result = await applyImport(
      { ...actor, councilId: world.councilB.id, actorUserId: world.users.officerB.id },
      validFile().replace(/,[^,]*@example\.test,/g, ",,"),
    );
    expect(result.ok).toBe(true);
    expect(await db.contract.count({ where: { reference: "IMP-1" } })).toBe(2);
  });
});

describe("every kind of problem is reported by line and column, and nothing is imported", () => {
  const row = (overrides: Partial<Record<string, string>> = {}) => {
    const values: Record<string, string> = {
      contract_reference: "ERR-1",
      contract_title: "Title",
      supplier_company_number: "01234567",
      supplier_name: "",
      department: "Resources",
      contract_manager_email: "",
      value_gbp: "1000",
      awarded_on: "",
      start_date: "2026-04-01",
      end_date: "2027-03-31",
      plan_reference: "",
      status: "Active",
      measure_code: "SOC-01",
      target_quantity: "20",
      delivery_plan: "Q1 2026/27=10; Q2 2026/27=10",
      qualitative_commitment: "",
      narrative: "",
      ...overrides,
    };
    return HEADER.split(",")
      .map((c) => values[c])
      .join(",");
  };

  it.each([
    [
      "unknown supplier",
      { supplier_company_number: "99999999" },
      "supplier_company_number",
      /No supplier with company number 99999999/,
    ],
    [
      "unknown supplier name",
      { supplier_company_number: "", supplier_name: "Nobody Ltd" },
      "supplier_name",
      /No supplier called/,
    ],
    ["unknown measure code", { measure_code: "XYZ-9" }, "measure_code", /no measure with code XYZ-9/],
    ["retired measure", { measure_code: "ENV-01" }, "measure_code", /retired/],
    ["bad date", { start_date: "31/02/2026" }, "start_date", /real date/],
    ["end before start", { end_date: "2026-01-01" }, "end_date", /on or after the start/],
    ["bad amount", { value_gbp: "lots" }, "value_gbp", /value in pounds/],
    ["bad status", { status: "Paused" }, "status", /Status must be/],
    [
      "plan not adding up",
      { delivery_plan: "Q1 2026/27=10; Q2 2026/27=5" },
      "delivery_plan",
      /adds up to 15 hours but the target is 20 hours/,
    ],
    [
      "plan outside the term",
      { delivery_plan: "Q1 2026/27=10; Q1 2027/28=10" },
      "delivery_plan",
      /outside the contract term/,
    ],
    ["unreadable plan", { delivery_plan: "spring=20" }, "delivery_plan", /not a quarter and quantity/],
    [
      "manager not in the council",
      { contract_manager_email: "stranger@example.test" },
      "contract_manager_email",
      /not a member of your council/,
    ],
  ])("%s", async (_name, overrides, column, message) => {
    const file = csv([row({ contract_reference: "OK-1" }), row(overrides)]);
    const preview = await previewImport(world.councilA.id, file);
    expect(preview.errors).toHaveLength(1);
    expect(preview.errors[0]).toMatchObject({ line: 3, column });
    expect(preview.errors[0]!.message).toMatch(message);
    const result = await applyImport(actor, file);
    expect(result.ok).toBe(false);
    expect(await db.contract.count({ where: { reference: { in: ["OK-1", "ERR-1"] } } })).toBe(0);
  });

  it("a duplicate reference with different details, and a measure given twice", async () => {
    const file = csv([row(), row({ measure_code: "JOB-04", contract_title: "Another title" }), row()]);
    const preview = await previewImport(world.councilA.id, file);
    expect(preview.errors).toEqual([
      {
        line: 3,
        column: "contract_title",
        message: expect.stringMatching(/Duplicate reference ERR-1: line 2/),
      },
      {
        line: 4,
        column: "measure_code",
        message: expect.stringMatching(/Duplicate commitment: line 2 already gives SOC-01/),
      },
    ]);
  });

  it("lists every row's problems, several per row", async () => {
    const file = csv([
      row({ contract_title: "", value_gbp: "-5" }),
      row({ contract_reference: "ERR-2", start_date: "soon" }),
    ]);
    const preview = await previewImport(world.councilA.id, file);
    expect(preview.errors.map((e) => [e.line, e.column])).toEqual([
      [2, "contract_title"],
      [2, "value_gbp"],
      [3, "start_date"],
    ]);
  });

  it("a wrong header, an empty file and broken CSV", async () => {
    expect((await previewImport(world.councilA.id, "reference,title\nA,B\n")).errors[0]).toMatchObject({
      line: 1,
    });
    expect((await previewImport(world.councilA.id, "")).errors).toEqual([
      { line: 1, column: null, message: "The file is empty" },
    ]);
    const broken = await previewImport(world.councilA.id, csv([`"unterminated,${row().slice(1)}`]));
    expect(broken.errors[0]!.message).toMatch(/that is never closed/);
  });

  it("a row with a missing or an extra field is reported, and the rows after it still checked", async () => {
    const file = csv([
      row({ contract_reference: "COLS-1" }).split(",").slice(0, -1).join(","),
      `${row({ contract_reference: "COLS-2" })},extra`,
      row({ contract_reference: "COLS-3", start_date: "soon" }),
    ]);
    const preview = await previewImport(world.councilA.id, file);
    expect(preview.errors.map((e) => [e.line, e.column])).toEqual([
      [2, null],
      [3, null],
      [4, "start_date"],
    ]);
    expect(preview.errors[0]!.message).toMatch(/^This row has \d+ fields; the header has \d+/);
  });

  it("stops at the row limit counting rows, however many errors each row has", async () => {
    const bad = row({ contract_title: "", value_gbp: "-5" }); // two errors
    const file = csv(Array.from({ length: MAX_IMPORT_ROWS + 1 }, () => bad));
    const { errors } = await previewImport(world.councilA.id, file);
    expect(errors).toHaveLength(2 * MAX_IMPORT_ROWS + 1);
    expect(errors.at(-1)).toMatchObject({
      line: MAX_IMPORT_ROWS + 2,
      message: `A file can hold at most ${MAX_IMPORT_ROWS} rows`,
    });
    // 20,001 rows: more than the default 30 s on a busy two-core machine (the benchmark times imports)
  }, 120_000);
});

describe("a 5,000-row file", () => {
  // how long it takes is measured by the benchmark (npm run bench, tests/bench/import.ts), not here
  it("previews and imports every row, all or nothing", async () => {
    const rows: string[] = [];
    for (let i = 0; i < 2500; i++) {
      const ref = `BIG-${String(i).padStart(5, "0")}`;
      const contract = `${ref},Contract ${i},01234567,,Dept ${i % 7},,${100000 + i},,2026-04-01,2028-03-31,PM3-${i},Active`;
      rows.push(
        `${contract},SOC-01,80,Q1 2026/27=10; Q2 2026/27=10; Q3 2026/27=10; Q4 2026/27=10; Q1 2027/28=10; Q2 2027/28=10; Q3 2027/28=10; Q4 2027/28=10,,`,
      );
      rows.push(`${contract},GRO-04,95,,,`);
    }
    const file = csv(rows);
    expect(rows).toHaveLength(5000);

    const broken = file.replace("BIG-02499,Contract 2499,01234567", "BIG-02499,Contract 2499,00000000");
    const refused = await applyImport(actor, broken);
    expect(refused.ok).toBe(false);
    expect(refused.plan.errors).toEqual([
      expect.objectContaining({ line: 5000, column: "supplier_company_number" }),
    ]);
    expect(await db.contract.count({ where: { reference: { startsWith: "BIG-" } } })).toBe(0);

    const preview = await previewImport(world.councilA.id, file);
    expect(preview.errors).toEqual([]);
    const result = await applyImport(actor, file);
    expect(result.ok).toBe(true);
    expect(await db.contract.count({ where: { reference: { startsWith: "BIG-" } } })).toBe(2500);
    expect(await db.commitment.count({ where: { contract: { reference: { startsWith: "BIG-" } } } })).toBe(
      5000,
    );
    expect(
      await db.commitmentPlan.count({
        where: { commitment: { contract: { reference: { startsWith: "BIG-" } } } },
      }),
    ).toBe(20000);
  }, 120_000);
});

describe("the import page", () => {
  const upload = (text: string, name = "contracts.csv") => {
    const form = new FormData();
    form.append("intent", "preview");
    form.append("file", new File([text], name, { type: "text/csv" }));
    return form;
  };

  it("is for council officers only", async () => {
    for (const user of [world.users.supplierOwner, world.users.vcseOwner]) {
      const cookie = await sessionCookieFor(user.id);
      expect((await callLoader(importLoader, { path: "/contracts/import", cookie })).status).toBe(404);
      const response = await callAction(importAction, {
        path: "/contracts/import",
        cookie,
        form: upload(validFile("X")),
      });
      expect(response.status).toBe(404);
    }
    expect(await db.contract.count({ where: { reference: { startsWith: "X-" } } })).toBe(0);
  });

  it("previews an upload, then imports what was previewed", async () => {
    const cookie = await sessionCookieFor(world.users.officerA.id);
    const preview = await callAction(importAction, {
      path: "/contracts/import",
      cookie,
      form: upload(validFile("WEB")),
    });
    expect(preview.status).toBe(200);
    const data = (await preview.json()) as { kind: string; plan: { counts: object }; upload: string };
    expect(data.kind).toBe("preview");
    expect(data.plan.counts).toEqual({
      created: 2,
      changed: 0,
      unchanged: 0,
      commitments: 3,
      commitmentsCreated: 3,
      commitmentsChanged: 0,
      commitmentsUnchanged: 0,
      commitmentsKept: 0,
    });
    expect(await db.contract.count({ where: { reference: { startsWith: "WEB-" } } })).toBe(0);
    // the page carries a short id, not the file
    expect(data.upload).toMatch(/^[0-9a-f-]{36}$/);
    const importsBefore = await db.auditLog.count({
      where: { organisationId: world.councilA.id, action: "contract.import" },
    });
    expect(JSON.stringify(data)).not.toContain("contract_reference");

    const confirm = (upload: string, as = cookie) => {
      const form = new FormData();
      form.append("intent", "import");
      form.append("upload", upload);
      return callAction(importAction, { path: "/contracts/import", cookie: as, form });
    };
    // another council's officer cannot import this council's previewed file
    const stranger = await confirm(data.upload, await sessionCookieFor(world.users.officerB.id));
    expect(stranger.status).toBe(400);
    expect(JSON.stringify(await stranger.json())).toContain("upload the file again");
    expect(await db.contract.count({ where: { reference: { startsWith: "WEB-" } } })).toBe(0);

    const done = await confirm(data.upload);
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe(`/contracts?council=${world.councilA.id}`);
    const message =
      "Import complete: 2 new contracts, 0 changed, 0 unchanged; 3 new commitments, 0 changed, 0 unchanged";
    expect(await flashMessageOf(done)).toBe(message);
    expect(await db.contract.count({ where: { reference: { startsWith: "WEB-" } } })).toBe(2);
    // used once: a second confirm (a double submit) changes nothing, and is answered as the first was (before,
    // "That preview has expired or was already imported", so the officer believed the import had failed)
    const again = await confirm(data.upload);
    expect(again.status).toBe(302);
    expect(await flashMessageOf(again)).toBe(message);
    expect(await db.contract.count({ where: { reference: { startsWith: "WEB-" } } })).toBe(2);
    expect(
      await db.auditLog.count({ where: { organisationId: world.councilA.id, action: "contract.import" } }),
    ).toBe(importsBefore + 1);
    expect((await confirm("not-an-id")).status).toBe(400);
  });

  it("imports once when the same file is confirmed twice at the same moment", async () => {
    const cookie = await sessionCookieFor(world.users.officerA.id);
    const previewOf = async () => {
      const preview = await callAction(importAction, {
        path: "/contracts/import",
        cookie,
        form: upload(validFile("RACE")),
      });
      return ((await preview.json()) as { upload: string }).upload;
    };
    // two officers previewed the same file; both press Import together (and one of them twice)
    const [first, second] = [await previewOf(), await previewOf()];
    const confirm = (id: string) => {
      const form = new FormData();
      form.append("intent", "import");
      form.append("upload", id);
      return callAction(importAction, { path: "/contracts/import", cookie, form });
    };
    const answers = await Promise.all([confirm(first), confirm(second), confirm(first)]);
    for (const answer of answers) expect(answer.status).toBe(302);
    expect(await db.contract.count({ where: { reference: { startsWith: "RACE-" } } })).toBe(2);
    expect(await db.commitment.count({ where: { contract: { reference: { startsWith: "RACE-" } } } })).toBe(
      3,
    );
  });

  it("answers Import sent twice at once as the first, with what it did", async () => {
    const cookie = await sessionCookieFor(world.users.officerA.id);
    const previewOf = async () => {
      const preview = await callAction(importAction, {
        path: "/contracts/import",
        cookie,
        form: upload(validFile("TWICE")),
      });
      return ((await preview.json()) as { upload: string }).upload;
    };
    const confirm = (id: string) => {
      const form = new FormData();
      form.append("intent", "import");
      form.append("upload", id);
      return callAction(importAction, { path: "/contracts/import", cookie, form });
    };
    const [first, second] = [await previewOf(), await previewOf()];
    // a double click: before, the send that waited for the first said "0 new contracts" (or "That preview has
    // expired"), as if the import had not happened
    const answers = await Promise.all([confirm(first), confirm(first)]);
    for (const answer of answers) {
      expect(answer.status).toBe(302);
      expect(await flashMessageOf(answer)).toBe(
        "Import complete: 2 new contracts, 0 changed, 0 unchanged; 3 new commitments, 0 changed, 0 unchanged",
      );
    }
    // the same file previewed separately (a colleague's) is another import, and finds nothing left to do
    expect(await flashMessageOf(await confirm(second))).toBe(
      "Import complete: 0 new contracts, 0 changed, 2 unchanged; 0 new commitments, 0 changed, 3 unchanged",
    );
    expect(await db.contract.count({ where: { reference: { startsWith: "TWICE-" } } })).toBe(2);
  });

  it("keeps a preview for a day: older previews are removed when the council previews again", async () => {
    const { keepImportUpload, readImportUpload } =
      await import("~/domain/contracts/import-uploads.server.ts");
    const councilId = world.councilA.id;
    const old = await keepImportUpload(councilId, "old file", Date.now());
    expect((await readImportUpload(councilId, old))?.toString()).toBe("old file");
    expect(await readImportUpload(world.councilB.id, old)).toBeNull();
    const fresh = await keepImportUpload(councilId, "new file", Date.now() + 25 * 60 * 60 * 1000);
    expect(await readImportUpload(councilId, old)).toBeNull();
    expect((await readImportUpload(councilId, fresh))?.toString()).toBe("new file");
  });

  it("refuses a missing file, a file that is not CSV and a file over the size limit", async () => {
    const cookie = await sessionCookieFor(world.users.officerA.id);
    const none = new FormData();
    none.append("intent", "preview");
    const missing = await callAction(importAction, { path: "/contracts/import", cookie, form: none });
    expect(missing.status).toBe(400);
    // a plain (not multipart) form, and a multipart body that is not one
    const plain = await callAction(importAction, {
      path: "/contracts/import",
      cookie,
      body: new URLSearchParams({ intent: "preview" }),
    });
    expect(plain.status).toBe(400);
    const garbled = await callAction(importAction, {
      path: "/contracts/import",
      cookie,
      body: "--x\r\nnot a part",
      headers: { "content-type": "multipart/form-data; boundary=x" },
    });
    expect(garbled.status).toBe(400);
    expect(JSON.stringify(await garbled.json())).toContain("could not be read");
    const notCsv = await callAction(importAction, {
      path: "/contracts/import",
      cookie,
      form: (() => {
        const f = new FormData();
        f.append("intent", "preview");
        f.append("file", new File(["%PDF"], "report.pdf", { type: "application/pdf" }));
        return f;
      })(),
    });
    expect(notCsv.status).toBe(400);
    expect(JSON.stringify(await notCsv.json())).toContain("must be a CSV file");
    const huge = await callAction(importAction, {
      path: "/contracts/import",
      cookie,
      form: upload(HEADER + "\n" + "x".repeat(6 * 1024 * 1024)),
    });
    expect(huge.status).toBe(400);
    expect(JSON.stringify(await huge.json())).toContain("smaller than 5 MB");
  });
});
