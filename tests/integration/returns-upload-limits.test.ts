// The edges of an evidence upload: a CSV saved by Excel on Windows (not UTF-8) is accepted; a form that
// fails after its file was stored keeps no file; parts we ignore are not read without end.
import fs from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as returnAction } from "~/routes/returns.$id._index/route.tsx";
import { callAction } from "../helpers/routes.ts";
import { evidenceFolderForTests } from "./evidence-folder.ts";
import { createReturnsWorld, returnForm } from "./returns-world.ts";

type World = Awaited<ReturnType<typeof createReturnsWorld>>;

const folder = evidenceFolderForTests("svm-evidence-limits-");

const pdfBytes = Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n");

const storedFiles = () => folder.storedFiles();
const evidenceOf = (w: World) =>
  db.evidenceFile.findMany({ where: { returnLine: { returnId: w.kpiReturn.id } } });

function uploadForm(w: World, file: File) {
  const form = new FormData();
  for (const [name, value] of Object.entries(returnForm(w, `upload:${w.hoursCommitment.id}`))) {
    form.append(name, value);
  }
  form.append("lines[0].evidence", file);
  return form;
}
function post(w: World, form: FormData) {
  return callAction(returnAction, {
    path: `/returns/${w.kpiReturn.id}`,
    params: { id: w.kpiReturn.id },
    cookie: w.cookies.supplierOwner,
    form,
  });
}

describe("CSV evidence", () => {
  it("accepts a CSV saved by Excel on Windows (code page 1252, £ as 0xA3)", async () => {
    const w = await createReturnsWorld();
    const bytes = Buffer.concat([
      Buffer.from("Volunteer,Hours,Expenses\r\nCaf"),
      Buffer.from([0xe9]), // é
      Buffer.from(" helper,3,"),
      Buffer.from([0xa3]), // £
      Buffer.from("12.50\r\n"),
    ]);
    const response = await post(w, uploadForm(w, new File([bytes], "hours.csv")));
    expect(response.status).toBe(302);
    const [evidence] = await evidenceOf(w);
    expect(evidence).toMatchObject({ originalName: "hours.csv", contentType: "text/csv" });
    expect(await fs.readFile(path.join(folder.root, evidence.storageKey))).toEqual(bytes);
  });

  it("still refuses binary content named .csv", async () => {
    const w = await createReturnsWorld();
    const bytes = Buffer.from([0x61, 0x2c, 0xa3, 0x00, 0x01, 0x02, 0x0a]);
    const response = await post(w, uploadForm(w, new File([bytes], "data.csv")));
    expect(response.status).toBe(400);
    expect(await evidenceOf(w)).toEqual([]);
    expect(await storedFiles()).toEqual([]);
  });
});

describe("a form that fails after its file was stored", () => {
  it("answers 413 for a field far past any answer's length after the file, and keeps no file", async () => {
    const w = await createReturnsWorld();
    const form = uploadForm(w, new File([pdfBytes], "timesheets.pdf"));
    form.append("lines[1].note", "x".repeat(10 * 1024 * 1024 + 1));
    const response = await post(w, form);
    expect(response.status).toBe(413);
    expect(await evidenceOf(w)).toEqual([]);
    expect(await storedFiles()).toEqual([]);
  });

  it("stops reading a file part it ignores once it passes the size limit", async () => {
    const w = await createReturnsWorld();
    const form = uploadForm(w, new File([pdfBytes], "timesheets.pdf"));
    // a second file: only one is kept, the rest is read past, but not without end
    form.append("other", new File([Buffer.alloc(10 * 1024 * 1024 + 1, 0x20)], "padding.txt"));
    const response = await post(w, form);
    expect(response.status).toBe(413);
    expect(await evidenceOf(w)).toEqual([]);
    expect(await storedFiles()).toEqual([]);
  });

  it("reads past a small ignored file part as before", async () => {
    const w = await createReturnsWorld();
    const form = uploadForm(w, new File([pdfBytes], "timesheets.pdf"));
    form.append("other", new File([Buffer.from("ignored")], "small.txt"));
    expect((await post(w, form)).status).toBe(302);
    expect(await evidenceOf(w)).toHaveLength(1);
  });
});
