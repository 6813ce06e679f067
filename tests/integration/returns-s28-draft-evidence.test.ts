// A file the supplier attaches to a return is the council's to download once the supplier sends it, as the return's
// page shows it: a contract manager with a draft's file id (from a link passed on, or an old page) could download
// evidence the supplier had not sent, and might still remove. The council gets 404 for a draft's files, and for
// files added while a queried return is amended, until it is sent again.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { loader as evidenceLoader } from "~/routes/evidence.$id.ts";
import { action as returnAction } from "~/routes/returns.$id._index/route.tsx";
import { callAction, callLoader } from "../helpers/routes.ts";
import { evidenceFolderForTests } from "./evidence-folder.ts";
import { reviewReturn } from "./returns-review-world.ts";
import { createReturnsWorld, returnForm } from "./returns-world.ts";

type World = Awaited<ReturnType<typeof createReturnsWorld>>;

evidenceFolderForTests("svm-draft-evidence-");

const pdf = (name: string) => new File([Buffer.from(`%PDF-1.7\n% ${name}\n%%EOF\n`)], name);

function send(w: World, intent: Parameters<typeof returnForm>[1], file?: File) {
  const form = new FormData();
  const values = { hours: "10", narrative: "A careers fair", declaration: intent === "submit" };
  for (const [name, value] of Object.entries(returnForm(w, intent, values))) form.append(name, value);
  if (file) form.append("lines[0].evidence", file);
  return callAction(returnAction, {
    path: `/returns/${w.kpiReturn.id}`,
    params: { id: w.kpiReturn.id },
    cookie: w.cookies.supplierOwner,
    form,
  });
}

async function fileNamed(w: World, name: string) {
  return db.evidenceFile.findFirstOrThrow({
    where: { originalName: name, returnLine: { returnId: w.kpiReturn.id } },
  });
}

const download = async (id: string, cookie: string) =>
  (await callLoader(evidenceLoader, { path: `/evidence/${id}`, params: { id }, cookie })).status;

describe("a return's evidence files", () => {
  it("are the supplier's alone while the return is a draft, and the council's once it is sent", async () => {
    const w = await createReturnsWorld();
    expect((await send(w, `upload:${w.hoursCommitment.id}`, pdf("timesheets.pdf"))).status).toBe(302);
    const file = await fileNamed(w, "timesheets.pdf");
    expect(await download(file.id, w.cookies.supplierMember)).toBe(200);
    expect(await download(file.id, w.cookies.officerA)).toBe(404);

    expect((await send(w, "submit")).status).toBe(302);
    expect(await download(file.id, w.cookies.officerA)).toBe(200);
  });

  it("added while a queried return is amended stay the supplier's until it is sent again", async () => {
    const w = await createReturnsWorld();
    await send(w, `upload:${w.hoursCommitment.id}`, pdf("first.pdf"));
    await send(w, "submit");
    const { submittedAt } = await db.kpiReturn.findUniqueOrThrow({ where: { id: w.kpiReturn.id } });
    const queried = await reviewReturn(
      { ...w, submittedAt: submittedAt!.toISOString(), hoursLineId: "" },
      w.cookies.officerA,
      {
        intent: "query",
        comment: "Please add the sign-in sheets.",
        submittedAt: submittedAt!.toISOString(),
      },
    );
    expect(queried.status).toBe(302);
    await send(w, `upload:${w.hoursCommitment.id}`, pdf("sign-in sheets.pdf"));
    const first = await fileNamed(w, "first.pdf");
    const added = await fileNamed(w, "sign-in sheets.pdf");
    expect(await download(first.id, w.cookies.officerA)).toBe(200);
    expect(await download(added.id, w.cookies.officerA)).toBe(404);
    expect(await download(added.id, w.cookies.supplierOwner)).toBe(200);

    expect((await send(w, "submit")).status).toBe(302);
    expect(await download(added.id, w.cookies.officerA)).toBe(200);
  });
});
