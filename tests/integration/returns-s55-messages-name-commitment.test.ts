// The return form's error summary said "Enter the evidence link as a full web address, like
// https://example.org/report" without saying which commitment's link, though the figures' messages name theirs; so
// did a note or an answer too long. Each now names its commitment. A file whose contents were not what its name said
// was refused as "The selected file's contents are not a .pdf file: the selected file must be a PDF, PNG, …"; it now
// says it plainly.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as returnAction } from "~/routes/returns.$id._index/route.tsx";
import { formOf, postPage, readableMainText } from "../helpers/render-page.ts";
import { callAction } from "../helpers/routes.ts";
import { createReturnsWorld, returnForm } from "./returns-world.ts";

/** The messages of the page's error summary, in order. */
function summaryOf(html: string) {
  const start = html.indexOf("There is a problem");
  const summary = html.slice(start, html.indexOf("</ul>", start));
  return [...summary.matchAll(/<(?:a|span)[^>]*class="font-bold text-error"[^>]*>([^<]*)</g)].map((m) =>
    m[1]!.replaceAll("&#x27;", "'"),
  );
}

describe("the return form's messages", () => {
  it("name the commitment of an evidence link that is not a web address, and of a note too long", async () => {
    const w = await createReturnsWorld();
    const form = formOf({
      ...returnForm(w, "save", { hours: "12", evidenceUrl: "our-timesheets" }),
      "lines[1].note": "x".repeat(2001),
      "lines[1].evidenceUrl": `https://example.org/${"a".repeat(2000)}`,
    });
    const response = await postPage(`/returns/${w.kpiReturn.id}`, form, w.cookies.supplierOwner);
    expect(response.status).toBe(400);
    expect(summaryOf(await response.text())).toEqual([
      "Enter the evidence link for Volunteering hours as a full web address, like https://example.org/report",
      "The note on Careers events must be 2,000 characters or fewer",
      "The evidence link for Careers events must be 2,000 characters or fewer",
    ]);
    expect(await db.kpiReturnLine.count({ where: { returnId: w.kpiReturn.id } })).toBe(0);
  });

  it("say plainly that a file named .pdf is not a real PDF", async () => {
    const w = await createReturnsWorld();
    const form = new FormData();
    for (const [field, value] of Object.entries(
      returnForm(w, `upload:${w.hoursCommitment.id}`, { hours: "10" }),
    ))
      form.append(field, value);
    form.append("lines[0].evidence", new File([Buffer.from("just some text")], "notes.pdf"));
    const response = await callAction(returnAction, {
      path: `/returns/${w.kpiReturn.id}`,
      params: { id: w.kpiReturn.id },
      cookie: w.cookies.supplierOwner,
      form,
    });
    expect(response.status).toBe(400);
    const { reply } = (await response.json()) as { reply: { error: Record<string, string[]> } };
    expect(reply.error["lines[0].evidence"]).toEqual([
      "The selected file is not a real PDF: choose a PDF, PNG, JPEG, CSV or Excel (.xlsx) file",
    ]);
    expect(await db.evidenceFile.count({ where: { returnLine: { returnId: w.kpiReturn.id } } })).toBe(0);
  });

  it("say plainly that a file named .png is not a real PNG image", async () => {
    const w = await createReturnsWorld();
    const form = new FormData();
    for (const [field, value] of Object.entries(
      returnForm(w, `upload:${w.hoursCommitment.id}`, { hours: "10" }),
    ))
      form.append(field, value);
    form.append("lines[0].evidence", new File([Buffer.from("%PDF-1.7\n%%EOF\n")], "photo.png"));
    const response = await postPage(`/returns/${w.kpiReturn.id}`, form, w.cookies.supplierOwner);
    expect(response.status).toBe(400);
    expect(readableMainText(await response.text())).toContain(
      "The selected file is not a real PNG image: choose a PDF, PNG, JPEG, CSV or Excel (.xlsx) file",
    );
  });
});
