// "£40" typed against an hours measure was saved as 40 hours: the return form took the pound sign off any figure.
// Sent without JavaScript, the form now comes back with the problem beside the figure, the figure as typed, and
// nothing saved.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";
import { createReturnsWorld, sendReturn } from "./returns-world.ts";

beforeAll(() => renderPage("/"));

describe("a return figure with a sign its measure does not take", () => {
  it("is refused beside the figure, kept as typed, and nothing is saved", async () => {
    const w = await createReturnsWorld();
    const response = await sendReturn(w, "save", { hours: "£40" });
    expect(response.status).toBe(400);
    const html = await response.text();
    const message =
      "Enter the amount for Volunteering hours without a £ sign: it is counted in hours, not pounds";
    const inline = /<p id="lines\[0\]\.quantity-error"[^>]*>(.*?)<\/p>/.exec(html)?.[1];
    expect(readableText(inline ?? "").trim()).toBe(`Error: ${message}`);
    expect(/<input[^>]*name="lines\[0\]\.quantity"[^>]*value="([^"]*)"/.exec(html)?.[1]).toBe("£40");
    expect(await db.kpiReturnLine.count({ where: { returnId: w.kpiReturn.id } })).toBe(0);
  });
});
