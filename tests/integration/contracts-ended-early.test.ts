// "Ended" means a contract ran its term. One marked ended before its end date was chased for a KPI return every
// quarter until that date, though its supplier had stopped delivering: the form and the import now refuse it,
// saying to choose Terminated with the day it stopped (whose quarter the plan and the returns stop at), or to
// change the end date. A contract whose end date has come is ended as before.
import { beforeAll, describe, expect, it } from "vitest";
import { londonDayIso } from "~/domain/calendar.ts";
import { db } from "~/db.server.ts";
import { DEFAULT_MEASURES } from "~/domain/contracts/default-measures.ts";
import { applyImport, previewImport } from "~/domain/contracts/import.server.ts";
import { ENDED_EARLY_MESSAGE, endedProblem } from "~/domain/contracts/termination.ts";
import { action as newAction } from "~/routes/contracts.new/route.tsx";
import { createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { callAction, jsonOf } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let officer: string;

beforeAll(async () => {
  world = await createWorld();
  officer = await sessionCookieFor(world.users.officerA.id);
  await db.organisation.update({ where: { id: world.supplier.id }, data: { companyNumber: "07654321" } });
  await db.measure.createMany({
    data: DEFAULT_MEASURES.map((m) => ({ ...m, councilId: world.councilA.id })),
  });
});

const today = () => londonDayIso(new Date());
const nextYear = () => `${Number(today().slice(0, 4)) + 1}-03-31`;

const register = (reference: string, endDate: string) =>
  callAction(newAction, {
    path: "/contracts/new",
    cookie: officer,
    form: {
      reference,
      title: "Grounds maintenance",
      supplierOrganisationId: world.supplier.id,
      department: "Environment",
      contractManagerId: "",
      valueGbp: "120000",
      startDate: "2025-04-01",
      endDate,
      status: "ENDED",
    },
  });

describe("a contract marked ended", () => {
  it("is refused before its end date, next to the status, with the answers kept", async () => {
    const response = await register("END-EARLY", nextYear());
    expect(response.status).toBe(400);
    const reply = await jsonOf<{ error: Record<string, string[]>; initialValue: Record<string, string> }>(
      response,
    );
    expect(reply.error).toEqual({ status: [ENDED_EARLY_MESSAGE] });
    expect(reply.initialValue).toMatchObject({
      reference: "END-EARLY",
      endDate: nextYear(),
      status: "ENDED",
    });
    expect(await db.contract.count({ where: { reference: "END-EARLY" } })).toBe(0);
  });

  it("is saved on or after its end date", async () => {
    expect((await register("END-TODAY", today())).status).toBe(302);
    expect((await register("END-PAST", "2026-03-31")).status).toBe(302);
    expect(
      await db.contract.count({ where: { reference: { in: ["END-TODAY", "END-PAST"] }, status: "ENDED" } }),
    ).toBe(2);
  });

  it("is refused in an import row before its end date, naming the line and column, and nothing is imported", async () => {
    const actor = { councilId: world.councilA.id, actorUserId: world.users.officerA.id, ipAddress: null };
    const file =
      "contract_reference,contract_title,supplier_company_number,department,value_gbp,start_date,end_date,status\n" +
      `IMP-DONE,Parks,07654321,Environment,1000,2025-04-01,2026-03-31,Ended\n` +
      `IMP-EARLY,Parks,07654321,Environment,1000,2025-04-01,${nextYear()},Ended\n`;
    const preview = await previewImport(world.councilA.id, file);
    expect(preview.errors).toEqual([expect.objectContaining({ line: 3, column: "status" })]);
    expect(preview.errors[0]!.message).toMatch(/Terminated/);
    expect((await applyImport(actor, file)).ok).toBe(false);
    expect(await db.contract.count({ where: { reference: { in: ["IMP-DONE", "IMP-EARLY"] } } })).toBe(0);
  });
});

describe("endedProblem", () => {
  it("allows an ended contract from its end date on, and any other status at any time", () => {
    expect(endedProblem({ status: "ENDED", endDate: "2026-12-01" }, "2026-12-01")).toBeNull();
    expect(endedProblem({ status: "ENDED", endDate: "2026-11-30" }, "2026-12-01")).toBeNull();
    expect(endedProblem({ status: "ENDED", endDate: "2026-12-02" }, "2026-12-01")).toBe(ENDED_EARLY_MESSAGE);
    for (const status of ["PIPELINE", "ACTIVE", "TERMINATED"] as const)
      expect(endedProblem({ status, endDate: "2030-01-01" }, "2026-12-01")).toBeNull();
  });
});
