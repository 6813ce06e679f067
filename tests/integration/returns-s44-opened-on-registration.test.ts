// A contract registered by hand or imported after some of its quarters had ended got no returns for them until the
// daily returns job ran the next morning: until then its departmental report row said "Not opened" and the
// dashboard did not count those quarters as overdue. Its returns are now opened as soon as it is saved (by hand,
// when a commitment is added, or by an import), by the job's own rule, and the job's next run adds nothing.
// Each test has a world of its own (its council, supplier and officer) and runs the job over its own contracts
// alone, so none reads what another left behind: each passes alone and in any order.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { updateCommitment } from "~/domain/contracts/commitments.server.ts";
import { updateContract } from "~/domain/contracts/contracts.server.ts";
import { applyImport } from "~/domain/contracts/import.server.ts";
import { IMPORT_ANNOUNCES_AT_ONCE } from "~/domain/contracts/returns-due.server.ts";
import {
  nextQuarter,
  previousQuarter,
  quarterLabel,
  quarterPeriod,
  type FinancialQuarter,
} from "~/domain/contracts/quarters.ts";
import { commitmentEditSchema, contractEditSchema } from "~/domain/contracts/schemas.ts";
import { openReturnsForQuarter } from "~/domain/reporting/returns-jobs.server.ts";
import {
  commitLate,
  currentQuarter,
  iso,
  lastQuarter,
  lateTerm,
  quarterKey,
  registerLate,
  twoAgo,
} from "../helpers/late-contract.ts";
import { lateContractWorld, type LateContractWorld } from "../helpers/late-contract-world.ts";

const HEADER =
  "contract_reference,contract_title,supplier_company_number,supplier_name,department,contract_manager_email,value_gbp,awarded_on,start_date,end_date,plan_reference,status,terminated_on,measure_code,target_quantity,delivery_plan,qualitative_commitment,narrative";

let world: LateContractWorld["world"];
let actor: LateContractWorld["actor"];
let measureId: string;
// the world's supplier's company number, which an import row names it by: each world's own, since an import looks
// the number up among every council's suppliers and refuses a row two of them match
let companyNumber: string;
let worlds = 0;

// the contract started two quarters ago: those two quarters have ended, the one it is in now has not
const { startDate, endDate } = lateTerm;
const ended = [quarterKey(twoAgo), quarterKey(lastQuarter)];

async function returnsOf(contractId: string) {
  const rows = await db.kpiReturn.findMany({
    where: { contractId },
    orderBy: [{ financialYear: "asc" }, { quarter: "asc" }],
    select: { financialYear: true, quarter: true, status: true, openedNoticeSentAt: true },
  });
  // each announced to the supplier, as the job announces the returns it opens
  return rows.map(
    (r) => `${r.financialYear}-${r.quarter} ${r.status}${r.openedNoticeSentAt ? " announced" : ""}`,
  );
}

const opened = ended.map((q) => `${q} NOT_STARTED announced`);

/** The emails telling the supplier a return of this contract is open. */
const openedEmails = (reference: string) =>
  db.emailOutbox.count({
    where: { template: "returns-opened", councilId: world.councilA.id, text: { contains: reference } },
  });

/** The daily job's run, by its own window and rules, over this contract alone: run over every contract, it also
 * opened and announced the returns of contracts earlier tests had made, and took longer the more tests had run. */
const jobRunOver = (contractId: string) =>
  openReturnsForQuarter(new Date(), undefined, { contractIds: [contractId] });

/** The daily job runs later, as at 06:00: nothing is created or announced twice. */
async function jobAddsNothing(contractId: string, reference: string) {
  const emails = await openedEmails(reference);
  expect(emails).toBeGreaterThan(0);
  const before = await db.kpiReturn.findMany({ where: { contractId }, orderBy: { id: "asc" } });
  await jobRunOver(contractId);
  expect(await db.kpiReturn.findMany({ where: { contractId }, orderBy: { id: "asc" } })).toEqual(before);
  expect(await openedEmails(reference)).toBe(emails);
}

const returnIds = async (contractId: string) =>
  (await db.kpiReturn.findMany({ where: { contractId }, orderBy: { id: "asc" } })).map((r) => r.id);

/** A row of a contracts import: an active contract from the start of `from` to `endDate`, planned 10 a quarter from
 * `from` to the current quarter, worth `valueGbp`. */
