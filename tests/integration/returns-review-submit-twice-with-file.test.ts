// "Submit return" or "Upload file" pressed twice with a file chosen (a double click, or the form sent again
// after a slow answer) sends the same file twice. Two at once both attached it, so the return listed the file
// twice and storage kept two copies. The same file (name and content) sent again to the same line is now
// attached once, and its second copy removed from storage.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as returnAction } from "~/routes/returns.$id._index/route.tsx";
import { flashOf } from "../helpers/flash.ts";
import { callAction } from "../helpers/routes.ts";
import { untilWaitingForLocks } from "../helpers/lock-waiters.ts";
import { evidenceFolderForTests } from "./evidence-folder.ts";
import { createReturnsWorld, returnForm } from "./returns-world.ts";

type World = Awaited<ReturnType<typeof createReturnsWorld>>;

const folder = evidenceFolderForTests("svm-evidence-twice-");

const pdf = (text: string) => Buffer.from(`%PDF-1.7\n% ${text}\ntrailer\n%%EOF\n`);

function send(
  w: World,
  intent: "submit" | `upload:${string}`,
  file: { name: string; bytes: ReturnType<typeof pdf> },
  hours = "5",
) {
  const form = new FormData();
  const values = { hours, narrative: "A careers fair", declaration: true };
  for (const [field, value] of Object.entries(returnForm(w, intent, values))) form.append(field, value);
  form.append("lines[0].evidence", new File([file.bytes], file.name));
  return callAction(returnAction, {
    path: `/returns/${w.kpiReturn.id}`,
    params: { id: w.kpiReturn.id },
    cookie: w.cookies.supplierOwner,
    form,
  });
}

const evidenceOf = (w: World) =>
  db.evidenceFile.findMany({ where: { returnLine: { returnId: w.kpiReturn.id } } });
const storedFiles = async () => (await folder.storedFiles()).length;

describe("a return submitted twice with the same file", () => {
  it("answers the second as already submitted, keeping one copy of the file", async () => {
    const w = await createReturnsWorld();
    const file = { name: "timesheets.pdf", bytes: pdf("timesheets") };
    expect((await send(w, "submit", file)).status).toBe(302);
    const again = await send(w, "submit", file);
    expect(again.status).toBe(302);
    expect(again.headers.get("location")).toBe(`/returns/${w.kpiReturn.id}`);
    expect(await evidenceOf(w)).toHaveLength(1);
    expect(await storedFiles()).toBe(1);
    expect(
      await db.kpiReturnEvent.count({ where: { returnId: w.kpiReturn.id, toStatus: "SUBMITTED" } }),
    ).toBe(1);
  });

  it("sent at the same moment, submits once with the file attached once", async () => {
    const w = await createReturnsWorld();
    const file = { name: "timesheets.pdf", bytes: pdf("timesheets") };
    const answers = await Promise.all([send(w, "submit", file), send(w, "submit", file)]);
    expect(answers.map((a) => a.status)).toEqual([302, 302]);
    expect(await evidenceOf(w)).toHaveLength(1);
    expect(await storedFiles()).toBe(1);
    expect((await db.kpiReturn.findUniqueOrThrow({ where: { id: w.kpiReturn.id } })).status).toBe(
      "SUBMITTED",
    );
  });

  it("the second, stopped by the first's submission after it read the page's return, is not refused", async () => {
    const w = await createReturnsWorld();
    const file = { name: "timesheets.pdf", bytes: pdf("timesheets") };
    let second: Promise<Response> | undefined;
    // the first click's submission holds the return while the second click's form arrives, then commits
    await db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM "KpiReturn" WHERE id = ${w.kpiReturn.id} FOR UPDATE`;
        second = send(w, "submit", file);
        await untilWaitingForLocks();
        // the first click's answers, the same as the second's
        const line = await tx.kpiReturnLine.create({
          data: { returnId: w.kpiReturn.id, commitmentId: w.hoursCommitment.id, quantity: 5 },
        });
        await tx.kpiReturnLine.create({
          data: {
            returnId: w.kpiReturn.id,
            commitmentId: w.eventsCommitment.id,
            narrative: "A careers fair",
          },
        });
        await tx.evidenceFile.create({
          data: {
            returnLineId: line.id,
            storageKey: "00/00000000-0000-0000-0000-000000000000",
            originalName: file.name,
            contentType: "application/pdf",
            sizeBytes: file.bytes.length,
            sha256: crypto.createHash("sha256").update(file.bytes).digest("hex"),
          },
        });
        await tx.kpiReturn.update({
          where: { id: w.kpiReturn.id },
          data: { status: "SUBMITTED", submittedAt: new Date(), declarationAccepted: true },
        });
      },
      { timeout: 20_000 },
    );
    const answer = await second!;
    expect(answer.status).toBe(302);
    expect(await flashOf(answer)).toEqual({ kind: "success", message: "This return was already submitted" });
    expect(await evidenceOf(w)).toHaveLength(1);
    expect(await storedFiles()).toBe(0); // the second copy is not kept
  });

  it("an Upload pressed twice attaches the file once", async () => {
    const w = await createReturnsWorld();
    const file = { name: "timesheets.pdf", bytes: pdf("timesheets") };
    const upload = `upload:${w.hoursCommitment.id}` as const;
    const answers = await Promise.all([send(w, upload, file), send(w, upload, file)]);
    expect(answers.map((a) => a.status)).toEqual([302, 302]);
    expect(await send(w, upload, file).then((r) => r.status)).toBe(302);
    expect(await evidenceOf(w)).toHaveLength(1);
    expect(await storedFiles()).toBe(1);
  });

  it("but a different file, or the same content under another name, is still its own upload", async () => {
    const w = await createReturnsWorld();
    const upload = `upload:${w.hoursCommitment.id}` as const;
    await send(w, upload, { name: "timesheets.pdf", bytes: pdf("timesheets") });
    await send(w, upload, { name: "timesheets.pdf", bytes: pdf("timesheets, corrected") });
    await send(w, upload, { name: "rota.pdf", bytes: pdf("timesheets") });
    expect(await evidenceOf(w)).toHaveLength(3);
    expect(await storedFiles()).toBe(3);
  });
});

describe("a return submitted from another tab with the same figures and a different file", () => {
  it("is refused, saying why the file was not added, and keeps nothing of it", async () => {
    const w = await createReturnsWorld();
    expect((await send(w, "submit", { name: "timesheets.pdf", bytes: pdf("timesheets") })).status).toBe(302);
    // the other tab, still showing the draft: the same figures, and a file chosen there
    const other = await send(w, "submit", { name: "photos.pdf", bytes: pdf("photos") });
    expect(other.status).toBe(409);
    const { reply } = (await other.json()) as { reply: { error: Record<string, string[]> } };
    expect(reply.error[""]?.join(" ")).toMatch(/submitted/i);
    expect((await evidenceOf(w)).map((e) => e.originalName)).toEqual(["timesheets.pdf"]);
    expect(await storedFiles()).toBe(1);
  });
});
