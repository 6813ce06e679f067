// The returns a contracts import opened (for quarters already ended when it was imported) were announced to the
// supplier only at the next morning's scheduled run, while a contract registered by hand had its supplier told at
// once. An import now tells them at once too, through the outbox, one email for each return and supplier member,
// and the scheduled run sends no second one. A file opening more than IMPORT_ANNOUNCES_AT_ONCE returns (a council's
// whole register) still leaves them to that run, as writing thousands of emails would hold the officer's page.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { applyImport } from "~/domain/contracts/import.server.ts";
import { quarterLabel, quarterPeriod, type FinancialQuarter } from "~/domain/contracts/quarters.ts";
import { IMPORT_ANNOUNCES_AT_ONCE } from "~/domain/contracts/returns-due.server.ts";
import { openReturnsForQuarter } from "~/domain/reporting/returns-jobs.server.ts";
import { currentQuarter, iso, lastQuarter, lateTerm, twoAgo } from "../helpers/late-contract.ts";
import { createImportWorld } from "./contracts-world.ts";

const HEADER =
  "contract_reference,contract_title,supplier_company_number,supplier_name,department,contract_manager_email,value_gbp,awarded_on,start_date,end_date,plan_reference,status,terminated_on,measure_code,target_quantity,delivery_plan,qualitative_commitment,narrative";

let world: Awaited<ReturnType<typeof createImportWorld>>;
let actor: { councilId: string; actorUserId: string; ipAddress: string | null };

// the contract started two quarters ago: those two have ended, the one it is in now has not
const { startDate, endDate } = lateTerm;
const label = (q: FinancialQuarter) => quarterLabel(q.financialYear, q.quarter);

/** The "return opened" emails about this contract, as "address: subject", sorted. */
async function openedEmails(reference: string) {
  const rows = await db.emailOutbox.findMany({
    where: { template: "returns-opened", councilId: world.councilA.id, text: { contains: reference } },
    select: { to: true, subject: true },
  });
  return rows.map((r) => `${r.to}: ${r.subject}`).sort();
}

async function supplierAddresses() {
  const members = await db.membership.findMany({
    where: { organisationId: world.supplier.id },
    select: { user: { select: { email: true } } },
  });
  return members.map((m) => m.user.email);
}

beforeAll(async () => {
  world = await createImportWorld();
  actor = { councilId: world.councilA.id, actorUserId: world.users.officerA.id, ipAddress: null };
});

describe("a contracts import that opens returns", () => {
  it("tells the supplier at once, one email for each return, and the scheduled run sends none again", async () => {
    const reference = `S45-IMPORT-${Date.now() % 1_000_000}`;
    const plan = [twoAgo, lastQuarter, currentQuarter].map((q) => `${label(q)}=10`).join("; ");
    const result = await applyImport(
      actor,
      [
        HEADER,
        `${reference},Works,${world.companyNumber},,Resources,,100,,${startDate},${endDate},,Active,,SOC-01,30,${plan},,`,
      ].join("\n") + "\n",
    );
    expect(result.ok).toBe(true);
    const contract = await db.contract.findFirstOrThrow({ where: { reference } });
    const returns = await db.kpiReturn.findMany({
      where: { contractId: contract.id },
      orderBy: [{ financialYear: "asc" }, { quarter: "asc" }],
    });
    expect(returns.map((r) => [r.financialYear, r.quarter])).toEqual([
      [twoAgo.financialYear, twoAgo.quarter],
      [lastQuarter.financialYear, lastQuarter.quarter],
    ]);
    // each return recorded as announced, and its email waiting in the outbox for every member of the supplier
    expect(returns.every((r) => r.openedNoticeSentAt !== null)).toBe(true);
    const addresses = await supplierAddresses();
    expect(addresses.length).toBeGreaterThan(0);
    const emails = await openedEmails(reference);
    expect(emails).toHaveLength(addresses.length * returns.length);
    expect(new Set(emails).size).toBe(emails.length);
    expect(new Set(emails.map((e) => e.split(": ")[0]))).toEqual(new Set(addresses));
    for (const q of [twoAgo, lastQuarter])
      expect(emails.filter((e) => e.includes(label(q)))).toHaveLength(addresses.length);

    // the scheduled run, as at 06:00: no second email
    await openReturnsForQuarter(new Date());
    expect(await openedEmails(reference)).toEqual(emails);
  });

  it("opening more returns than it tells at once leaves them all to the scheduled run, which tells each once", async () => {
    const prefix = `S45-BIG-${Date.now() % 1_000_000}-`;
    const plan = [twoAgo, lastQuarter, currentQuarter].map((q) => `${label(q)}=10`).join("; ");
    // two ended quarters each: one return more than an import tells at once
    const contracts = Math.floor(IMPORT_ANNOUNCES_AT_ONCE / 2) + 1;
    const rows = Array.from(
      { length: contracts },
      (_, i) =>
        `${prefix}${i},Works ${i},${world.companyNumber},,Resources,,100,,${startDate},${endDate},,Active,,SOC-01,30,${plan},,`,
    );
    const result = await applyImport(actor, [HEADER, ...rows].join("\n") + "\n");
    expect(result.ok).toBe(true);
    const ofFile = { contract: { reference: { startsWith: prefix } } };
    expect(await db.kpiReturn.count({ where: ofFile })).toBe(contracts * 2);
    expect(await db.kpiReturn.count({ where: { ...ofFile, openedNoticeSentAt: { not: null } } })).toBe(0);
    expect(await openedEmails(prefix)).toEqual([]);

    await openReturnsForQuarter(new Date());
    expect(await db.kpiReturn.count({ where: { ...ofFile, openedNoticeSentAt: null } })).toBe(0);
    const emails = await openedEmails(prefix);
    expect(emails).toHaveLength(contracts * 2 * (await supplierAddresses()).length);
    await openReturnsForQuarter(new Date());
    expect(await openedEmails(prefix)).toEqual(emails);
  }, 120_000);

  it("sends nothing for a contract whose quarters have not ended", async () => {
    const reference = `S45-IMPORT-NEW-${Date.now() % 1_000_000}`;
    const start = iso(quarterPeriod(currentQuarter.financialYear, currentQuarter.quarter).start);
    const result = await applyImport(
      actor,
      [
        HEADER,
        `${reference},Works,${world.companyNumber},,Resources,,100,,${start},${endDate},,Active,,SOC-01,10,${label(currentQuarter)}=10,,`,
      ].join("\n") + "\n",
    );
    expect(result.ok).toBe(true);
    const contract = await db.contract.findFirstOrThrow({ where: { reference } });
    expect(await db.kpiReturn.count({ where: { contractId: contract.id } })).toBe(0);
    expect(await openedEmails(reference)).toEqual([]);
  });
});
