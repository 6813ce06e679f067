// A return page left open in a tab while the contract manager queried the return: its "Submit return" resubmitted
// the return with the answers typed there, so the supplier never saw the query and the officer got back a return
// that did not answer it. The form now carries the review its page showed, and a submit from a page read before
// the query is refused, with the answers kept and the query shown, until the supplier submits from the page that
// shows it.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { returnLineSpecs } from "~/domain/reporting/returns-queries.server.ts";
import { NO_REVIEW_SHOWN, QUERIED_SINCE_OPENED } from "~/domain/reporting/returns-schema.ts";
import { saveReturn } from "~/domain/reporting/returns.server.ts";
import { flashOfRedirect } from "../helpers/flash.ts";
import { untilWaitingForLocks } from "../helpers/lock-waiters.ts";
import { formOf, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";
import { evidenceFolderForTests } from "./evidence-folder.ts";
import { createReturnsWorld, returnForm } from "./returns-world.ts";
import { createSubmittedReturnWorld, reviewReturn } from "./returns-review-world.ts";

type World = Awaited<ReturnType<typeof createReturnsWorld>>;

const folder = evidenceFolderForTests("svm-evidence-s28-");
const pdfBytes = Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n");
const returnPath = (w: World) => `/returns/${w.kpiReturn.id}`;

/** The value of the hidden field saying which review the return page showed. */
async function reviewShownOn(w: World, cookie: string) {
  const html = await (await renderPage(returnPath(w), cookie)).text();
  const value = /<input type="hidden" name="reviewShown" value="([^"]*)"/.exec(html)?.[1];
  expect(value).toBeDefined();
  return value!;
}

function submitFrom(w: World, cookie: string, reviewShown: string, hours: string, file?: File) {
  const form = formOf({
    ...returnForm(w, "submit", { hours, narrative: "A careers fair", declaration: true }),
    reviewShown,
  });
  if (file) form.append("lines[0].evidence", file);
  return postPage(returnPath(w), form, cookie);
}

function query(w: Awaited<ReturnType<typeof createSubmittedReturnWorld>>, submittedAt: string) {
  return reviewReturn(w, w.cookies.officerA, {
    intent: "query",
    submittedAt,
    comment: "The hours look low",
    "lineComments[0].commitmentId": w.hoursCommitment.id,
    "lineComments[0].comment": "Send the timesheets",
  });
}

