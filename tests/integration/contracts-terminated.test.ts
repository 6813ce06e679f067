// A contract terminated early records the day it ended (decision 025): the form, its history, the CSV import,
// the pages that show it and the database rule behind them.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { applyImport, previewImport } from "~/domain/contracts/import.server.ts";
import { loader as contractLoader } from "~/routes/contracts.$id._index/route.tsx";
import { action as editAction, loader as editLoader } from "~/routes/contracts.$id.edit.tsx";
import { loader as listLoader } from "~/routes/contracts._index.tsx";
import { action as newAction } from "~/routes/contracts.new/route.tsx";
import { createContract, sessionCookieFor } from "../helpers/factories.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";
import { renderPage } from "../helpers/render-page.ts";
import { createImportWorld } from "./contracts-world.ts";

let world: Awaited<ReturnType<typeof createImportWorld>>;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  world = await createImportWorld();
  for (const [name, user] of Object.entries(world.users)) cookies[name] = await sessionCookieFor(user.id);
});

const contractForm = (overrides: Record<string, string> = {}) => ({
  reference: "TERM-001",
  title: "Library refurbishment",
  supplierOrganisationId: world.supplier.id,
  department: "Communities",
  contractManagerId: world.users.officerA.id,
  valueGbp: "850000",
  awardedOn: "2026-03-01",
  startDate: "2026-04-01",
  endDate: "2027-03-31",
  planReference: "PM3-9",
  status: "ACTIVE",
  ...overrides,
});

type Reply = { status: string; error?: Record<string, string[]>; initialValue: Record<string, string> };
const versionOf = async (id: string) =>
  (await db.contract.findUniqueOrThrow({ where: { id } })).updatedAt.toISOString();

