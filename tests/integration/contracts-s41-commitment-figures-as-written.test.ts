// Changing a commitment showed its saved target and plan as "1250.50" and "40.00", not as anyone writes them: they
// now show as the contract value does, "1,250.50" for a measure in pounds and "1,250" or "12.5" for hours, and
// saved again as shown they are stored unchanged. A figure grouped wrongly ("1 5") is told how to group it, beside
// its field, kept as typed.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import type { MeasureUnit } from "~/generated/prisma/enums.ts";
import { createCommitment, createMeasure, unique } from "../helpers/factories.ts";
import { postPage, renderPage } from "../helpers/render-page.ts";
import { createContractsWorld, createYearContract, formOf, type ContractsWorld } from "./contracts-world.ts";

let w: ContractsWorld;
let contractId: string;

beforeAll(async () => {
  w = await createContractsWorld();
  contractId = (await createYearContract(w)).id;
});

const QUARTERS = ["2026-1", "2026-2", "2026-3", "2026-4"];
const escaped = (name: string) => name.replace(/[[\].]/g, (c) => `\\${c}`);
/** The value an input named `name` shows ("" for one shown empty), or undefined when there is no such input. */
const box = (html: string, name: string) => {
  const input = new RegExp(`<input[^>]*name="${escaped(name)}"[^>]*>`).exec(html)?.[0];
  return input === undefined ? undefined : (/value="([^"]*)"/.exec(input)?.[1] ?? "");
};
const errorOf = (html: string, field: string) =>
  new RegExp(`<p id="${escaped(field)}-error"[^>]*><span[^>]*>Error:\\s*</span>([^<]*)</p>`).exec(html)?.[1];

async function commitmentOf(unit: MeasureUnit, target: number, plan: number[]) {
  const measure = await createMeasure({ councilId: w.councilA.id, unit, code: unique("FIG") });
  const commitment = await createCommitment({
    contractId,
    measureId: measure.id,
    targetQuantity: target,
    plan: plan.map((targetQuantity, i) => ({ financialYear: 2026, quarter: i + 1, targetQuantity })),
  });
  return { measure, commitment, path: `/contracts/${contractId}/commitments/${commitment.id}` };
}

/** The edit form's target and its plan's four boxes, as the page shows them. */
async function shown(path: string) {
  const html = await (await renderPage(path, w.officer)).text();
  return {
    target: box(html, "targetQuantity"),
    plan: QUARTERS.map((_, i) => box(html, `plan[${i}].quantity`)),
  };
}

async function send(
  c: Awaited<ReturnType<typeof commitmentOf>>,
  figures: { target: string | undefined; plan: (string | undefined)[] },
) {
  const version = (await db.commitment.findUniqueOrThrow({ where: { id: c.commitment.id } })).updatedAt;
  const values: Record<string, string> = {
    intent: "save",
    measureId: c.measure.id,
    targetQuantity: figures.target ?? "",
    narrative: "Checked",
    version: version.toISOString(),
  };
  QUARTERS.forEach((quarter, i) => {
    values[`plan[${i}].quarter`] = quarter;
    values[`plan[${i}].quantity`] = figures.plan[i] ?? "";
  });
  return postPage(c.path, formOf(values), w.officer);
}

async function stored(commitmentId: string) {
  const saved = await db.commitment.findUniqueOrThrow({
    where: { id: commitmentId },
    include: { plan: { orderBy: { quarter: "asc" } } },
  });
  return {
    target: saved.targetQuantity?.toFixed(2),
    plan: saved.plan.map((p) => `${p.quarter}: ${p.targetQuantity.toFixed(2)}`),
  };
}

describe("a commitment's figures in its edit form", () => {
  it("in pounds show as an amount is written, and save back unchanged", async () => {
    const c = await commitmentOf("GBP", 1250.5, [1000.5, 250]);
    const figures = await shown(c.path);
    expect(figures).toEqual({ target: "1,250.50", plan: ["1,000.50", "250.00", "", ""] });

    const response = await send(c, figures);
    expect(response.status).toBe(302);
    expect(await stored(c.commitment.id)).toEqual({ target: "1250.50", plan: ["1: 1000.50", "2: 250.00"] });
    expect((await db.commitment.findUniqueOrThrow({ where: { id: c.commitment.id } })).narrative).toBe(
      "Checked",
    );
  });

  it("counted in hours show grouped, with only the decimals they have, and save back unchanged", async () => {
    const c = await commitmentOf("HOURS", 2500.5, [1250, 1250.5]);
    const figures = await shown(c.path);
    expect(figures).toEqual({ target: "2,500.5", plan: ["1,250", "1,250.5", "", ""] });

    expect((await send(c, figures)).status).toBe(302);
    expect(await stored(c.commitment.id)).toEqual({ target: "2500.50", plan: ["1: 1250.00", "2: 1250.50"] });
  });

  it("as a percentage show as typed, and save back unchanged", async () => {
    const c = await commitmentOf("PERCENT", 95, []);
    const figures = await shown(c.path);
    expect(figures.target).toBe("95");
    expect((await send(c, figures)).status).toBe(302);
    expect(await stored(c.commitment.id)).toEqual({ target: "95.00", plan: [] });
  });

  it("grouped wrongly are told how to group them beside their fields, kept as typed, and nothing is saved", async () => {
    const c = await commitmentOf("HOURS", 40, [40]);
    const response = await send(c, { target: "1 5", plan: ["0,500"] });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(errorOf(html, "targetQuantity")).toBe(
      "Enter the target with commas or spaces only between thousands, like 1,250 or 1 250, and a full stop before any decimals",
    );
    expect(errorOf(html, "plan[0].quantity")).toBe(
      "Enter the plan for Q1 2026/27 with commas or spaces only between thousands, like 1,250 or 1 250, and a full stop before any decimals",
    );
    expect(box(html, "targetQuantity")).toBe("1 5");
    expect(box(html, "plan[0].quantity")).toBe("0,500");
    expect(await stored(c.commitment.id)).toEqual({ target: "40.00", plan: ["1: 40.00"] });
  });
});
