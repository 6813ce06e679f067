// A file of a type evidence is not taken in, but whose contents are text (a .txt note, a .tsv rota, a saved web
// page): the supplier was told "The selected file's contents are not a .txt file", which they are. They are now
// told which files are taken; a file whose name says one allowed type and whose contents are another is still told
// so.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as returnAction } from "~/routes/returns.$id._index/route.tsx";
import { callAction } from "../helpers/routes.ts";
import { evidenceFolderForTests } from "./evidence-folder.ts";
import { createReturnsWorld, returnForm } from "./returns-world.ts";

const folder = evidenceFolderForTests("svm-s19-type-");

async function uploadError(name: string, contents: BlobPart) {
  const w = await createReturnsWorld();
  const form = new FormData();
  for (const [key, value] of Object.entries(returnForm(w, `upload:${w.hoursCommitment.id}`))) {
    form.append(key, value);
  }
  form.append("lines[0].evidence", new File([contents], name));
  const response = await callAction(returnAction, {
    path: `/returns/${w.kpiReturn.id}`,
    params: { id: w.kpiReturn.id },
    cookie: w.cookies.supplierOwner,
    form,
  });
  expect(response.status).toBe(400);
  expect(await db.evidenceFile.count()).toBe(0);
  expect(await folder.storedFiles()).toEqual([]);
  const body = (await response.json()) as { reply: { error?: Record<string, string[]> } };
  return body.reply.error?.["lines[0].evidence"]?.[0];
}

describe("a refused evidence file's message", () => {
  it.each([
    ["notes.txt", "Hours by site: depot 3.5"],
    ["rota.tsv", "site\thours\nDepot\t3.5\n"],
    ["report.html", "<p>Hours</p>"],
  ])("for %s names the files that are taken", async (name, contents) => {
    expect(await uploadError(name, contents)).toBe(
      "The selected file must be a PDF, PNG, JPEG, CSV or Excel (.xlsx) file",
    );
  });

  it("still says when the contents are not what an allowed name says", async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    // in plain words since session 55 (it was "The selected file's contents are not a .pdf file: the selected file
    // must be …")
    expect(await uploadError("photo.pdf", png)).toBe(
      "The selected file is not a real PDF: choose a PDF, PNG, JPEG, CSV or Excel (.xlsx) file",
    );
  });
});
