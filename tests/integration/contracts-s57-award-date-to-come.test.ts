// An active contract took an award date still to come (20 December for one started in April), and dropped out of the
// dashboard's "contracts awarded in the last 12 months have commitments recorded" until that day. A contract past
// the pipeline (active, ended, terminated) has been awarded: the form and the CSV import now refuse an award date
// after today beside it, with the answers kept. A pipeline contract may still have the day it is expected on.
// Dates are counted from today, so these tests never go stale.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { applyImport, previewImport } from "~/domain/contracts/import.server.ts";
import { AWARDED_AFTER_END } from "~/domain/contracts/schemas.ts";
import { AWARDED_IN_FUTURE_MESSAGE } from "~/domain/contracts/termination.ts";
import { createContract, sessionCookieFor, unique } from "../helpers/factories.ts";
import { contractEditForm, newContractForm } from "../helpers/contract-forms.ts";
import { fieldError } from "../helpers/error-summary.ts";
import { daysFromToday } from "../helpers/london-days.ts";
import { decodeEntities, postPage, renderPage } from "../helpers/render-page.ts";
import { createImportWorld, formOf } from "./contracts-world.ts";

let w: Awaited<ReturnType<typeof createImportWorld>>;
let officer: string;

beforeAll(async () => {
  await renderPage("/");
  w = await createImportWorld();
  officer = await sessionCookieFor(w.users.officerA.id);
});

// a two-year term round today: it has started, and ends well after any award date the tests give
const term = { startDate: daysFromToday(-250), endDate: daysFromToday(480) };

const register = (fields: Record<string, string>) =>
  postPage("/contracts/new", formOf(newContractForm(w.supplier.id, { ...term, ...fields })), officer);

const awardError = async (response: Response) => {
  expect(response.status).toBe(400);
  const html = await response.text();
  return { html, error: fieldError(html, "awardedOn") };
};

describe("the contract form", () => {
  it.each(["ACTIVE", "TERMINATED"])(
    "refuses an award date after today for a %s contract, beside the award date, with the answers kept",
    async (status) => {
      const reference = unique("AWD-NEXT");
      const { html, error } = await awardError(
        await register({ reference, status, awardedOn: daysFromToday(1), terminatedOn: daysFromToday(-5) }),
      );
      expect(decodeEntities(error!)).toBe(`Error: ${AWARDED_IN_FUTURE_MESSAGE}`);
      expect(html).toContain('<a href="#awardedOn"');
      expect(html).toMatch(new RegExp(`<input[^>]*name="awardedOn"[^>]*value="${daysFromToday(1)}"`));
      expect(html).toMatch(new RegExp(`<input[^>]*name="reference"[^>]*value="${reference}"`));
      expect(await db.contract.count({ where: { reference } })).toBe(0);
    },
  );

  it("refuses it for an ended contract too, told once: its end date has passed, so against the end date", async () => {
    const { error } = await awardError(
      await register({
        reference: unique("AWD-END"),
        status: "ENDED",
        startDate: daysFromToday(-400),
        endDate: daysFromToday(-1),
        awardedOn: daysFromToday(1),
      }),
    );
    expect(error).toBe(`Error: ${AWARDED_AFTER_END}`);
  });

  it("tells an award date after both today and the end date once, against today, the earlier", async () => {
    const { error } = await awardError(
      await register({ reference: unique("AWD-BOTH"), awardedOn: daysFromToday(600) }),
    );
    expect(decodeEntities(error!)).toBe(`Error: ${AWARDED_IN_FUTURE_MESSAGE}`);
  });

  it("takes an award date of today, and one after the start date (a retrospective award)", async () => {
    const reference = unique("AWD-TODAY");
    expect((await register({ reference, awardedOn: daysFromToday(0) })).status).toBe(302);
    const saved = await db.contract.findFirstOrThrow({ where: { reference } });
    expect(saved.awardedOn?.toISOString().slice(0, 10)).toBe(daysFromToday(0));
  });

  it("takes an expected award date still to come for a pipeline contract", async () => {
    const reference = unique("AWD-PIPE");
    const response = await register({ reference, status: "PIPELINE", awardedOn: daysFromToday(30) });
    expect(response.status).toBe(302);
    const saved = await db.contract.findFirstOrThrow({ where: { reference } });
    expect(saved.awardedOn?.toISOString().slice(0, 10)).toBe(daysFromToday(30));
  });

  it("refuses moving a pipeline contract to active while its award date is still to come", async () => {
    const contract = await createContract({
      councilId: w.councilA.id,
      supplierOrganisationId: w.supplier.id,
      reference: unique("AWD-MOVE"),
      status: "PIPELINE",
      startDate: new Date(`${term.startDate}T00:00:00Z`),
      endDate: new Date(`${term.endDate}T00:00:00Z`),
      awardedOn: new Date(`${daysFromToday(10)}T00:00:00Z`),
    });
    const edit = (status: string) =>
      postPage(`/contracts/${contract.id}/edit`, formOf(contractEditForm(contract, { status })), officer);
    const { error } = await awardError(await edit("ACTIVE"));
    expect(decodeEntities(error!)).toBe(`Error: ${AWARDED_IN_FUTURE_MESSAGE}`);
    expect((await db.contract.findUniqueOrThrow({ where: { id: contract.id } })).status).toBe("PIPELINE");
    // kept in the pipeline, its other details can still be changed
    expect((await edit("PIPELINE")).status).toBe(302);
  });
});

