// A genuine PDF or photo whose name has no type at the end ("Q1 timesheets", as some systems save downloads)
// was refused as "The selected file's contents are not a recognised file", though its contents were checked and
// recognised. It is now taken for what its contents are and stored with that type's extension, so it downloads
// as one; text, which has no signature to tell, still needs its name to say it is a CSV file.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { loader as evidenceLoader } from "~/routes/evidence.$id.ts";
import { action as returnAction } from "~/routes/returns.$id._index/route.tsx";
import { callAction, callLoader } from "../helpers/routes.ts";
import { evidenceFolderForTests } from "./evidence-folder.ts";
import { createReturnsWorld, returnForm } from "./returns-world.ts";

type World = Awaited<ReturnType<typeof createReturnsWorld>>;

const folder = evidenceFolderForTests("svm-evidence-s28-noext-");
const pdfBytes = Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n");

function upload(w: World, file: File) {
  const form = new FormData();
  for (const [name, value] of Object.entries(returnForm(w, `upload:${w.hoursCommitment.id}`))) {
    form.append(name, value);
  }
  form.append("lines[0].evidence", file);
  return callAction(returnAction, {
    path: `/returns/${w.kpiReturn.id}`,
    params: { id: w.kpiReturn.id },
    cookie: w.cookies.supplierOwner,
    form,
  });
}

describe("an evidence file whose name has no type at the end", () => {
  it("is accepted when its contents are a PDF, stored and downloaded as a .pdf", async () => {
    const w = await createReturnsWorld();
    expect((await upload(w, new File([pdfBytes], "Q1 timesheets"))).status).toBe(302);
    const evidence = await db.evidenceFile.findFirstOrThrow({
      where: { returnLine: { returnId: w.kpiReturn.id } },
    });
    expect(evidence).toMatchObject({ originalName: "Q1 timesheets.pdf", contentType: "application/pdf" });
    const download = await callLoader(evidenceLoader, {
      path: `/evidence/${evidence.id}`,
      params: { id: evidence.id },
      // (a draft's files are the supplier's alone until it is sent)
      cookie: w.cookies.supplierMember,
    });
    expect(download.headers.get("content-disposition")).toContain('filename="Q1 timesheets.pdf"');
    expect(await folder.storedFiles()).toHaveLength(1);
  });

  it("is refused, saying the name must say so, when it is text", async () => {
    const w = await createReturnsWorld();
    const response = await upload(w, new File(["name,hours\nAlex,3\n"], "hours"));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { reply: { error?: Record<string, string[]> } };
    expect(body.reply.error?.["lines[0].evidence"]?.[0]).toBe(
      "The selected file must be a PDF, PNG, JPEG, CSV or Excel (.xlsx) file, with its type at the end of its name, like hours.csv",
    );
    expect(await folder.storedFiles()).toEqual([]);
  });
});
