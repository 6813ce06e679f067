// A return's figure typed with its thousands spaced ("1 500", as people write them and as Word or Excel pastes them
// with a no-break space) is taken, and one spaced anywhere else ("15 00") is refused beside the figure, kept as
// typed, not saved as another number (the form took every space out, so "1 5" was saved as 15). A draft's amount in
// pounds saved as 1250.5 comes back into its box as "1,250.50", not "1250.5".
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";
import { createReturnsWorld, sendReturn } from "./returns-world.ts";

beforeAll(() => renderPage("/"));

const quantityBox = (html: string) =>
  /<input[^>]*name="lines\[0\]\.quantity"[^>]*value="([^"]*)"/.exec(html)?.[1];
const quantityError = (html: string) =>
  readableText(/<p id="lines\[0\]\.quantity-error"[^>]*>(.*?)<\/p>/.exec(html)?.[1] ?? "").trim();
const storedFigure = async (w: Awaited<ReturnType<typeof createReturnsWorld>>) =>
  (
    await db.kpiReturnLine.findFirst({
      where: { returnId: w.kpiReturn.id, commitmentId: w.hoursCommitment.id },
    })
  )?.quantity?.toString();
const draftPage = async (w: Awaited<ReturnType<typeof createReturnsWorld>>) =>
  (await renderPage(`/returns/${w.kpiReturn.id}`, w.cookies.supplierOwner)).text();

describe("a return figure with its thousands spaced", () => {
  it("is saved, in hours, and shown again grouped", async () => {
    const w = await createReturnsWorld();
    const saved = await sendReturn(w, "save", { hours: "1\u00a0500" });
    expect(saved.status).toBe(302);
    expect(await storedFigure(w)).toBe("1500");
    expect(quantityBox(await draftPage(w))).toBe("1,500");
  });

  it("is saved, in pounds, and the draft shows the amount as people write it", async () => {
    const w = await createReturnsWorld();
    await db.measure.update({ where: { id: w.hours.id }, data: { unit: "GBP" } });
    expect((await sendReturn(w, "save", { hours: "£1 500 000" })).status).toBe(302);
    expect(await storedFigure(w)).toBe("1500000");
    expect(quantityBox(await draftPage(w))).toBe("1,500,000.00");

    expect((await sendReturn(w, "save", { hours: "£1,250.5" })).status).toBe(302);
    expect(await storedFigure(w)).toBe("1250.5");
    expect(quantityBox(await draftPage(w))).toBe("1,250.50");

    // refused for another answer: the figure comes back exactly as typed, the draft as it was
    const refused = await sendReturn(w, "save", { hours: "£2 250.5", evidenceUrl: "timesheets folder" });
    expect(refused.status).toBe(400);
    expect(quantityBox(await refused.text())).toBe("£2 250.5");
    expect(await storedFigure(w)).toBe("1250.5");
  });

  it("spaced anywhere but between thousands is refused beside the figure, kept as typed, nothing saved", async () => {
    const w = await createReturnsWorld();
    for (const typed of ["15 00", "1 5", "1,5 00"]) {
      const response = await sendReturn(w, "save", { hours: typed });
      expect(response.status, typed).toBe(400);
      const html = await response.text();
      expect(quantityError(html), typed).toBe(
        "Error: Enter the amount for Volunteering hours with commas or spaces only between thousands, like 1,250 or 1 250, and a full stop before any decimals",
      );
      expect(quantityBox(html), typed).toBe(typed);
    }
    expect(await db.kpiReturnLine.count({ where: { returnId: w.kpiReturn.id } })).toBe(0);
  });
});
