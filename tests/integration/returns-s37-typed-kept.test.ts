// After a save refused for one answer, every other box of the return shows exactly what the supplier typed: a figure
// typed "£1,200.50" comes back as "£1,200.50", not as the "1200.5" the return stores, even when a draft is already
// saved (the box's stored value must not win over what was just typed). A save that goes through shows the stored
// value, an amount in pounds as people write one ("1,200.50"). The officer's per-line queries on the review page are
// kept as typed in the same way.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { formOf, postPage, renderPage } from "../helpers/render-page.ts";
import { createReturnsWorld, returnForm, sendReturn } from "./returns-world.ts";
import { createSubmittedReturnWorld } from "./returns-review-world.ts";

beforeAll(() => renderPage("/"));

const escaped = (name: string) => name.replace(/[[\].]/g, "\\$&");
const inputValue = (html: string, name: string) =>
  new RegExp(`<input[^>]*name="${escaped(name)}"[^>]*value="([^"]*)"`).exec(html)?.[1];
const textareaValue = (html: string, name: string) =>
  new RegExp(`<textarea[^>]*name="${escaped(name)}"[^>]*>([^<]*)</textarea>`).exec(html)?.[1];

/** The returns world with its hours commitment counted in pounds, so a figure may be typed as "£1,200.50". */
async function poundsWorld() {
  const w = await createReturnsWorld();
  await db.measure.update({ where: { id: w.hours.id }, data: { unit: "GBP" } });
  return w;
}

const typed = {
  hours: "£1,200.50",
  note: "  Paid in two parts  ",
  narrative: "A careers fair,  with  two schools ",
};

function expectTyped(html: string, evidenceUrl: string) {
  expect(inputValue(html, "lines[0].quantity")).toBe("£1,200.50");
  expect(textareaValue(html, "lines[0].note")).toBe("  Paid in two parts  ");
  expect(inputValue(html, "lines[0].evidenceUrl")).toBe(evidenceUrl);
  expect(textareaValue(html, "lines[1].narrative")).toBe("A careers fair,  with  two schools ");
}

describe("a return refused for one answer", () => {
  it("shows every other answer exactly as typed, on a return with nothing saved yet", async () => {
    const w = await poundsWorld();
    const response = await sendReturn(w, "save", { ...typed, evidenceUrl: "timesheets folder" });
    expect(response.status).toBe(400);
    expectTyped(await response.text(), "timesheets folder");
    expect(await db.kpiReturnLine.count({ where: { returnId: w.kpiReturn.id } })).toBe(0);
  });

  it("shows what was typed, not the draft already saved, and a save that goes through shows what is stored", async () => {
    const w = await poundsWorld();
    const saved = await sendReturn(w, "save", { hours: "£1,200.50", note: "First note", narrative: "First" });
    expect(saved.status).toBe(302);
    const page = await (await renderPage(`/returns/${w.kpiReturn.id}`, w.cookies.supplierOwner)).text();
    // stored as 1200.5, shown as an amount in pounds is written
    expect(inputValue(page, "lines[0].quantity")).toBe("1,200.50");
    expect(textareaValue(page, "lines[0].note")).toBe("First note");

    // the same figure, written as the supplier writes it, with a link the form refuses: kept as typed
    const refused = await sendReturn(w, "save", { ...typed, evidenceUrl: "javascript:alert(1)" });
    expect(refused.status).toBe(400);
    expectTyped(await refused.text(), "javascript:alert(1)");
    const line = await db.kpiReturnLine.findFirstOrThrow({
      where: { returnId: w.kpiReturn.id, commitmentId: w.hoursCommitment.id },
    });
    expect(line.note).toBe("First note");

    // a submit refused for the missing declaration, and an upload with no file chosen: the same
    const submit = await sendReturn(w, "submit", { ...typed, evidenceUrl: "https://example.org/r" });
    expect(submit.status).toBe(400);
    expectTyped(await submit.text(), "https://example.org/r");
    const upload = await sendReturn(w, `upload:${w.hoursCommitment.id}`, {
      ...typed,
      evidenceUrl: "https://example.org/r",
    });
    expect(upload.status).toBe(400);
    expectTyped(await upload.text(), "https://example.org/r");
  });

  it("sent as multipart (the page's own encoding) keeps the figure as typed", async () => {
    const w = await poundsWorld();
    await sendReturn(w, "save", { hours: "10" });
    const form = formOf(returnForm(w, "save", { ...typed, evidenceUrl: "not a link" }));
    form.append("lines[0].evidence", new File([], ""), "");
    const response = await postPage(`/returns/${w.kpiReturn.id}?index`, form, w.cookies.supplierOwner);
    expect(response.status).toBe(400);
    expectTyped(await response.text(), "not a link");
  });
});

describe("a review refused for one answer", () => {
  it("shows each line's query and the overall comment exactly as typed", async () => {
    const w = await createSubmittedReturnWorld();
    const answer = await postPage(
      `/returns/${w.kpiReturn.id}/review`,
      formOf({
        intent: "accept",
        submittedAt: w.submittedAt,
        comment: "  Thanks,  mostly fine ",
        "lineComments[0].commitmentId": w.hoursCommitment.id,
        "lineComments[0].comment": "  Attach the £1,200.50  invoice ",
        "lineComments[1].commitmentId": w.eventsCommitment.id,
        "lineComments[1].comment": "Which schools?",
      }),
      w.cookies.officerA,
    );
    expect(answer.status).toBe(400);
    const html = await answer.text();
    expect(textareaValue(html, "lineComments[0].comment")).toBe("  Attach the £1,200.50  invoice ");
    expect(textareaValue(html, "lineComments[1].comment")).toBe("Which schools?");
    expect(textareaValue(html, "comment")).toBe("  Thanks,  mostly fine ");
  });
});
