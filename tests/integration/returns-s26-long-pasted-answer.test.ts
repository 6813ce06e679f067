// A supplier who pasted a long report (over 64 KB) into "What did you deliver this quarter?" got "Sorry, there is a
// problem with the service. Try again later." (a 413 error page), and lost everything else they had typed in the
// return. Now the form comes back saying how long the answer may be, with their other answers kept, and nothing
// saved.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { postPage, readableText, renderPage } from "../helpers/render-page.ts";
import { createReturnsWorld, returnForm } from "./returns-world.ts";

beforeAll(() => renderPage("/"));

describe("a narrative far longer than an answer may be", () => {
  it("is refused beside the answer, the rest of the return kept as typed, nothing saved", async () => {
    const w = await createReturnsWorld();
    const form = new FormData();
    const report = "We ran a careers fair with three local schools. ".repeat(1500); // about 72 KB
    for (const [name, value] of Object.entries(
      returnForm(w, "save", { hours: "12", note: "Timesheets to follow", narrative: report }),
    )) {
      form.append(name, value);
    }
    // the page's form is multipart: it carries the evidence file fields, empty here
    form.append("lines[0].evidence", new File([], ""), "");
    const response = await postPage(`/returns/${w.kpiReturn.id}?index`, form, w.cookies.supplierOwner);
    expect(response.status).toBe(400);
    const html = await response.text();
    const inline = /<p id="lines\[1\]\.narrative-error"[^>]*>(.*?)<\/p>/.exec(html)?.[1];
    expect(readableText(inline ?? "").trim()).toBe(
      "Error: What was delivered for Careers events must be 5,000 characters or fewer",
    );
    expect(/<input[^>]*name="lines\[0\]\.quantity"[^>]*value="([^"]*)"/.exec(html)?.[1]).toBe("12");
    expect(html).toContain("Timesheets to follow");
    expect(html).toContain("We ran a careers fair with three local schools.");
    expect(await db.kpiReturnLine.count({ where: { returnId: w.kpiReturn.id } })).toBe(0);
  });
});
