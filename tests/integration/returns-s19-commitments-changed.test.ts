// A return form sent after an officer added or removed one of the contract's commitments (the supplier had the
// page open meanwhile). The page answered a commitment added with a 500 (the answers came back one line short of
// the lines it lists), and a commitment removed with the answers shown one line out: the removed line's note under
// the next commitment, that commitment's own answer gone, to be saved there by the next press of a button. The
// answers now come back against their own commitments, with nothing saved, and sending the form again works.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { COMMITMENTS_CHANGED } from "~/domain/reporting/returns-schema.ts";
import { action as returnAction } from "~/routes/returns.$id._index/route.tsx";
import { createCommitment, createMeasure } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";
import { formOf, postPage, renderPage } from "../helpers/render-page.ts";
import { evidenceFolderForTests } from "./evidence-folder.ts";
import { createReturnsWorld, returnForm } from "./returns-world.ts";

type World = Awaited<ReturnType<typeof createReturnsWorld>>;

const folder = evidenceFolderForTests("svm-s19-changed-");

/** The return page's form as a browser without JavaScript sends it, and the page it gets back. */
async function send(w: World, values: Record<string, string>) {
  const response = await postPage(
    `/returns/${w.kpiReturn.id}?index`,
    formOf(values),
    w.cookies.supplierOwner,
  );
  return { status: response.status, html: await response.text() };
}

/** What a field of the page shows: an input's value or a textarea's text. */
function shown(html: string, name: string) {
  const escaped = name.replace(/[[\].]/g, "\\$&");
  const input = new RegExp(`<input[^>]*name="${escaped}"[^>]*value="([^"]*)"`).exec(html);
  if (input) return input[1];
  return new RegExp(`<textarea[^>]*name="${escaped}"[^>]*>([^<]*)</textarea>`).exec(html)?.[1];
}

async function nothingSaved(w: World) {
  expect(await db.kpiReturnLine.count({ where: { returnId: w.kpiReturn.id } })).toBe(0);
  expect((await db.kpiReturn.findUniqueOrThrow({ where: { id: w.kpiReturn.id } })).status).toBe(
    "NOT_STARTED",
  );
}

const typed = { hours: "12", note: "Timesheets attached", narrative: "A careers fair at the high school" };

// the first page rendered puts the app together, which takes a while on a busy machine
beforeAll(() => renderPage("/"));

describe("a return form sent after the contract's commitments changed", () => {
  it("a commitment added: the page shows the answers against their commitments, saving nothing", async () => {
    const w = await createReturnsWorld();
    const spend = await createMeasure({ councilId: w.councilA.id, name: "Local spend", unit: "GBP" });
    const added = await createCommitment({
      contractId: w.contract.id,
      measureId: spend.id,
      targetQuantity: 1000,
    });

    const { status, html } = await send(w, returnForm(w, "save", typed));
    expect(status).toBe(400);
    expect(html).toContain(COMMITMENTS_CHANGED.replace(/'/g, "&#x27;"));
    expect(shown(html, "lines[0].commitmentId")).toBe(w.hoursCommitment.id);
    expect(shown(html, "lines[0].quantity")).toBe("12");
    expect(shown(html, "lines[0].note")).toBe("Timesheets attached");
    expect(shown(html, "lines[1].narrative")).toBe(typed.narrative);
    expect(shown(html, "lines[2].commitmentId")).toBe(added.id);
    expect(html).toContain('name="lines[2].quantity"');
    expect(shown(html, "lines[2].quantity")).toBeUndefined(); // empty
    await nothingSaved(w);

    // the form as now shown, sent again, is saved
    const again = await callAction(returnAction, {
      path: `/returns/${w.kpiReturn.id}`,
      params: { id: w.kpiReturn.id },
      cookie: w.cookies.supplierOwner,
      form: {
        ...returnForm(w, "save", typed),
        "lines[2].commitmentId": added.id,
        "lines[2].quantity": "250",
      },
    });
    expect(again.status).toBe(302);
    const saved = await db.kpiReturnLine.findMany({ where: { returnId: w.kpiReturn.id } });
    expect(saved.find((l) => l.commitmentId === added.id)?.quantity?.toString()).toBe("250");
  });

  it("a commitment removed: the next commitment keeps its own answers, and gets none of the removed one's", async () => {
    const w = await createReturnsWorld();
    await db.commitment.delete({ where: { id: w.hoursCommitment.id } });

    const { status, html } = await send(w, returnForm(w, "save", typed));
    expect(status).toBe(400);
    expect(html).toContain(COMMITMENTS_CHANGED.replace(/'/g, "&#x27;"));
    expect(shown(html, "lines[0].commitmentId")).toBe(w.eventsCommitment.id);
    expect(shown(html, "lines[0].narrative")).toBe(typed.narrative);
    expect(shown(html, "lines[0].note")).toBe("");
    expect(html).not.toContain("Timesheets attached");
    // no link to a field that is not on the page
    expect(html).not.toContain('href="#lines"');
    await nothingSaved(w);
  });

  it("Upload pressed on a commitment since removed is answered the same way, not as a page not found", async () => {
    const w = await createReturnsWorld();
    await db.commitment.delete({ where: { id: w.hoursCommitment.id } });
    const form = formOf(returnForm(w, `upload:${w.hoursCommitment.id}`, typed));
    form.append("lines[0].evidence", new File(["%PDF-1.7\n%%EOF\n"], "timesheets.pdf"));

    const response = await callAction(returnAction, {
      path: `/returns/${w.kpiReturn.id}`,
      params: { id: w.kpiReturn.id },
      cookie: w.cookies.supplierOwner,
      form,
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { reply: { error?: Record<string, string[]> } };
    expect(body.reply.error?.[""]).toEqual([COMMITMENTS_CHANGED]);
    expect(await db.evidenceFile.count()).toBe(0);
    expect(await folder.storedFiles()).toEqual([]);
    await nothingSaved(w);
  });
});
