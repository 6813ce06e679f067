// The contract, commitment, measure and return forms posted with a field repeated (name=a&name=b), as a hostile or
// broken client sends it. Conform read the field as a list: the page came back with "a,b" in the field and an
// "Enter …" message (or "Invalid input") for a field that had been answered. Each form now keeps the first answer in
// the field, says on it that different answers were sent and saves nothing; the same answer twice goes through.
// A return's lines and a review's line comments are named per line ("lines[0].quantity"): they are checked too.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { HIDDEN_SENT_TWICE, SENT_TWICE } from "~/server/parse-form.server.ts";
import { contractEditForm, newContractForm } from "../helpers/contract-forms.ts";
import { createCommitment, createContract, createMeasure, unique } from "../helpers/factories.ts";
import { postPage } from "../helpers/render-page.ts";
import { errorOn, sentTwice, shownIn, watchConsoleErrors } from "../helpers/sent-twice.ts";
import { createContractsWorld, createYearContract, type ContractsWorld } from "./contracts-world.ts";
import { createSubmittedReturnWorld } from "./returns-review-world.ts";
import { createReturnsWorld, returnForm } from "./returns-world.ts";

let w: ContractsWorld;
beforeAll(async () => {
  w = await createContractsWorld();
});

const consoleErrors = watchConsoleErrors();

/** A measure code of its own starting with `prefix`, as the measure form takes it (capitals, digits, dashes). */
const measureCode = (prefix: string) =>
  unique(prefix)
    .toUpperCase()
    .replace(/[^A-Z0-9-]/g, "")
    .slice(0, 20);

type Case = {
  form: string;
  field: string;
  first: string;
  second: string;
  /** The page, who sends the form, the form as its page sends it, and what it saves. */
  setUp: () => Promise<{
    page: string;
    cookie: string;
    values: (answer: string) => Record<string, string>;
    saved: (answer: string) => Promise<boolean>;
  }>;
};