describe("the contract form", () => {
  let contractId: string;

  it("asks for the termination date when the status is Terminated, keeping what was typed", async () => {
    const missing = await callAction(newAction, {
      path: "/contracts/new",
      cookie: cookies.officerA,
      form: contractForm({ status: "TERMINATED" }),
    });
    expect(missing.status).toBe(400);
    const reply = await jsonOf<Reply>(missing);
    expect(reply.error).toEqual({ terminatedOn: ["Enter the date the contract was terminated"] });
    expect(reply.initialValue).toMatchObject({ reference: "TERM-001", status: "TERMINATED" });

    for (const [terminatedOn, message] of [
      ["2026-03-31", "The termination date must be on or after the start date"],
      ["2027-04-01", "The termination date must be on or before the end date"],
      ["31/02/2026", "Enter a real date, for example 27/03/2027"],
    ]) {
      const outside = await callAction(newAction, {
        path: "/contracts/new",
        cookie: cookies.officerA,
        form: contractForm({ status: "TERMINATED", terminatedOn }),
      });
      expect(outside.status).toBe(400);
      const r = await jsonOf<Reply>(outside);
      expect(r.error).toEqual({ terminatedOn: [message] });
      expect(r.initialValue.terminatedOn).toBe(terminatedOn);
    }
    expect(await db.contract.count({ where: { reference: "TERM-001" } })).toBe(0);
  });

  it("a date left in the box for another status is neither an error nor stored", async () => {
    const response = await callAction(newAction, {
      path: "/contracts/new",
      cookie: cookies.officerA,
      form: contractForm({ terminatedOn: "not a date" }),
    });
    expect(response.status).toBe(302);
    const contract = await db.contract.findFirstOrThrow({ where: { reference: "TERM-001" } });
    expect(contract.terminatedOn).toBeNull();
    contractId = contract.id;
  });

  it("saves the termination date, and the history says what changed", async () => {
    const response = await callAction(editAction, {
      path: `/contracts/${contractId}/edit`,
      params: { id: contractId },
      cookie: cookies.officerA,
      form: contractForm({
        status: "TERMINATED",
        terminatedOn: "15/08/2026",
        version: await versionOf(contractId),
      }),
    });
    expect(response.status).toBe(302);
    const saved = await db.contract.findUniqueOrThrow({ where: { id: contractId } });
    expect(saved.status).toBe("TERMINATED");
    expect(saved.terminatedOn?.toISOString().slice(0, 10)).toBe("2026-08-15");

    const page = await jsonOf<{
      contract: { terminatedOn: string | null };
      history: { what: string; changes: object[] }[];
    }>(
      await callLoader(contractLoader, {
        path: `/contracts/${contractId}`,
        params: { id: contractId },
        cookie: cookies.officerA,
      }),
    );
    expect(page.contract.terminatedOn?.slice(0, 10)).toBe("2026-08-15");
    expect(page.history[0]).toMatchObject({ what: "Contract details changed" });
    expect(page.history[0]!.changes).toEqual([
      { field: "status", label: "Status", from: "ACTIVE", to: "TERMINATED" },
      { field: "terminatedOn", label: "Termination date", from: null, to: "2026-08-15" },
    ]);

    // the edit form starts from the saved date
    const edit = await jsonOf<{ contract: { terminatedOn: string } }>(
      await callLoader(editLoader, {
        path: `/contracts/${contractId}/edit`,
        params: { id: contractId },
        cookie: cookies.officerA,
      }),
    );
    expect(edit.contract.terminatedOn).toBe("2026-08-15");
  });

  it("an edit without the date keeps the input and changes nothing", async () => {
    const response = await callAction(editAction, {
      path: `/contracts/${contractId}/edit`,
      params: { id: contractId },
      cookie: cookies.officerA,
      form: contractForm({ status: "TERMINATED", title: "Renamed", version: await versionOf(contractId) }),
    });
    expect(response.status).toBe(400);
    const reply = await jsonOf<Reply>(response);
    expect(reply.error).toEqual({ terminatedOn: ["Enter the date the contract was terminated"] });
    expect(reply.initialValue.title).toBe("Renamed");
    expect((await db.contract.findUniqueOrThrow({ where: { id: contractId } })).title).toBe(
      "Library refurbishment",
    );
  });

  it("reinstating the contract clears the date, and the history says so", async () => {
    const response = await callAction(editAction, {
      path: `/contracts/${contractId}/edit`,
      params: { id: contractId },
      cookie: cookies.officerA,
      form: contractForm({ terminatedOn: "2026-08-15", version: await versionOf(contractId) }),
    });
    expect(response.status).toBe(302);
    expect((await db.contract.findUniqueOrThrow({ where: { id: contractId } })).terminatedOn).toBeNull();
    const entry = await db.auditLog.findFirstOrThrow({
      where: { entityId: contractId, action: "contract.update" },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
    expect((entry.details as { changes: object[] }).changes).toEqual([
      { field: "status", label: "Status", from: "TERMINATED", to: "ACTIVE" },
      { field: "terminatedOn", label: "Termination date", from: "2026-08-15", to: null },
    ]);
  });
});

describe("the database", () => {
  it("refuses a terminated contract without a date, a date on any other status, or one outside the term", async () => {
    const base = { councilId: world.councilA.id, supplierOrganisationId: world.supplier.id };
    const start = new Date("2026-04-01");
    const end = new Date("2027-03-31");
    const attempts = [
      { status: "TERMINATED" as const, terminatedOn: null },
      { status: "ACTIVE" as const, terminatedOn: new Date("2026-08-15") },
      { status: "TERMINATED" as const, terminatedOn: new Date("2026-03-31") },
      { status: "TERMINATED" as const, terminatedOn: new Date("2027-04-01") },
    ];
    for (const attempt of attempts)
      await expect(createContract({ ...base, startDate: start, endDate: end, ...attempt })).rejects.toThrow(
        /Contract_terminatedOn/,
      );
    await expect(
      createContract({ ...base, startDate: start, endDate: end, status: "TERMINATED", terminatedOn: end }),
    ).resolves.toMatchObject({ terminatedOn: end });
  });
});

describe("the pages", () => {
  it("say 'Terminated on' to the supplier and to the council's officers", async () => {
    const contract = await createContract({
      councilId: world.councilA.id,
      supplierOrganisationId: world.supplier.id,
      reference: "TERM-PAGES",
      startDate: new Date("2026-04-01"),
      endDate: new Date("2028-03-31"),
      status: "TERMINATED",
      terminatedOn: new Date("2026-11-20"),
    });
    for (const cookie of [cookies.officerA, cookies.supplierOwner]) {
      const page = await jsonOf<{ contract: { terminatedOn: string | null } }>(
        await callLoader(contractLoader, {
          path: `/contracts/${contract.id}`,
          params: { id: contract.id },
          cookie,
        }),
      );
      expect(page.contract.terminatedOn?.slice(0, 10)).toBe("2026-11-20");
      // and the page as a browser gets it says so
      const html = (await (await renderPage(`/contracts/${contract.id}`, cookie)).text()).replace(
        /<!-- -->/g,
        "",
      );
      expect(html).toContain("Terminated on 20 November 2026");
    }
    const supplierList = await jsonOf<{ contracts: { reference: string; terminatedOn: string | null }[] }>(
      await callLoader(listLoader, { path: "/contracts", cookie: cookies.supplierOwner }),
    );
    expect(supplierList.contracts.find((c) => c.reference === "TERM-PAGES")?.terminatedOn?.slice(0, 10)).toBe(
      "2026-11-20",
    );
    const officerList = await jsonOf<{ contracts: { reference: string; terminatedOn: string | null }[] }>(
      await callLoader(listLoader, { path: "/contracts?q=TERM-PAGES", cookie: cookies.officerA }),
    );
    expect(officerList.contracts).toEqual([
      expect.objectContaining({ reference: "TERM-PAGES", terminatedOn: "2026-11-20" }),
    ]);
  });
});

describe("the CSV import", () => {
  const HEADER =
    "contract_reference,contract_title,supplier_company_number,department,value_gbp,start_date,end_date,status,terminated_on,measure_code,target_quantity,delivery_plan";
  const row = (reference: string, status: string, terminatedOn: string, commitment = ",,") =>
    `${reference},Grounds,${world.companyNumber},Environment,250000,2026-04-01,2027-03-31,${status},${terminatedOn},${commitment}`;
  const file = (...rows: string[]) => [HEADER, ...rows].join("\n") + "\n";
  const actor = () => ({
    councilId: world.councilA.id,
    actorUserId: world.users.officerA.id,
    ipAddress: null,
  });

  it("reports every row of a terminated contract without a date, or with one outside its term", async () => {
    const plan = "JOB-02,4,Q1 2026/27=1; Q2 2026/27=1; Q3 2026/27=1; Q4 2026/27=1";
    const preview = await previewImport(
      world.councilA.id,
      file(
        row("CSV-T1", "Terminated", ""),
        row("CSV-T2", "Terminated", "2027-04-01", plan),
        row("CSV-T2", "Terminated", "2027-04-01", "SOC-01,8,Q1 2026/27=8"),
        row("CSV-OK", "Active", ""),
      ),
    );
    expect(preview.errors).toEqual([
      {
        line: 2,
        column: "terminated_on",
        message:
          "A terminated contract needs the date it was terminated in terminated_on, for example 2027-03-27",
      },
      { line: 3, column: "terminated_on", message: "The termination date must be on or before the end date" },
      { line: 4, column: "terminated_on", message: "The termination date must be on or before the end date" },
    ]);
    const refused = await applyImport(
      actor(),
      file(row("CSV-T1", "Terminated", ""), row("CSV-OK", "Active", "")),
    );
    expect(refused.ok).toBe(false);
    expect(await db.contract.count({ where: { reference: { startsWith: "CSV-" } } })).toBe(0);
  });

  it("imports the date, keeps it when the column is left out, and a re-import changes nothing", async () => {
    const imported = await applyImport(actor(), file(row("CSV-T3", "Terminated", "20/10/2026")));
    expect(imported.ok).toBe(true);
    const stored = await db.contract.findFirstOrThrow({ where: { reference: "CSV-T3" } });
    expect(stored).toMatchObject({ status: "TERMINATED", terminatedOn: new Date("2026-10-20") });

    const again = await previewImport(world.councilA.id, file(row("CSV-T3", "Terminated", "2026-10-20")));
    expect(again.counts).toMatchObject({ created: 0, changed: 0, unchanged: 1 });

    // a procurement export without the column keeps the date officers recorded
    const noColumn = [
      "contract_reference,contract_title,supplier_company_number,department,value_gbp,start_date,end_date,status",
      `CSV-T3,Grounds,${world.companyNumber},Environment,250000,2026-04-01,2027-03-31,Terminated`,
    ].join("\n");
    const kept = await previewImport(world.councilA.id, noColumn);
    expect(kept.errors).toEqual([]);
    expect(kept.counts).toMatchObject({ unchanged: 1 });

    // made active again: the date goes, and the preview says so
    const reinstated = await previewImport(world.councilA.id, file(row("CSV-T3", "Active", "")));
    expect(reinstated.contracts[0]!.changes).toEqual([
      { field: "status", label: "Status", from: "TERMINATED", to: "ACTIVE" },
      { field: "terminatedOn", label: "Termination date", from: "2026-10-20", to: null },
    ]);
  });
});
