// The records the contracts page tests start from: createWorld's councils, supplier and people, with council A's
// officer (officerA) and admin signed in, once the app is put together (the first page rendered does that, which
// takes a while on a busy machine).
import crypto from "node:crypto";
import { db } from "~/db.server.ts";
import { DEFAULT_MEASURES } from "~/domain/contracts/default-measures.ts";
import { createContract, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";

export async function createContractsWorld() {
  await renderPage("/");
  const world = await createWorld();
  const officer = await sessionCookieFor(world.users.officerA.id);
  const admin = await sessionCookieFor(world.users.councilAdmin.id);
  return { ...world, officer, admin };
}

export type ContractsWorld = Awaited<ReturnType<typeof createContractsWorld>>;

let importWorlds = 0;
// where this run's numbers start: a second run against a database kept from the first does not repeat them
const firstNumber = crypto.randomInt(0, 10_000_000);

/** A company number no other import world of the database has: 8 digits with a leading 0, as Companies House
 * numbers of England and Wales are written, so a test may drop the 0 as spreadsheets do (the factories' random
 * numbers have no leading 0, so never meet these). */
function importCompanyNumber() {
  importWorlds += 1;
  return `0${String(1 + ((firstNumber + importWorlds) % 9_999_999)).padStart(7, "0")}`;
}

/** createWorld ready for a contracts import: the supplier has a company number of its own (`companyNumber`, for
 * the rows of a file to name it by; the import looks suppliers up across councils, so two worlds sharing one would
 * make every row ambiguous) and council A has the default measure library. */
export async function createImportWorld() {
  const world = await createWorld();
  const companyNumber = importCompanyNumber();
  await db.organisation.update({ where: { id: world.supplier.id }, data: { companyNumber } });
  await db.measure.createMany({
    data: DEFAULT_MEASURES.map((m) => ({ ...m, councilId: world.councilA.id })),
  });
  return { ...world, companyNumber };
}

/** Text as a UTF-16 file in either byte order: with a byte order mark, as Excel's "Unicode Text" saves it, or
 * without one (`bom: false`), as some systems write it. */
export function utf16File(text: string, order: "le" | "be", { bom = true } = {}) {
  const le = Buffer.from(bom ? `\ufeff${text}` : text, "utf16le");
  return new Uint8Array(order === "le" ? le : Buffer.from(le).swap16());
}

/** The bytes as an upload streams them, in chunks of `size` (so characters are cut in two). */
export function streamOf(bytes: Uint8Array, size: number) {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (let at = 0; at < bytes.length; at += size) controller.enqueue(bytes.slice(at, at + size));
      controller.close();
    },
  });
}

/** A contract between council A and the supplier running the 2026/27 financial year (one year of quarters). */
export function createYearContract(world: { councilA: { id: string }; supplier: { id: string } }) {
  return createContract({
    councilId: world.councilA.id,
    supplierOrganisationId: world.supplier.id,
    startDate: new Date("2026-04-01"),
    endDate: new Date("2027-03-31"),
  });
}

/** A form as the browser sends it, one field a value. */
export { formOf } from "../helpers/render-page.ts";
