// The records the returns tests start from: a contract held by `supplier` on council A, managed by
// officerA, with a numeric commitment (hours, planned 40 a quarter) and a qualitative one.
import { expect } from "vitest";
import { db } from "~/db.server.ts";
import { action as returnAction } from "~/routes/returns.$id._index/route.tsx";
import {
  createCommitment,
  createContract,
  createMeasure,
  createPledge,
  createRequest,
  createReturn,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { formOf, postPage } from "../helpers/render-page.ts";
import { callAction } from "../helpers/routes.ts";

export async function createReturnsWorld() {
  const world = await createWorld();
  const { councilA, supplier, users } = world;
  const hours = await createMeasure({ councilId: councilA.id, name: "Volunteering hours", unit: "HOURS" });
  const events = await createMeasure({ councilId: councilA.id, name: "Careers events", unit: "QUALITATIVE" });
  const contract = await createContract({
    councilId: councilA.id,
    supplierOrganisationId: supplier.id,
    contractManagerId: users.officerA.id,
    reference: "NCC-2401",
    title: "Highways maintenance",
    startDate: new Date("2026-04-01"),
    endDate: new Date("2027-03-31"),
  });
  const hoursCommitment = await createCommitment({
    contractId: contract.id,
    measureId: hours.id,
    targetQuantity: 160,
    plan: [1, 2, 3, 4].map((quarter) => ({ financialYear: 2026, quarter, targetQuantity: 40 })),
  });
  const eventsCommitment = await createCommitment({
    contractId: contract.id,
    measureId: events.id,
    qualitativeText: "Two careers events a year with local schools",
  });
  const kpiReturn = await createReturn({ contractId: contract.id, financialYear: 2026, quarter: 1 });
  const cookies = {
    supplierOwner: await sessionCookieFor(users.supplierOwner.id),
    supplierMember: await sessionCookieFor(users.supplierMember.id),
    otherSupplierOwner: await sessionCookieFor(users.otherSupplierOwner.id),
    officerA: await sessionCookieFor(users.officerA.id),
    officerB: await sessionCookieFor(users.officerB.id),
    vcseOwner: await sessionCookieFor(users.vcseOwner.id),
  };
  return { ...world, hours, events, contract, hoursCommitment, eventsCommitment, kpiReturn, cookies };
}

/** A confirmed marketplace pledge linked to the commitment, delivered on `deliveredOn`. */
export async function confirmedPledge(
  w: Awaited<ReturnType<typeof createReturnsWorld>>,
  quantity: number,
  deliveredOn: Date,
) {
  const request = await createRequest({
    councilId: w.councilA.id,
    organisationId: w.vcse.id,
    categoryId: w.category.id,
    quantity,
    status: "FULFILLED",
  });
  const pledge = await createPledge({
    requestId: request.id,
    supplierOrganisationId: w.supplier.id,
    commitmentId: w.hoursCommitment.id,
    quantity,
    status: "CONFIRMED",
  });
  return db.pledge.update({ where: { id: pledge.id }, data: { deliveredOn, confirmedAt: deliveredOn } });
}

/** The return form as the page sends it, for the world's two commitments in page order. */
export function returnForm(
  w: Awaited<ReturnType<typeof createReturnsWorld>>,
  intent: "save" | "submit" | `upload:${string}` | `remove-evidence:${string}`,
  values: {
    hours?: string;
    narrative?: string;
    note?: string;
    evidenceUrl?: string;
    declaration?: boolean;
  } = {},
) {
  return {
    intent,
    "lines[0].commitmentId": w.hoursCommitment.id,
    "lines[0].quantity": values.hours ?? "",
    "lines[0].note": values.note ?? "",
    "lines[0].evidenceUrl": values.evidenceUrl ?? "",
    "lines[1].commitmentId": w.eventsCommitment.id,
    "lines[1].narrative": values.narrative ?? "",
    "lines[1].note": "",
    "lines[1].evidenceUrl": "",
    ...(values.declaration ? { declaration: "on" } : {}),
  };
}

/** The supplier sends the return page's form (returnForm's answers) as a browser without JavaScript does. */
export function sendReturn(
  w: Awaited<ReturnType<typeof createReturnsWorld>>,
  intent: Parameters<typeof returnForm>[1],
  values?: Parameters<typeof returnForm>[2],
) {
  return postPage(
    `/returns/${w.kpiReturn.id}?index`,
    formOf(returnForm(w, intent, values)),
    w.cookies.supplierOwner,
  );
}

/** The supplier uploads a small PDF named `name` to the return's hours line (the form's Upload button, sent by the
 * route's action), then, if asked, sends the return; answers the stored file. */
export async function uploadEvidence(
  w: Awaited<ReturnType<typeof createReturnsWorld>>,
  name: string,
  { submit = false }: { submit?: boolean } = {},
) {
  const values = { hours: "10", narrative: "A careers fair", declaration: submit };
  const form = new FormData();
  for (const [field, value] of Object.entries(returnForm(w, `upload:${w.hoursCommitment.id}`, values)))
    form.append(field, value);
  form.append("lines[0].evidence", new File([Buffer.from(`%PDF-1.7\n% ${name}\n%%EOF\n`)], name));
  const call = {
    path: `/returns/${w.kpiReturn.id}`,
    params: { id: w.kpiReturn.id },
    cookie: w.cookies.supplierOwner,
  };
  expect((await callAction(returnAction, { ...call, form })).status).toBe(302);
  if (submit)
    expect((await callAction(returnAction, { ...call, form: returnForm(w, "submit", values) })).status).toBe(
      302,
    );
  return db.evidenceFile.findFirstOrThrow({
    where: { originalName: name, returnLine: { returnId: w.kpiReturn.id } },
  });
}

/** Evidence links carrying a user name or password, in each way a browser still reads one, beside the link as the
 * pages show it (withoutCredentials): the return form refuses each, the database stores none (the migration that
 * strips them, and its check). One list, so a case found later is checked everywhere. */
export const LINKS_WITH_CREDENTIALS: [stored: string, shown: string][] = [
  ["https://jo:Secret1@files.example.com/q1.pdf", "https://files.example.com/q1.pdf"],
  ["https://jo@files.example.com/q1.pdf", "https://files.example.com/q1.pdf"],
  ["https://:Secret1@files.example.com/q1.pdf", "https://files.example.com/q1.pdf"],
  ["https://@files.example.com/q1.pdf", "https://files.example.com/q1.pdf"],
  ["https://jo:p@ss@files.example.com/q1.pdf?x=1#y", "https://files.example.com/q1.pdf?x=1#y"],
  ["http:jo:Secret1@example.com", "http://example.com"],
  ["HTTPS:\\\\jo:Secret1@example.com/a", "HTTPS://example.com/a"],
  ["  https://jo:Secret1@example.com/a", "https://example.com/a"],
  ["ht\ttps://jo:Secret1@example.com/a", "https://example.com/a"],
];

/** Evidence links with an @ that is no user name or password: taken, shown and kept as given. */
export const LINKS_WITH_AN_AT = [
  "https://example.com/report.pdf",
  "https://example.com/people/@jo/posts",
  "https://example.com/share?owner=jo@example.com",
  "http://example.com/report#by@jo",
];