describe("the CSV import", () => {
  const header =
    "contract_reference,contract_title,supplier_company_number,department,value_gbp,awarded_on,start_date,end_date,status";
  const row = (reference: string, awardedOn: string, status: string) =>
    `${reference},Grounds,${w.companyNumber},Parks,90000,${awardedOn},${term.startDate},${term.endDate},${status}`;
  const actor = () => ({ councilId: w.councilA.id, actorUserId: w.users.officerA.id, ipAddress: null });

  it("refuses an award date after today for an active contract, naming the line and column", async () => {
    const file = [header, row(unique("IMP-AWD"), daysFromToday(1), "Active")].join("\n");
    const preview = await previewImport(w.councilA.id, file);
    expect(preview.errors).toEqual([
      {
        line: 2,
        column: "awarded_on",
        message:
          "The award date must be today or in the past: only a contract with status Pipeline can have an award date still to come",
      },
    ]);
    expect((await applyImport(actor(), file)).ok).toBe(false);
  });

  it("refuses it on a row with other problems too, all told at once", async () => {
    const file = [
      header,
      row(unique("IMP-AWD2"), daysFromToday(1), "Active").replace(",90000,", ",lots,"),
    ].join("\n");
    const preview = await previewImport(w.councilA.id, file);
    expect(preview.errors.map((e) => e.column)).toEqual(["value_gbp", "awarded_on"]);
  });

  it("takes one for a pipeline contract, and today for an active one", async () => {
    const pipeline = unique("IMP-PIPE");
    const today = unique("IMP-TODAY");
    const file = [
      header,
      row(pipeline, daysFromToday(20), "Pipeline"),
      row(today, daysFromToday(0), "Active"),
    ].join("\n");
    expect((await previewImport(w.councilA.id, file)).errors).toEqual([]);
    expect((await applyImport(actor(), file)).ok).toBe(true);
    expect(await db.contract.count({ where: { reference: { in: [pipeline, today] } } })).toBe(2);
  });

  it("reads a blank status or award date as the stored contract's", async () => {
    const reference = unique("IMP-HELD");
    await createContract({
      councilId: w.councilA.id,
      supplierOrganisationId: w.supplier.id,
      reference,
      status: "PIPELINE",
      startDate: new Date(`${term.startDate}T00:00:00Z`),
      endDate: new Date(`${term.endDate}T00:00:00Z`),
      awardedOn: new Date(`${daysFromToday(10)}T00:00:00Z`),
    });
    // still in the pipeline: its expected award date stands
    const unchanged = [header, row(reference, daysFromToday(12), "")].join("\n");
    expect((await previewImport(w.councilA.id, unchanged)).errors).toEqual([]);
    // made active with the award date left blank: the stored one, still to come, is named
    const moved = [header, row(reference, "", "Active")].join("\n");
    expect((await previewImport(w.councilA.id, moved)).errors).toEqual([
      {
        line: 2,
        column: "awarded_on",
        message: `The award date already recorded for this contract, ${daysFromToday(10)}, is still to come: give the day it was awarded in awarded_on, or status Pipeline`,
      },
    ]);
  });
});
