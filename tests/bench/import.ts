// The contracts CSV import timed on a 5,000-row file (2,500 contracts, 5,000 commitments, 20,000 plan rows): its
// preview, then the import itself. Run by `npm run bench` (tests/bench/run.ts) against the benchmark database,
// in a council of its own ("Benchmark Import Council", which run.ts leaves out when it picks a council to measure)
// whose contracts are deleted before and after, so every run imports them anew and none stays behind.
// Prints one line of JSON: { previewMs, importMs }.
import { db } from "~/db.server.ts";
import { DEFAULT_MEASURES } from "~/domain/contracts/default-measures.ts";
import { applyImport, previewImport } from "~/domain/contracts/import.server.ts";

const HEADER =
  "contract_reference,contract_title,supplier_company_number,supplier_name,department,contract_manager_email,value_gbp,awarded_on,start_date,end_date,plan_reference,status,measure_code,target_quantity,delivery_plan,qualitative_commitment,narrative";
const COMPANY_NUMBER = "BENCH001";

async function benchCouncil() {
  const name = "Benchmark Import Council";
  const council =
    (await db.organisation.findFirst({ where: { kind: "COUNCIL", name }, select: { id: true } })) ??
    (await db.organisation.create({
      data: { kind: "COUNCIL", name, status: "VERIFIED" },
      select: { id: true },
    }));
  await db.measure.createMany({
    data: DEFAULT_MEASURES.map((m) => ({ ...m, councilId: council.id })),
    skipDuplicates: true,
  });
  const supplier = await db.organisation.findFirst({
    where: { kind: "SUPPLIER", companyNumber: COMPANY_NUMBER },
    select: { id: true },
  });
  if (!supplier)
    await db.organisation.create({
      data: {
        kind: "SUPPLIER",
        name: "Benchmark Import Supplies Ltd",
        status: "VERIFIED",
        councilId: council.id,
        companyNumber: COMPANY_NUMBER,
      },
    });
  // the actor of the import's audit entries: any user will do, as the council's own staff would
  const actor = await db.user.findFirstOrThrow({
    where: { email: "officer@demo.test" },
    select: { id: true },
  });
  await db.contract.deleteMany({ where: { councilId: council.id } });
  return { councilId: council.id, actorUserId: actor.id, ipAddress: null };
}

function fiveThousandRows() {
  const rows = [HEADER];
  for (let i = 0; i < 2500; i++) {
    const ref = `BENCH-${String(i).padStart(5, "0")}`;
    const contract = `${ref},Contract ${i},${COMPANY_NUMBER},,Dept ${i % 7},,${100000 + i},,2026-04-01,2028-03-31,PM3-${i},Active`;
    rows.push(
      `${contract},SOC-01,80,Q1 2026/27=10; Q2 2026/27=10; Q3 2026/27=10; Q4 2026/27=10; Q1 2027/28=10; Q2 2027/28=10; Q3 2027/28=10; Q4 2027/28=10,,`,
    );
    rows.push(`${contract},GRO-04,95,,,`);
  }
  return rows.join("\n") + "\n";
}

async function main() {
  const actor = await benchCouncil();
  const file = fiveThousandRows();
  const started = performance.now();
  const preview = await previewImport(actor.councilId, file);
  const previewMs = performance.now() - started;
  if (preview.errors.length)
    throw new Error(`the benchmark file has errors: ${JSON.stringify(preview.errors[0])}`);
  const importStarted = performance.now();
  const result = await applyImport(actor, file);
  const importMs = performance.now() - importStarted;
  if (!result.ok) throw new Error("the benchmark file was not imported");
  await db.contract.deleteMany({ where: { councilId: actor.councilId } });
  console.log(JSON.stringify({ previewMs: Math.round(previewMs), importMs: Math.round(importMs) }));
  await db.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
