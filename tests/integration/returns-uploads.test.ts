// Evidence uploads: streamed to the storage folder, type checked by content, 10 MB limit, SHA-256 stored,
// downloads only for the supplier and the council, always as an attachment.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { folderStorage } from "~/domain/reporting/evidence-storage.server.ts";
import { loader as evidenceLoader } from "~/routes/evidence.$id.ts";
import { action as returnAction } from "~/routes/returns.$id._index/route.tsx";
import { callAction, callLoader } from "../helpers/routes.ts";
import { evidenceFolderForTests } from "./evidence-folder.ts";
import { createReturnsWorld, returnForm } from "./returns-world.ts";

type World = Awaited<ReturnType<typeof createReturnsWorld>>;

const folder = evidenceFolderForTests("svm-evidence-");

const evidenceCount = (w: World) =>
  db.evidenceFile.count({ where: { returnLine: { returnId: w.kpiReturn.id } } });

const storedFiles = () => folder.storedFiles();

/** The return page's form sent with its "Upload file" button for one commitment (line 0 is hours). */
function upload(
  w: World,
  cookie: string,
  file: File | null,
  commitmentId = w.hoursCommitment.id,
  values: Parameters<typeof returnForm>[2] = {},
) {
  const form = new FormData();
  for (const [name, value] of Object.entries(returnForm(w, `upload:${commitmentId}`, values))) {
    form.append(name, value);
  }
  form.append(`lines[${commitmentId === w.eventsCommitment.id ? 1 : 0}].evidence`, file ?? new File([], ""));
  return callAction(returnAction, {
    path: `/returns/${w.kpiReturn.id}`,
    params: { id: w.kpiReturn.id },
    cookie,
    form,
  });
}

/** The error shown next to a line's file field. */
async function fileError(response: Response, line = 0) {
  const body = (await response.json()) as { reply: { error?: Record<string, string[]> } };
  return body.reply.error?.[`lines[${line}].evidence`]?.[0];
}

const hoursLine = (w: World) =>
  db.kpiReturnLine.findUnique({
    where: { returnId_commitmentId: { returnId: w.kpiReturn.id, commitmentId: w.hoursCommitment.id } },
  });

const pdfBytes = Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n");