function importRow(reference: string, from: FinancialQuarter, valueGbp = "100") {
  const quarters = [from];
  while (quarterKey(quarters.at(-1)!) !== quarterKey(currentQuarter))
    quarters.push(nextQuarter(quarters.at(-1)!));
  const plan = quarters.map((q) => `${quarterLabel(q.financialYear, q.quarter)}=10`);
  const start = iso(quarterPeriod(from.financialYear, from.quarter).start);
  return `${reference},Works,${companyNumber},,Resources,,${valueGbp},,${start},${endDate},,Active,,SOC-01,${10 * quarters.length},${plan.join("; ")},,`;
}

const importFile = (rows: string[]) => [HEADER, ...rows].join("\n") + "\n";

/** Imports an active contract planned from `from` to the current quarter: its returns are opened and announced at
 * once. */
async function importLate(reference: string, from: FinancialQuarter) {
  const result = await applyImport(actor, importFile([importRow(reference, from)]));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return (await db.contract.findFirstOrThrow({ where: { reference, councilId: world.councilA.id } })).id;
}

/** Imports it in a file opening more returns than an import announces at once (IMPORT_ANNOUNCES_AT_ONCE), with
 * other contracts like it: its returns are opened at once and left for the next run to announce. */
async function importLeftForNextRun(reference: string, from: FinancialQuarter) {
  let ended = 0;
  for (let q = from; quarterKey(q) !== quarterKey(currentQuarter); q = nextQuarter(q)) ended++;
  const others = Array.from({ length: Math.ceil((IMPORT_ANNOUNCES_AT_ONCE + 1) / ended) }, (_, i) =>
    importRow(`${reference.replace("LATE-", "BULK-")}-${i}`, from),
  );
  const result = await applyImport(actor, importFile([importRow(reference, from), ...others]));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return (await db.contract.findFirstOrThrow({ where: { reference, councilId: world.councilA.id } })).id;
}

/** Registers a contract by hand, as the form would, running from two quarters ago (so both have ended). */
const registerLateHere = (reference: string, status?: "ACTIVE" | "PIPELINE") =>
  registerLate(actor, { reference, supplierOrganisationId: world.supplier.id, startDate, endDate, status });

/** Adds the contract a commitment planned 10 in each of `quarters`, as the form would. */
const commitLateHere = (contractId: string, quarters: FinancialQuarter[]) =>
  commitLate(actor, contractId, measureId, quarters);

beforeEach(async () => {
  ({ world, actor, measureId } = await lateContractWorld());
  companyNumber = String(44_000_000 + ++worlds);
  await db.organisation.update({ where: { id: world.supplier.id }, data: { companyNumber } });
});

