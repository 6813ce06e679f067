// The quarterly departmental report said "all" for every department, so a council's own department called "all"
// could not be chosen: choosing it showed (and downloaded) every department's contracts. Every department is now
// the empty value, which no department can be named; a department called "all" or "All" is itself, and a link
// made before with department=all still shows every department while the council has no department called "all".
import { beforeAll, describe, expect, it } from "vitest";
import { loader as csvLoader } from "~/routes/council.reports.departmental[.]csv.ts";
import { createContract, createWorld, sessionCookieFor, unique } from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";
import { callLoader } from "../helpers/routes.ts";

// council A has a department called "all"; council B one called "All" (and none called "all")
const councils = { A: { id: "", officer: "" }, B: { id: "", officer: "" } };
const ref = {
  lowerAll: unique("ALL-LOWER"),
  highwaysA: unique("HIGHWAYS-A"),
  capitalAll: unique("ALL-CAPITAL"),
  highwaysB: unique("HIGHWAYS-B"),
};

beforeAll(async () => {
  const world = await createWorld();
  councils.A = { id: world.councilA.id, officer: await sessionCookieFor(world.users.officerA.id) };
  councils.B = { id: world.councilB.id, officer: await sessionCookieFor(world.users.officerB.id) };
  for (const [council, department, reference] of [
    ["A", "all", ref.lowerAll],
    ["A", "Highways", ref.highwaysA],
    ["B", "All", ref.capitalAll],
    ["B", "Highways", ref.highwaysB],
  ] as const) {
    await createContract({
      councilId: councils[council].id,
      supplierOrganisationId: world.supplier.id,
      department,
      reference,
    });
  }
});

type Council = keyof typeof councils;

async function pageText(search: string, council: Council) {
  const response = await renderPage(`/council/reports${search}`, councils[council].officer);
  expect(response.status).toBe(200);
  const html = await response.text();
  return { html, text: readableMainText(html) };
}

async function csv(search: string, council: Council) {
  const { id, officer } = councils[council];
  const response = await callLoader(csvLoader, {
    path: `/council/reports/departmental.csv${search}&council=${id}`,
    cookie: officer,
  });
  expect(response.status).toBe(200);
  return { fileName: response.headers.get("content-disposition"), body: await response.text() };
}

// A department chosen by its name, "all" or "All": on the page and in the CSV, only its contracts, under its name.
describe.each([
  { department: "all", council: "A" as const, own: ref.lowerAll, other: ref.highwaysA },
  { department: "All", council: "B" as const, own: ref.capitalAll, other: ref.highwaysB },
])("a department called $department, in council $council", ({ department, council, own, other }) => {
  const search = `?quarter=2026-Q2&department=${department}`;

  it("is chosen as itself on the page: only its contracts, under its own name", async () => {
    const { text } = await pageText(search, council);
    expect(text).not.toContain("There is a problem");
    expect(text).toContain(`Social value delivery: ${department}, `);
    expect(text).toContain(own);
    expect(text).not.toContain(other);
  });

  it("downloads as itself in the CSV", async () => {
    const file = await csv(search, council);
    expect(file.fileName).toContain("social-value-2026-q2-all.csv");
    expect(file.body).toContain(own);
    expect(file.body).not.toContain(other);
  });
});

// Every department, as the empty value, or as department=all from a link made before in a council with no
// department called "all": every department's contracts on the page and in the CSV.
describe.each([
  { how: "the empty value", department: "", council: "A" as const, contracts: [ref.lowerAll, ref.highwaysA] },
  {
    how: "a link made before (department=all) where no department is called all",
    department: "all",
    council: "B" as const,
    contracts: [ref.capitalAll, ref.highwaysB],
  },
])("every department, as $how", ({ department, council, contracts }) => {
  const search = `?quarter=2026-Q2&department=${department}`;

  it("shows every department on the page and in the CSV", async () => {
    const { text } = await pageText(search, council);
    expect(text).toContain("Social value delivery: All departments, ");
    for (const reference of contracts) expect(text).toContain(reference);
    const file = await csv(search, council);
    expect(file.fileName).toContain("all-departments");
    for (const reference of contracts) expect(file.body).toContain(reference);
  });
});

describe("the department box", () => {
  it("offers a department called all beside All departments, whose value names no department", async () => {
    const { html } = await pageText("?quarter=2026-Q2", "A");
    const select = /<select[^>]*name="department"[^>]*>([\s\S]*?)<\/select>/.exec(html)?.[1] ?? "";
    expect(select).toMatch(/<option value=""[^>]*>All departments<\/option>/);
    expect(select).toMatch(/<option value="all">all<\/option>/);
  });
});