describe("submitting from a page read before the return was queried", () => {
  it("is refused with the answers kept and the query shown; from the page showing the query it is sent", async () => {
    const w = await createSubmittedReturnWorld();
    // a tab opened on the return before it was sent still shows the form
    await db.kpiReturn.update({ where: { id: w.kpiReturn.id }, data: { status: "DRAFT" } });
    const staleTab = await reviewShownOn(w, w.cookies.supplierOwner);
    await db.kpiReturn.update({ where: { id: w.kpiReturn.id }, data: { status: "SUBMITTED" } });
    expect((await query(w, w.submittedAt)).status).toBe(302);

    const stale = await submitFrom(w, w.cookies.supplierOwner, staleTab, "12", new File([pdfBytes], "t.pdf"));
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toMatch(/name="lines\[0\]\.quantity"[^>]*value="12"/);
    const page = readableMainText(html);
    expect(page).toContain(
      "There is a problem The council queried this return after you opened this page, so it was not submitted.",
    );
    expect(page).toContain("Choose t.pdf again: nothing was saved because the return was queried");
    expect(page).toContain("Send the timesheets");
    const kept = await db.kpiReturn.findUniqueOrThrow({ where: { id: w.kpiReturn.id } });
    expect(kept.status).toBe("QUERIED");
    expect(await db.evidenceFile.count({ where: { returnLine: { returnId: w.kpiReturn.id } } })).toBe(0);
    expect(await folder.storedFiles()).toEqual([]);

    const fresh = await reviewShownOn(w, w.cookies.supplierOwner);
    const sent = await submitFrom(w, w.cookies.supplierOwner, fresh, "12");
    expect(await flashOfRedirect(sent)).toMatchObject({
      kind: "success",
      message: expect.stringMatching(/Return submitted/),
    });
    expect((await db.kpiReturn.findUniqueOrThrow({ where: { id: w.kpiReturn.id } })).status).toBe(
      "SUBMITTED",
    );
  });

  it("a page read while queried is refused once the return has been resubmitted and queried again", async () => {
    const w = await createSubmittedReturnWorld();
    expect((await query(w, w.submittedAt)).status).toBe(302);
    const firstQueryTab = await reviewShownOn(w, w.cookies.supplierOwner);
    expect((await submitFrom(w, w.cookies.supplierMember, firstQueryTab, "11")).status).toBe(302);
    const { submittedAt } = await db.kpiReturn.findUniqueOrThrow({ where: { id: w.kpiReturn.id } });
    expect((await query(w, submittedAt!.toISOString())).status).toBe(302);

    const stale = await submitFrom(w, w.cookies.supplierOwner, firstQueryTab, "13");
    expect(stale.status).toBe(409);
    const line = await db.kpiReturnLine.findUniqueOrThrow({
      where: { returnId_commitmentId: { returnId: w.kpiReturn.id, commitmentId: w.hoursCommitment.id } },
    });
    expect(line.quantity?.toString()).toBe("11");
  });

  it("is refused as it is saved too, for a query made after the page's form was checked", async () => {
    const w = await createSubmittedReturnWorld();
    const access = { kind: "SUPPLIER" as const, organisationId: w.supplier.id };
    const { specs } = (await returnLineSpecs(w.kpiReturn.id, access))!;
    expect((await query(w, w.submittedAt)).status).toBe(302);
    const blank = { note: undefined, evidenceUrl: undefined };
    const value = {
      intent: "submit" as const,
      declaration: "on",
      reviewShown: NO_REVIEW_SHOWN,
      lines: [
        { commitmentId: w.hoursCommitment.id, quantity: "12", ...blank, narrative: undefined },
        { commitmentId: w.eventsCommitment.id, narrative: "A careers fair", ...blank },
      ],
    };
    const result = await saveReturn({
      actorUserId: w.users.supplierOwner.id,
      ipAddress: null,
      returnId: w.kpiReturn.id,
      supplierOrganisationId: w.supplier.id,
      specs,
      value,
    });
    expect(result).toEqual({ ok: false, formError: QUERIED_SINCE_OPENED });
    expect((await db.kpiReturn.findUniqueOrThrow({ where: { id: w.kpiReturn.id } })).status).toBe("QUERIED");
  });

  it("is refused when the return is resubmitted and queried again between reading it and saving it", async () => {
    const w = await createSubmittedReturnWorld();
    expect((await query(w, w.submittedAt)).status).toBe(302);
    const shown = await reviewShownOn(w, w.cookies.supplierOwner);
    const access = { kind: "SUPPLIER" as const, organisationId: w.supplier.id };
    const { specs } = (await returnLineSpecs(w.kpiReturn.id, access))!;
    // another tab's resubmission and the contract manager's new query, saved while this submit is under way:
    // the return's row is held, and let go queried again by a later review
    let release!: () => void;
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const meanwhile = db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "KpiReturn" WHERE id = ${w.kpiReturn.id} FOR UPDATE`;
      locked();
      await new Promise<void>((resolve) => (release = resolve));
      await tx.kpiReturn.update({
        where: { id: w.kpiReturn.id },
        data: { reviewedAt: new Date(Date.now() + 60_000), reviewComment: "Still not right" },
      });
    });
    await isLocked;
    const blank = { note: undefined, evidenceUrl: undefined };
    const saving = saveReturn({
      actorUserId: w.users.supplierOwner.id,
      ipAddress: null,
      returnId: w.kpiReturn.id,
      supplierOrganisationId: w.supplier.id,
      specs,
      value: {
        intent: "submit",
        declaration: "on",
        reviewShown: shown,
        lines: [
          { commitmentId: w.hoursCommitment.id, quantity: "12", ...blank, narrative: undefined },
          { commitmentId: w.eventsCommitment.id, narrative: "A careers fair", ...blank },
        ],
      },
    });
    await untilWaitingForLocks();
    release();
    await meanwhile;
    expect(await saving).toEqual({ ok: false, formError: QUERIED_SINCE_OPENED });
    expect((await db.kpiReturn.findUniqueOrThrow({ where: { id: w.kpiReturn.id } })).status).toBe("QUERIED");
  });
});