describe("uploading evidence", () => {
  it("stores an allowed file outside the database with its SHA-256, and starts the return", async () => {
    const w = await createReturnsWorld();
    const response = await upload(w, w.cookies.supplierOwner, new File([pdfBytes], "Q1 timesheets.pdf"));
    expect(response.status).toBe(302);
    const [evidence] = await db.evidenceFile.findMany({
      where: { returnLine: { returnId: w.kpiReturn.id } },
    });
    expect(evidence).toMatchObject({
      originalName: "Q1 timesheets.pdf",
      contentType: "application/pdf",
      sizeBytes: pdfBytes.length,
      sha256: crypto.createHash("sha256").update(pdfBytes).digest("hex"),
      uploadedById: w.users.supplierOwner.id,
    });
    expect(await fs.readFile(path.join(folder.root, evidence.storageKey))).toEqual(pdfBytes);
    expect((await db.kpiReturn.findUniqueOrThrow({ where: { id: w.kpiReturn.id } })).status).toBe("DRAFT");
  });

  it("refuses a file over 10 MB, keeping nothing", async () => {
    const w = await createReturnsWorld();
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
    big.write("%PDF-1.7\n", 0);
    const response = await upload(w, w.cookies.supplierOwner, new File([big], "huge.pdf"));
    expect(response.status).toBe(400);
    expect(await fileError(response)).toBe("The selected file must be smaller than 10 MB");
    expect(await evidenceCount(w)).toBe(0);
    expect(await storedFiles()).toEqual([]);
  });

  it("leaves no partial file when the very first chunk is refused (before the file is even open)", async () => {
    const storage = folderStorage(folder.root);
    for (let i = 0; i < 20; i++) {
      const refused = storage.write(
        (async function* () {
          yield new Uint8Array(16);
        })(),
        () => {
          throw new Error("too large");
        },
      );
      await expect(refused).rejects.toThrow("too large");
    }
    await new Promise((resolve) => setTimeout(resolve, 50)); // any late open would have happened by now
    expect(await storedFiles()).toEqual([]);
  });

  it("accepts a file of exactly 10 MB", async () => {
    const w = await createReturnsWorld();
    const edge = Buffer.alloc(10 * 1024 * 1024, 0x20);
    edge.write("%PDF-1.7\n", 0);
    expect((await upload(w, w.cookies.supplierOwner, new File([edge], "edge.pdf"))).status).toBe(302);
  });

  it.each([
    [
      "a program renamed to .pdf",
      "setup.pdf",
      Buffer.from("MZ\x90\x00\x03\x00\x00\x00 this program cannot be run"),
    ],
    ["a web page renamed to .pdf", "page.pdf", Buffer.from("<html><script>alert(1)</script></html>")],
    [
      "a PNG renamed to .pdf",
      "photo.pdf",
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
    ],
  ])("refuses %s, keeping nothing", async (_what, name, bytes) => {
    const w = await createReturnsWorld();
    const response = await upload(
      w,
      w.cookies.supplierOwner,
      new File([bytes], name, { type: "application/pdf" }),
    );
    expect(response.status).toBe(400);
    expect(await fileError(response)).toMatch(/PDF, PNG/);
    expect(await evidenceCount(w)).toBe(0);
    expect(await storedFiles()).toEqual([]);
  });

  it("asks for a file when none was chosen", async () => {
    const w = await createReturnsWorld();
    const response = await upload(w, w.cookies.supplierOwner, null);
    expect(response.status).toBe(400);
    expect(await fileError(response)).toBe("Select a file to upload");
  });

  it("refuses uploads to another supplier's return without storing anything", async () => {
    const w = await createReturnsWorld();
    const response = await upload(w, w.cookies.otherSupplierOwner, new File([pdfBytes], "x.pdf"));
    expect(response.status).toBe(404);
    expect(await storedFiles()).toEqual([]);
  });

  it("refuses a commitment from another contract", async () => {
    const w = await createReturnsWorld();
    const other = await createReturnsWorld();
    const response = await upload(
      w,
      w.cookies.supplierOwner,
      new File([pdfBytes], "x.pdf"),
      other.hoursCommitment.id,
    );
    expect(response.status).toBe(404);
    expect(await evidenceCount(w)).toBe(0);
    expect(await storedFiles()).toEqual([]);
  });

  it("refuses uploads once the return is submitted", async () => {
    const w = await createReturnsWorld();
    await db.kpiReturn.update({ where: { id: w.kpiReturn.id }, data: { status: "SUBMITTED" } });
    const response = await upload(w, w.cookies.supplierOwner, new File([pdfBytes], "late.pdf"));
    expect(response.status).toBe(409);
    const body = (await response.clone().json()) as { reply: { error: Record<string, string[]> } };
    expect(body.reply.error[""]?.[0]).toMatch(/submitted and can no longer be changed/);
    expect(await evidenceCount(w)).toBe(0);
    expect(await storedFiles()).toEqual([]);
  });

  it("saves the figures typed before pressing Upload, as a draft", async () => {
    const w = await createReturnsWorld();
    const response = await upload(w, w.cookies.supplierOwner, new File([pdfBytes], "hours.pdf"), undefined, {
      hours: "12.5",
      note: "Two sites",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/returns/${w.kpiReturn.id}#line-${w.hoursCommitment.id}`);
    expect(await hoursLine(w)).toMatchObject({ note: "Two sites" });
    expect(String((await hoursLine(w))?.quantity)).toBe("12.5");
    expect(await evidenceCount(w)).toBe(1);
    expect((await db.kpiReturn.findUniqueOrThrow({ where: { id: w.kpiReturn.id } })).status).toBe("DRAFT");
  });

  it("keeps what was typed, and stores no file, when a figure is wrong", async () => {
    const w = await createReturnsWorld();
    const response = await upload(w, w.cookies.supplierOwner, new File([pdfBytes], "hours.pdf"), undefined, {
      hours: "-3",
      note: "Typed note",
    });
    expect(response.status).toBe(400);
    const body = (await response.clone().json()) as {
      reply: {
        initialValue: { lines: { quantity: string; note: string }[] };
        error: Record<string, string[]>;
      };
    };
    expect(body.reply.initialValue.lines[0]).toMatchObject({ quantity: "-3", note: "Typed note" });
    expect(body.reply.error["lines[0].quantity"]?.[0]).toMatch(/0 or more/);
    expect(await fileError(response)).toMatch(/^Choose hours\.pdf again/);
    expect(await evidenceCount(w)).toBe(0);
    expect(await storedFiles()).toEqual([]);
    expect(await hoursLine(w)).toBeNull();
  });

  it("keeps the good files of a form with a refused one out too, and saves nothing", async () => {
    const w = await createReturnsWorld();
    const form = new FormData();
    for (const [name, value] of Object.entries(returnForm(w, "save", { hours: "4" })))
      form.append(name, value);
    form.append("lines[0].evidence", new File([pdfBytes], "good.pdf"));
    form.append("lines[1].evidence", new File(["MZ\x90 program"], "bad.pdf"));
    const response = await callAction(returnAction, {
      path: `/returns/${w.kpiReturn.id}`,
      params: { id: w.kpiReturn.id },
      cookie: w.cookies.supplierOwner,
      form,
    });
    expect(response.status).toBe(400);
    expect(await fileError(response.clone(), 1)).toMatch(/PDF, PNG/);
    expect(await fileError(response, 0)).toMatch(/^Choose good\.pdf again/);
    expect(await evidenceCount(w)).toBe(0);
    expect(await storedFiles()).toEqual([]);
    expect(await hoursLine(w)).toBeNull();
  });

  it("stores files chosen before pressing Save draft or Submit, one per line", async () => {
    const w = await createReturnsWorld();
    const form = new FormData();
    const values = { hours: "4", narrative: "Two careers fairs", declaration: true };
    for (const [name, value] of Object.entries(returnForm(w, "submit", values))) form.append(name, value);
    form.append("lines[0].evidence", new File([pdfBytes], "hours.pdf"));
    form.append("lines[1].evidence", new File([pdfBytes], "fairs.pdf"));
    form.append("lines[1].evidence", new File([pdfBytes], "second-in-one-field.pdf"));
    const response = await callAction(returnAction, {
      path: `/returns/${w.kpiReturn.id}`,
      params: { id: w.kpiReturn.id },
      cookie: w.cookies.supplierOwner,
      form,
    });
    expect(response.status).toBe(302);
    const files = await db.evidenceFile.findMany({
      where: { returnLine: { returnId: w.kpiReturn.id } },
      select: { originalName: true, returnLine: { select: { commitmentId: true } } },
      orderBy: { originalName: "asc" },
    });
    expect(files).toEqual([
      { originalName: "fairs.pdf", returnLine: { commitmentId: w.eventsCommitment.id } },
      { originalName: "hours.pdf", returnLine: { commitmentId: w.hoursCommitment.id } },
    ]);
    expect(await storedFiles()).toHaveLength(2);
    expect((await db.kpiReturn.findUniqueOrThrow({ where: { id: w.kpiReturn.id } })).status).toBe(
      "SUBMITTED",
    );
  });
});

describe("downloading and removing evidence", () => {
  async function uploaded() {
    const w = await createReturnsWorld();
    await upload(w, w.cookies.supplierOwner, new File([pdfBytes], "report.pdf"));
    const evidence = await db.evidenceFile.findFirstOrThrow({
      where: { returnLine: { returnId: w.kpiReturn.id } },
    });
    return { w, evidence };
  }
  const download = (id: string, cookie?: string) =>
    callLoader(evidenceLoader, { path: `/evidence/${id}`, params: { id }, cookie });

  it("serves the file to the supplier and, once sent, the council's officers as an attachment", async () => {
    const { w, evidence } = await uploaded();
    // (a draft's files are the supplier's alone: returns-s28-draft-evidence.test.ts)
    await db.kpiReturn.update({ where: { id: w.kpiReturn.id }, data: { status: "SUBMITTED" } });
    for (const cookie of [w.cookies.supplierMember, w.cookies.officerA]) {
      const response = await download(evidence.id, cookie);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="report\.pdf"/);
      expect(response.headers.get("content-type")).toBe("application/pdf");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(Buffer.from(await response.arrayBuffer())).toEqual(pdfBytes);
    }
  });

  it("answers 404 to another supplier, a VCSE and another council", async () => {
    const { w, evidence } = await uploaded();
    for (const cookie of [w.cookies.otherSupplierOwner, w.cookies.vcseOwner, w.cookies.officerB]) {
      expect((await download(evidence.id, cookie)).status).toBe(404);
    }
    const anonymous = await download(evidence.id);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/sign-in/);
  });

  const remove = (w: World, cookie: string, evidenceId: string, hours = "") =>
    callAction(returnAction, {
      path: `/returns/${w.kpiReturn.id}`,
      params: { id: w.kpiReturn.id },
      cookie,
      form: returnForm(w, `remove-evidence:${evidenceId}`, { hours }),
    });

  it("lets the supplier remove a file from a draft, deleting the stored copy and keeping typed figures", async () => {
    const { w, evidence } = await uploaded();
    expect((await remove(w, w.cookies.otherSupplierOwner, evidence.id)).status).toBe(404);
    const response = await remove(w, w.cookies.supplierOwner, evidence.id, "7");
    expect(response.status).toBe(302);
    expect(await db.evidenceFile.count({ where: { id: evidence.id } })).toBe(0);
    await expect(fs.access(path.join(folder.root, evidence.storageKey))).rejects.toThrow();
    expect(String((await hoursLine(w))?.quantity)).toBe("7");
    // a second click finds it gone: answered, not an error page
    const again = await remove(w, w.cookies.supplierOwner, evidence.id, "7");
    expect(again.status).toBe(302);
  });

  it("refuses to remove a file from a submitted return", async () => {
    const { w, evidence } = await uploaded();
    await db.kpiReturn.update({ where: { id: w.kpiReturn.id }, data: { status: "SUBMITTED" } });
    const response = await remove(w, w.cookies.supplierOwner, evidence.id, "7");
    expect(response.status).toBe(409);
    expect(await db.evidenceFile.count({ where: { id: evidence.id } })).toBe(1);
  });

  it("answers a form with an unknown button as out of date, saving nothing", async () => {
    const w = await createReturnsWorld();
    for (const intent of ["upload", "remove-evidence", "upload:a:b", "delete-everything"]) {
      const response = await callAction(returnAction, {
        path: `/returns/${w.kpiReturn.id}`,
        params: { id: w.kpiReturn.id },
        cookie: w.cookies.supplierOwner,
        form: { ...returnForm(w, "save", { hours: "3" }), intent },
      });
      expect(response.status).toBe(400);
    }
    expect(await hoursLine(w)).toBeNull();
  });
});