const CASES: Case[] = [
  {
    form: "registering a contract",
    field: "title",
    first: "Highways maintenance",
    second: "Street lighting",
    setUp: async () => {
      const reference = unique("REG");
      return {
        page: "/contracts/new",
        cookie: w.officer,
        values: (title) => newContractForm(w.supplier.id, { reference, title }),
        saved: async (title) =>
          (await db.contract.count({ where: { councilId: w.councilA.id, reference, title } })) === 1,
      };
    },
  },
  {
    form: "changing a contract",
    field: "title",
    first: "Highways maintenance and gritting",
    second: "Street lighting",
    setUp: async () => {
      const contract = await createYearContract(w);
      return {
        page: `/contracts/${contract.id}/edit`,
        cookie: w.officer,
        values: (title) => contractEditForm(contract, { title }),
        saved: async (title) =>
          (await db.contract.findUniqueOrThrow({ where: { id: contract.id } })).title === title,
      };
    },
  },
  {
    form: "changing a commitment",
    field: "narrative",
    first: "Timesheets each quarter",
    second: "No timesheets",
    setUp: async () => {
      const contract = await createYearContract(w);
      const hours = await createMeasure({ councilId: w.councilA.id, unit: "HOURS", code: unique("HRS") });
      const commitment = await createCommitment({
        contractId: contract.id,
        measureId: hours.id,
        targetQuantity: 100,
        plan: [1, 2, 3, 4].map((quarter) => ({ financialYear: 2026, quarter, targetQuantity: 25 })),
      });
      return {
        page: `/contracts/${contract.id}/commitments/${commitment.id}`,
        cookie: w.officer,
        values: (narrative) => ({
          intent: "save",
          measureId: hours.id,
          targetQuantity: "100",
          ...Object.fromEntries(
            [1, 2, 3, 4].flatMap((quarter, i) => [
              [`plan[${i}].quarter`, `2026-${quarter}`],
              [`plan[${i}].quantity`, "25"],
            ]),
          ),
          narrative,
          version: commitment.updatedAt.toISOString(),
        }),
        saved: async (narrative) =>
          (await db.commitment.findUniqueOrThrow({ where: { id: commitment.id } })).narrative === narrative,
      };
    },
  },
  {
    form: "adding a measure",
    field: "name",
    first: "Apprenticeship weeks",
    second: "Work placements",
    setUp: async () => {
      const code = measureCode("APP");
      return {
        page: "/council/measures/new",
        cookie: w.admin,
        values: (name) => ({
          code,
          name,
          theme: "SOCIAL",
          unit: "WEEKS",
          proxyValueGbp: "",
          helpText: "",
          frameworkMapping: "",
        }),
        saved: async (name) =>
          (await db.measure.count({ where: { councilId: w.councilA.id, code, name } })) === 1,
      };
    },
  },
  {
    form: "changing a measure",
    field: "name",
    first: "Staff volunteering hours",
    second: "Volunteering days",
    setUp: async () => {
      const measure = await createMeasure({
        councilId: w.councilA.id,
        code: measureCode("VOL"),
        name: "Volunteering hours",
        theme: "SOCIAL",
        unit: "HOURS",
        contributingHelpTypes: ["VOLUNTEERING"],
      });
      return {
        page: `/council/measures/${measure.id}`,
        cookie: w.admin,
        values: (name) => ({
          intent: "save",
          code: measure.code,
          name,
          theme: "SOCIAL",
          unit: "HOURS",
          contributingHelpTypes: "VOLUNTEERING",
          proxyValueGbp: "",
          helpText: "",
          frameworkMapping: "",
          version: measure.updatedAt.toISOString(),
        }),
        saved: async (name) =>
          (await db.measure.findUniqueOrThrow({ where: { id: measure.id } })).name === name,
      };
    },
  },
  {
    form: "a return's line",
    field: "lines[0].quantity",
    first: "10",
    second: "12",
    setUp: async () => {
      const r = await createReturnsWorld();
      return {
        page: `/returns/${r.kpiReturn.id}`,
        cookie: r.cookies.supplierOwner,
        values: (hours) => returnForm(r, "save", { hours }),
        saved: async (hours) =>
          (await db.kpiReturnLine.count({
            where: { returnId: r.kpiReturn.id, commitmentId: r.hoursCommitment.id, quantity: Number(hours) },
          })) === 1,
      };
    },
  },
  {
    form: "a review's query on a line",
    field: "lineComments[0].comment",
    first: "Please attach the timesheets",
    second: "Please say who volunteered",
    setUp: async () => {
      const r = await createSubmittedReturnWorld();
      return {
        page: `/returns/${r.kpiReturn.id}/review`,
        cookie: r.cookies.officerA,
        values: (comment) => ({
          intent: "query",
          submittedAt: r.submittedAt,
          comment: "",
          "lineComments[0].commitmentId": r.hoursCommitment.id,
          "lineComments[0].comment": comment,
          "lineComments[1].commitmentId": r.eventsCommitment.id,
          "lineComments[1].comment": "",
        }),
        saved: async () =>
          (await db.kpiReturn.findUniqueOrThrow({ where: { id: r.kpiReturn.id } })).status === "QUERIED",
      };
    },
  },
];

describe.each(CASES)("$form with $field sent twice", ({ field, first, second, setUp }) => {
  it("with different answers: refused on that field, the first answer shown in it, nothing saved", async () => {
    const { page, cookie, values, saved } = await setUp();
    const response = await postPage(page, sentTwice(values(first), field, first, second), cookie);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(errorOn(html, field)).toContain(SENT_TWICE);
    expect(shownIn(html, field)).toBe(first);
    expect(html).not.toContain(`${first},${second}`);
    expect(consoleErrors).not.toHaveBeenCalled();
    expect(await saved(first)).toBe(false);
    expect(await saved(second)).toBe(false);
  });

  it("with the same answer: saved", async () => {
    const { page, cookie, values, saved } = await setUp();
    const response = await postPage(page, sentTwice(values(first), field, first, first), cookie);
    expect(response.status).toBe(302);
    expect(await saved(first)).toBe(true);
  });
});

describe("a commitment removed with its version sent twice", () => {
  it("with different versions: not removed", async () => {
    const contract = await createContract({
      councilId: w.councilA.id,
      supplierOrganisationId: w.supplier.id,
    });
    const measure = await createMeasure({ councilId: w.councilA.id, unit: "HOURS" });
    const commitment = await createCommitment({ contractId: contract.id, measureId: measure.id });
    const version = commitment.updatedAt.toISOString();
    const response = await postPage(
      `/contracts/${contract.id}/commitments/${commitment.id}/remove`,
      sentTwice({ version }, "version", version, new Date(0).toISOString()),
      w.officer,
    );
    expect(response.status).toBe(400);
    // the version is the page's own hidden field: the form is refused as a whole (forms-s32-hidden-sent-twice)
    expect(await response.text()).toContain(HIDDEN_SENT_TWICE);
    expect(await db.commitment.count({ where: { id: commitment.id } })).toBe(1);
  });
});
