// Evidence uploads: streamed to the storage folder, type checked by content, 10 MB limit, SHA-256 stored,
// downloads only for the supplier and the council, always as an attachment.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { folderStorage, setEvidenceStorage } from "~/domain/reporting/evidence-storage.server.ts";
import { loader as evidenceLoader } from "~/routes/evidence.$id.ts";
import { action as returnAction } from "~/routes/returns.$id._index/route.tsx";
import { callAction, callLoader } from "../helpers/routes.ts";
import { createReturnsWorld } from "./returns-world.ts";

type World = Awaited<ReturnType<typeof createReturnsWorld>>;

let root: string;
beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "svm-evidence-"));
  setEvidenceStorage(folderStorage(root));
});
// each test starts with an empty folder, so "keeping nothing" means nothing at all
beforeEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
  await fs.mkdir(root);
});
afterAll(async () => {
  setEvidenceStorage(undefined);
  await fs.rm(root, { recursive: true, force: true });
});

const evidenceCount = (w: World) =>
  db.evidenceFile.count({ where: { returnLine: { returnId: w.kpiReturn.id } } });

async function storedFiles(): Promise<string[]> {
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => e.name);
}

function upload(w: World, cookie: string, file: File | null, commitmentId = w.hoursCommitment.id) {
  const form = new FormData();
  form.append("intent", "upload");
  form.append("commitmentId", commitmentId);
  form.append("evidence", file ?? new File([], ""));
  return callAction(returnAction, {
    path: `/returns/${w.kpiReturn.id}`,
    params: { id: w.kpiReturn.id },
    cookie,
    form,
  });
}

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
    expect(await fs.readFile(path.join(root, evidence.storageKey))).toEqual(pdfBytes);
    expect((await db.kpiReturn.findUniqueOrThrow({ where: { id: w.kpiReturn.id } })).status).toBe("DRAFT");
  });

  it("refuses a file over 10 MB, keeping nothing", async () => {
    const w = await createReturnsWorld();
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
    big.write("%PDF-1.7\n", 0);
    const response = await upload(w, w.cookies.supplierOwner, new File([big], "huge.pdf"));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "The selected file must be smaller than 10 MB" });
    expect(await evidenceCount(w)).toBe(0);
    expect(await storedFiles()).toEqual([]);
  });

  it("leaves no partial file when the very first chunk is refused (before the file is even open)", async () => {
    const storage = folderStorage(root);
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
    expect((await response.json()) as { error: string }).toMatchObject({
      error: expect.stringMatching(/PDF, PNG/),
    });
    expect(await evidenceCount(w)).toBe(0);
    expect(await storedFiles()).toEqual([]);
  });

  it("asks for a file when none was chosen", async () => {
    const w = await createReturnsWorld();
    const response = await upload(w, w.cookies.supplierOwner, null);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "Select a file to upload" });
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
    expect(response.status).toBe(400);
    expect(await storedFiles()).toEqual([]);
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

  it("serves the file to the supplier and the council's officers as an attachment", async () => {
    const { w, evidence } = await uploaded();
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

  it("lets the supplier remove a file from a draft, deleting the stored copy", async () => {
    const { w, evidence } = await uploaded();
    const other = await callAction(returnAction, {
      path: `/returns/${w.kpiReturn.id}`,
      params: { id: w.kpiReturn.id },
      cookie: w.cookies.otherSupplierOwner,
      form: { intent: "remove-evidence", evidenceId: evidence.id },
    });
    expect(other.status).toBe(404);
    const response = await callAction(returnAction, {
      path: `/returns/${w.kpiReturn.id}`,
      params: { id: w.kpiReturn.id },
      cookie: w.cookies.supplierOwner,
      form: { intent: "remove-evidence", evidenceId: evidence.id },
    });
    expect(response.status).toBe(302);
    expect(await db.evidenceFile.count({ where: { id: evidence.id } })).toBe(0);
    await expect(fs.access(path.join(root, evidence.storageKey))).rejects.toThrow();
  });
});