describe("a contract whose first quarters have already ended", () => {
  it("registered by hand has its returns for them as soon as its commitment is added", async () => {
    const reference = `LATE-HAND-${Date.now() % 1_000_000}`;
    const registered = await registerLateHere(reference);
    // no commitment yet: nothing to report on
    expect(await returnsOf(registered.id)).toEqual([]);
    await commitLateHere(registered.id, [twoAgo, lastQuarter, currentQuarter]);
    expect(await returnsOf(registered.id)).toEqual(opened);
    await jobAddsNothing(registered.id, reference);
  });

  it("imported has its returns for them as soon as the import is done", async () => {
    const reference = `LATE-IMPORT-${Date.now() % 1_000_000}`;
    const contractId = await importLate(reference, twoAgo);
    // there at once, and the supplier told at once (a file opening only a few returns)
    expect(await returnsOf(contractId)).toEqual(opened);
    await jobAddsNothing(contractId, reference);
  });

  it("imported in a file of many returns has them at once, announced at the job's next run", async () => {
    const reference = `LATE-IMPORT-${Date.now() % 1_000_000}`;
    const contractId = await importLeftForNextRun(reference, twoAgo);
    expect(await returnsOf(contractId)).toEqual(ended.map((q) => `${q} NOT_STARTED`));
    expect(await openedEmails(reference)).toBe(0);
    const ids = await returnIds(contractId);
    await jobRunOver(contractId);
    expect(await returnIds(contractId)).toEqual(ids);
    expect(await returnsOf(contractId)).toEqual(opened);
    await jobAddsNothing(contractId, reference);
  });

  it("moved from pipeline to active has its returns for them as soon as it is saved", async () => {
    const reference = `LATE-PIPELINE-${Date.now() % 1_000_000}`;
    const registered = await registerLateHere(reference, "PIPELINE");
    await commitLateHere(registered.id, [twoAgo, lastQuarter]);
    // not yet awarded: it reports nothing
    expect(await returnsOf(registered.id)).toEqual([]);
    const { updatedAt } = await db.contract.findUniqueOrThrow({ where: { id: registered.id } });
    const saved = await updateContract(
      actor,
      registered.id,
      contractEditSchema.parse({ ...registered.fields, status: "ACTIVE", version: updatedAt.toISOString() }),
    );
    expect(saved.ok).toBe(true);
    expect(await returnsOf(registered.id)).toEqual(opened);
    await jobAddsNothing(registered.id, reference);
  });

  it("refused by an import opens nothing and tells nobody, nor does a good row of the same file", async () => {
    // another import's returns are there, waiting for the next run to announce them
    const waiting = await importLeftForNextRun(`LATE-WAITING-${Date.now() % 1_000_000}`, twoAgo);
    const waitingRows = await db.kpiReturn.findMany({
      where: { contractId: waiting },
      orderBy: { id: "asc" },
    });
    const councilReturns = () =>
      db.kpiReturn.count({ where: { contract: { councilId: world.councilA.id } } });
    const councilEmails = () => db.emailOutbox.count({ where: { councilId: world.councilA.id } });
    const returnsBefore = await councilReturns();
    const emailsBefore = await councilEmails();
    const good = `LATE-GOOD-${Date.now() % 1_000_000}`;
    const refused = `LATE-REFUSED-${Date.now() % 1_000_000}`;
    const result = await applyImport(
      actor,
      importFile([importRow(good, twoAgo), importRow(refused, twoAgo, "abc")]),
    );
    // refused for the bad row's value alone, on its line (the header is line 1)
    expect(result.ok).toBe(false);
    expect(result.plan.errors).toEqual([
      expect.objectContaining({
        line: 3,
        column: "value_gbp",
        message: expect.stringContaining("Enter the value in pounds, for example 250000"),
      }),
    ]);
    // neither row's contract, commitment or returns were written
    const references = { in: [good, refused] };
    expect(await db.contract.count({ where: { reference: references } })).toBe(0);
    expect(await db.commitment.count({ where: { contract: { reference: references } } })).toBe(0);
    expect(await db.kpiReturn.count({ where: { contract: { reference: references } } })).toBe(0);
    expect(await councilReturns()).toBe(returnsBefore);
    // nobody was emailed, of these contracts or of any other
    expect(await openedEmails(good)).toBe(0);
    expect(await openedEmails(refused)).toBe(0);
    expect(await councilEmails()).toBe(emailsBefore);
    // the other import's returns are the same rows, as they were
    expect(await db.kpiReturn.findMany({ where: { contractId: waiting }, orderBy: { id: "asc" } })).toEqual(
      waitingRows,
    );
  });

  it("saved leaves other contracts' returns alone: they wait for the daily run", async () => {
    const waitingRef = `LATE-OTHER-${Date.now() % 1_000_000}`;
    const waiting = await importLeftForNextRun(waitingRef, twoAgo);
    const waitingReturns = await returnsOf(waiting);
    expect(waitingReturns).toEqual(ended.map((q) => `${q} NOT_STARTED`));
    const ids = await returnIds(waiting);
    const registered = await registerLateHere(`LATE-SAVED-${Date.now() % 1_000_000}`);
    await commitLateHere(registered.id, [twoAgo, lastQuarter]);
    expect(await returnsOf(registered.id)).toEqual(opened);
    // the other contract's returns: the same rows, still to be announced, nobody emailed
    expect(await returnIds(waiting)).toEqual(ids);
    expect(await returnsOf(waiting)).toEqual(waitingReturns);
    expect(await openedEmails(waitingRef)).toBe(0);
  });

  it("whose plan is edited to start earlier has the earlier returns at once", async () => {
    const reference = `LATE-EDITED-${Date.now() % 1_000_000}`;
    const registered = await registerLateHere(reference);
    await commitLateHere(registered.id, [lastQuarter]);
    // planned from last quarter: the quarter before it is not owed
    expect(await returnsOf(registered.id)).toEqual([`${quarterKey(lastQuarter)} NOT_STARTED announced`]);
    const commitment = await db.commitment.findFirstOrThrow({ where: { contractId: registered.id } });
    const saved = await updateCommitment(
      actor,
      registered.id,
      commitment.id,
      commitmentEditSchema.parse({
        measureId,
        targetQuantity: "20",
        plan: [
          { quarter: quarterKey(twoAgo), quantity: "10" },
          { quarter: quarterKey(lastQuarter), quantity: "10" },
        ],
        version: commitment.updatedAt.toISOString(),
      }),
    );
    expect(saved.ok).toBe(true);
    expect(await returnsOf(registered.id)).toEqual(opened);
    await jobAddsNothing(registered.id, reference);
  });
});

