// The departmental report's tables (each contract's commitments and the totals by measure) were bare tables: at
// 320 px wide the whole page scrolled sideways (672 px). Each now scrolls inside its own box, as every other table
// of the portal does: a region named by the table's caption that takes keyboard focus, so it can be scrolled with
// the arrow keys.
import { expect, it } from "vitest";
import { createReturnsWorld } from "./returns-world.ts";
import { renderPage } from "../helpers/render-page.ts";

it("puts each of the report's tables in a focusable scrolling region named by its caption", async () => {
  const w = await createReturnsWorld();
  const html = (
    await (await renderPage("/council/reports?quarter=2026-Q1", w.cookies.officerA)).text()
  ).replace(/<!-- -->/g, "");
  const tables = [...html.matchAll(/<table[\s\S]*?<caption id="([^"]+)"[^>]*>([^<]*)</g)];
  expect(tables.length).toBeGreaterThanOrEqual(2); // a contract's commitments and the totals
  for (const [, id, caption] of tables) {
    const box = new RegExp(
      `<div class="relative overflow-x-auto[^"]*" role="region" aria-labelledby="${id}" tabindex="0"><table`,
    );
    expect(html, caption).toMatch(box);
  }
  expect(tables.map(([, , caption]) => caption).at(-1)).toMatch(/^Totals by measure/);
});
