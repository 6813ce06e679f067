// Changes that race each other: a double-clicked "Save draft", and evidence uploaded or removed while the
// return is being submitted. Evidence never changes on a return once it has left the supplier.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as returnAction } from "~/routes/returns.$id._index/route.tsx";
import { callAction } from "../helpers/routes.ts";
import { untilWaitingForLocks } from "../helpers/lock-waiters.ts";
import { evidenceFolderForTests } from "./evidence-folder.ts";
import { createReturnsWorld, returnForm } from "./returns-world.ts";

type World = Awaited<ReturnType<typeof createReturnsWorld>>;

const folder = evidenceFolderForTests("svm-evidence-races-", { emptyBeforeEach: false });

const pdfBytes = Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n");

function post(w: World, form: Record<string, string> | FormData, cookie = w.cookies.supplierOwner) {
  return callAction(returnAction, {
    path: `/returns/${w.kpiReturn.id}`,
    params: { id: w.kpiReturn.id },
    cookie,
    form,
  });
}
function upload(w: World, name = "timesheets.pdf") {
  const form = new FormData();
  for (const [field, value] of Object.entries(returnForm(w, `upload:${w.hoursCommitment.id}`))) {
    form.append(field, value);
  }
  form.append("lines[0].evidence", new File([pdfBytes], name));
  return post(w, form);
}
function remove(w: World, evidenceId: string) {
  return post(w, returnForm(w, `remove-evidence:${evidenceId}`));
}
function submit(w: World) {
  return post(w, returnForm(w, "submit", { hours: "5", narrative: "A fair", declaration: true }));
}
const evidenceNames = async (w: World) =>
  (
    await db.evidenceFile.findMany({
      where: { returnLine: { returnId: w.kpiReturn.id } },
      orderBy: { originalName: "asc" },
    })
  ).map((e) => e.originalName);
const storedFiles = async () => (await folder.storedFiles()).length;

// Holds the return's row lock, as a submit or review in flight does between its update and its commit,
// while `during` starts; waits until `waiters` requests are queued behind the lock, then makes `change`
// (if any) and commits.
async function whileHolding<T>(
  w: World,
  during: () => Promise<T>,
  options: { waiters?: number; lockEvidence?: boolean; submit?: boolean } = {},
) {
  let pending: Promise<T> | undefined;
  await db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM "KpiReturn" WHERE id = ${w.kpiReturn.id} FOR UPDATE`;
      if (options.lockEvidence) {
        await tx.$queryRaw`SELECT e.id FROM "EvidenceFile" e JOIN "KpiReturnLine" l ON l.id = e."returnLineId"
          WHERE l."returnId" = ${w.kpiReturn.id} FOR UPDATE OF e`;
      }
      pending = during();
      await untilWaitingForLocks(options.waiters ?? 1);
      if (options.submit) {
        await tx.kpiReturn.update({
          where: { id: w.kpiReturn.id },
          data: { status: "SUBMITTED", submittedAt: new Date(), declarationAccepted: true },
        });
      }
    },
    { timeout: 20_000 },
  );
  return pending!;
}

describe("saving a draft twice at once", () => {
  it("two saves of a new return both succeed, and it becomes a draft once", async () => {
    for (let round = 0; round < 3; round++) {
      const w = await createReturnsWorld();
      const responses = await Promise.all([
        post(w, returnForm(w, "save", { hours: "5" })),
        post(w, returnForm(w, "save", { hours: "5" }), w.cookies.supplierMember),
      ]);
      expect(responses.map((r) => r.status)).toEqual([302, 302]);
    }
  });

  it("a save that read 'not started' after another save moved it on still saves", async () => {
    const w = await createReturnsWorld();
    // both read "not started" before either moves it (held back behind another transaction's lock)
    const responses = await whileHolding(
      w,
      () =>
        Promise.all([
          post(w, returnForm(w, "save", { hours: "5" })),
          post(w, returnForm(w, "save", { hours: "5" }), w.cookies.supplierMember),
        ]),
      { waiters: 2 },
    );
    expect(responses.map((r) => r.status)).toEqual([302, 302]);
    expect((await db.kpiReturn.findUniqueOrThrow({ where: { id: w.kpiReturn.id } })).status).toBe("DRAFT");
    expect(await db.kpiReturnEvent.count({ where: { returnId: w.kpiReturn.id } })).toBe(1);
  });
});

describe("evidence and a submit at the same moment", () => {
  it("an upload that read 'draft' just before a submit committed is refused and its file removed", async () => {
    const w = await createReturnsWorld();
    await db.kpiReturn.update({ where: { id: w.kpiReturn.id }, data: { status: "DRAFT" } });
    const response = await whileHolding(w, () => upload(w), { submit: true });
    expect(response.status).toBe(409);
    const body = (await response.json()) as { reply: { error: Record<string, string[]> } };
    expect(body.reply.error[""]).toEqual([
      "This return was changed by someone else while you were working on it. Reload the page to see it.",
    ]);
    expect(await evidenceNames(w)).toEqual([]);
    expect(await storedFiles()).toBe(0);
  });

  it("a removal that read 'draft' just before a submit committed is refused", async () => {
    const w = await createReturnsWorld();
    expect((await upload(w, "kept.pdf")).status).toBe(302);
    const [evidence] = await db.evidenceFile.findMany({
      where: { returnLine: { returnId: w.kpiReturn.id } },
    });
    const files = await storedFiles();
    const response = await whileHolding(w, () => remove(w, evidence.id), {
      submit: true,
      lockEvidence: true,
    });
    expect(response.status).toBe(409); // the return page with the reason
    expect(await evidenceNames(w)).toEqual(["kept.pdf"]);
    expect(await storedFiles()).toBe(files);
  });

  it("over many rounds, every change either lands before the submission or is refused", async () => {
    for (let round = 0; round < 6; round++) {
      const w = await createReturnsWorld();
      expect((await upload(w, "a.pdf")).status).toBe(302);
      const [first] = await db.evidenceFile.findMany({ where: { returnLine: { returnId: w.kpiReturn.id } } });
      const [uploaded, , submitted] = await Promise.all([upload(w, "b.pdf"), remove(w, first.id), submit(w)]);
      expect(submitted.status).toBe(302);
      const removals = await db.auditLog.count({
        where: { action: "return.evidence_remove", entityId: first.id },
      });
      const names = await evidenceNames(w);
      expect(names.includes("b.pdf")).toBe(uploaded.status === 302);
      expect(names.includes("a.pdf")).toBe(removals === 0);
      expect(await storedFiles()).toBe(await db.evidenceFile.count());
      // once submitted, nothing more changes
      expect((await upload(w, "late.pdf")).status).toBe(409);
      const left = await db.evidenceFile.findFirst({ where: { returnLine: { returnId: w.kpiReturn.id } } });
      if (left) await remove(w, left.id);
      expect(await evidenceNames(w)).toEqual(names);
    }
  });
});
