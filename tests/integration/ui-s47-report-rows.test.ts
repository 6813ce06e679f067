// The departmental report drew its rows twice, once for each contract's commitments and once for the totals by
// measure, in two near-identical copies that could drift apart (a column's alignment or a dash for no figure
// changed in one only). One row component draws both: every row of every table has the same cells, and a
// qualitative commitment still says in words whether it was reported, with a dash where it has no amount.
import { expect, it } from "vitest";
import { createReturnsWorld } from "./returns-world.ts";
import { renderPage } from "../helpers/render-page.ts";

const cellsOf = (row: string) =>
  [...row.matchAll(/<(th|td)\b[^>]*class="([^"]*)"/g)].map(([, tag, c]) => `${tag}.${c}`);

it("draws the rows of a contract's commitments and of the totals with the same cells", async () => {
  const w = await createReturnsWorld();
  const html = (
    await (await renderPage("/council/reports?quarter=2026-Q1", w.cookies.officerA)).text()
  ).replace(/<!-- -->/g, "");
  const bodies = [...html.matchAll(/<tbody>([\s\S]*?)<\/tbody>/g)].map(([, body]) => body!);
  expect(bodies.length).toBe(2); // the contract's commitments, then the totals
  const rows = bodies.map((body) => [...body.matchAll(/<tr\b[\s\S]*?<\/tr>/g)].map(([row]) => row));
  const [commitments, totals] = rows;
  expect(commitments).toHaveLength(2); // hours and the careers events
  expect(totals!.length).toBeGreaterThan(0);
  const shape = cellsOf(commitments![0]!);
  expect(shape).toHaveLength(7);
  for (const row of [...commitments!, ...totals!]) expect(cellsOf(row)).toEqual(shape);
  const careers = commitments!.find((row) => row.includes("Careers events"))!;
  expect(careers).toContain("Two careers events a year with local schools");
  expect(careers).toMatch(/>–</);
});
