// A partnership officer on council A's contracts list (`/contracts?council=A`) with council B chosen in the header
// switcher followed "Import contracts from a CSV file" to /contracts/import, which imported the file for B, the
// switcher's council. The list's link now names the council, and the import page takes `?council=` (that council's
// officers only, 404 to anyone else) for its page and its upload, so the file is imported for the council shown.
import { beforeAll, describe, expect, it } from "vitest";
import { ORGANISATION_COOKIE } from "~/auth/permissions.server.ts";
import { db } from "~/db.server.ts";
import { DEFAULT_MEASURES } from "~/domain/contracts/default-measures.ts";
import {
  createCouncil,
  createMember,
  createPartnershipMember,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { postPage, readableMainText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let onB: string;
let outsider: string;
const companyNumber = String((Date.now() + 4041) % 100_000_000).padStart(8, "0");
const reference = `PARAM-IMPORT-${companyNumber}`;
const CSV = [
  "contract_reference,contract_title,supplier_company_number,department,value_gbp,start_date,end_date,measure_code,target_quantity,delivery_plan,qualitative_commitment",
  `${reference},Works,${companyNumber},Parks,5000,2026-04-01,2027-03-31,JOB-02,4,Q1 2026/27=4,`,
].join("\n");

beforeAll(async () => {
  await renderPage("/");
  world = await createWorld();
  await db.organisation.update({ where: { id: world.supplier.id }, data: { companyNumber } });
  for (const council of [world.councilA, world.councilB])
    await db.measure.createMany({ data: DEFAULT_MEASURES.map((m) => ({ ...m, councilId: council.id })) });
  // council B's officer, partnership-wide: works for council A too, with council B chosen in the header switcher
  const officer = await createPartnershipMember(world.councilB.id, "OFFICER");
  onB = `${await sessionCookieFor(officer.id)}; ${ORGANISATION_COOKIE}=${world.councilB.id}`;
  outsider = await sessionCookieFor((await createMember((await createCouncil()).id, "OFFICER")).id);
});

const mainOf = (html: string) => html.slice(html.indexOf("<main"), html.indexOf("</main>"));
const hrefs = (html: string) =>
  [...mainOf(html).matchAll(/href="([^"]+)"/g)].map(([, href]) => href!.replaceAll("&amp;", "&"));

function upload(intent: "preview" | "import", values: { csv?: string; upload?: string }) {
  const form = new FormData();
  form.append("intent", intent);
  if (values.csv) form.append("file", new File([values.csv], "contracts.csv", { type: "text/csv" }));
  if (values.upload) form.append("upload", values.upload);
  return form;
}

describe("importing from the contracts list opened for a council the address names", () => {
  it("links to the import page for that council, and plainly when no council is named", async () => {
    const named = await renderPage(`/contracts?council=${world.councilA.id}`, onB);
    expect(hrefs(await named.text())).toContain(`/contracts/import?council=${world.councilA.id}`);
    const plain = await renderPage("/contracts", onB);
    expect(hrefs(await plain.text())).toContain("/contracts/import");
  });

  it("shows the page for that council, not the switcher's", async () => {
    const page = await renderPage(`/contracts/import?council=${world.councilA.id}`, onB);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(readableMainText(html)).toContain(world.councilA.name);
    expect(hrefs(html)).toContain(`/contracts?council=${world.councilA.id}`);
  });

  it("imports the file for that council", async () => {
    const location = `/contracts/import?council=${world.councilA.id}`;
    const preview = await postPage(location, upload("preview", { csv: CSV }), onB);
    expect(preview.status).toBe(200);
    const token = /name="upload" value="([^"]+)"/.exec(await preview.text())?.[1];
    expect(token).toBeTruthy();
    const done = await postPage(location, upload("import", { upload: token }), onB);
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe(`/contracts?council=${world.councilA.id}`);
    const stored = await db.contract.findMany({ where: { reference }, select: { councilId: true } });
    expect(stored).toEqual([{ councilId: world.councilA.id }]);
  });

  it("answers 404 to an officer of another council, for the page and the upload", async () => {
    const location = `/contracts/import?council=${world.councilA.id}`;
    expect((await renderPage(location, outsider)).status).toBe(404);
    expect((await postPage(location, upload("preview", { csv: CSV }), outsider)).status).toBe(404);
  });
});