describe("returns an import opened for the next run to announce", () => {
  // The daily job's run on `now`, by its own window and announcement rule, over this contract alone: run over every
  // contract the file has made (over a hundred by now, each owing the quarter the run opens) it wrote some 300
  // emails and took seconds to minutes under load, for returns these tests do not look at.
  const nextRun = (now: Date, contractId: string) =>
    openReturnsForQuarter(now, undefined, { contractIds: [contractId] });

  it("are announced once, even when the next run's window has moved past the oldest of them", async () => {
    // a contract five quarters old: the import back-fills the oldest return the job ever opens (four before the
    // quarter just ended)
    let oldest = lastQuarter;
    for (let i = 0; i < 4; i++) oldest = previousQuarter(oldest);
    const reference = `LATE-WINDOW-${Date.now() % 1_000_000}`;
    const contractId = await importLeftForNextRun(reference, oldest);
    const quarters = [oldest];
    while (quarterKey(quarters.at(-1)!) !== quarterKey(lastQuarter))
      quarters.push(nextQuarter(quarters.at(-1)!));
    expect(await returnsOf(contractId)).toEqual(quarters.map((q) => `${quarterKey(q)} NOT_STARTED`));
    // the import ran on this quarter's last day, and the job runs the next morning, in a new quarter: its
    // window starts a quarter after the oldest return's
    const lastDay = quarterPeriod(currentQuarter.financialYear, currentQuarter.quarter).end;
    await db.kpiReturn.updateMany({
      where: { contractId },
      data: { createdAt: new Date(lastDay.getTime() + 17 * 3600_000) },
    });
    const nextMorning = new Date(lastDay.getTime() + 30 * 3600_000);
    const run = await nextRun(nextMorning, contractId);
    expect(run.quarter).toEqual(currentQuarter);
    // every return announced, the one for this quarter (now ended) opened and announced with them
    expect(await returnsOf(contractId)).toEqual(
      [...quarters, currentQuarter].map((q) => `${quarterKey(q)} NOT_STARTED announced`),
    );
    const oldestEmails = () =>
      db.emailOutbox.count({
        where: {
          template: "returns-opened",
          councilId: world.councilA.id,
          AND: [
            { text: { contains: reference } },
            { text: { contains: quarterLabel(oldest.financialYear, oldest.quarter) } },
          ],
        },
      });
    const sent = await oldestEmails();
    expect(sent).toBeGreaterThan(0);
    // the run after it sends it again to nobody
    await nextRun(new Date(nextMorning.getTime() + 24 * 3600_000), contractId);
    expect(await oldestEmails()).toBe(sent);
  });

  it("are not announced when they were opened long ago and left unannounced (years of old returns stay quiet)", async () => {
    let oldest = lastQuarter;
    for (let i = 0; i < 4; i++) oldest = previousQuarter(oldest);
    const reference = `LATE-QUIET-${Date.now() % 1_000_000}`;
    const contractId = await importLeftForNextRun(reference, oldest);
    const lastDay = quarterPeriod(currentQuarter.financialYear, currentQuarter.quarter).end;
    const nextMorning = new Date(lastDay.getTime() + 30 * 3600_000);
    // opened a month before the run and never announced (as returns were before the portal sent these emails)
    await db.kpiReturn.updateMany({
      where: { contractId },
      data: { createdAt: new Date(nextMorning.getTime() - 30 * 24 * 3600_000) },
    });
    await nextRun(nextMorning, contractId);
    const rows = await returnsOf(contractId);
    // the window's returns are announced as they always were; the one before it is not, a year late
    expect(rows[0]).toBe(`${quarterKey(oldest)} NOT_STARTED`);
    expect(rows.slice(1).every((r) => r.endsWith(" announced"))).toBe(true);
  });
});
