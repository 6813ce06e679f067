// Reads the return page's form. It arrives as multipart when it carries evidence files: each line's file
// ("lines[i].evidence") is streamed straight into storage (checked and hashed on the way); every other field
// is read as short text.
import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import {
  evidenceStorage,
  storeEvidenceUpload,
  UploadAbandoned,
  type UploadOutcome,
} from "~/domain/reporting/evidence-storage.server.ts";
import { MAX_EVIDENCE_BYTES } from "~/domain/reporting/returns-evidence.ts";
import { readForm } from "~/server/read-form.server.ts";
import { refuse } from "~/ui/route-refusal.server.ts";

const MAX_FIELD_BYTES = 64 * 1024;
// Past this, a field is no answer a person pasted: the form is refused rather than read on.
const MAX_FIELD_READ_BYTES = MAX_EVIDENCE_BYTES;

/** A file chosen for one line of the return, stored or refused (with why). */
export type LineUpload = { field: string; commitmentId: string; outcome: NonNullable<UploadOutcome> };

export type ReturnForm = { formData: FormData; uploads: LineUpload[] };

/**
 * `fileFields` maps the file fields we keep (form field name → commitment); files in any other field, and a
 * second file in the same field, are read past and dropped.
 */
export async function readReturnForm(
  request: Request,
  fileFields: ReadonlyMap<string, string>,
): Promise<ReturnForm> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.startsWith("multipart/form-data"))
    return { formData: await readForm(request), uploads: [] };
  const uploads: LineUpload[] = [];
  const handler: UploadHandler = async (part) => {
    if (part.filename !== undefined) {
      const commitmentId = fileFields.get(part.name);
      if (commitmentId === undefined || uploads.some((u) => u.field === part.name)) {
        // read past files we will not keep, but not without end
        let skipped = 0;
        for await (const chunk of part.data) {
          skipped += chunk.length;
          if (skipped > MAX_EVIDENCE_BYTES) refuse("evidenceTooLarge", 413);
        }
        return undefined;
      }
      const outcome = await storeEvidenceUpload(part);
      // an empty file input (nothing chosen) sends an unnamed empty part: no upload
      if (outcome) uploads.push({ field: part.name, commitmentId, outcome });
      return undefined;
    }
    let size = 0;
    const chunks: Uint8Array[] = [];
    for await (const chunk of part.data) {
      if (size < MAX_FIELD_BYTES) chunks.push(chunk);
      size += chunk.length;
      if (size > MAX_FIELD_READ_BYTES) refuse("answerTooLong", 413);
    }
    // a long text pasted into an answer is kept in part: still longer than any answer may be, it comes back
    // with the form saying how long it may be, and the rest of what was typed, not as an error page
    return new TextDecoder().decode(Buffer.concat(chunks).subarray(0, MAX_FIELD_BYTES));
  };
  try {
    return { formData: await unstable_parseMultipartFormData(request, handler), uploads };
  } catch (error) {
    // a field or part after a stored file can still fail the form: the files must not stay behind
    await discardUploads(uploads);
    if (error instanceof Response) throw error;
    if (error instanceof UploadAbandoned) refuse("evidenceTooLarge", 413);
    refuse("unreadableForm", 400);
  }
}

/** Removes stored uploads the action decided not to keep. */
export async function discardUploads(uploads: LineUpload[]) {
  for (const { outcome } of uploads) {
    if (outcome.ok) await evidenceStorage().remove(outcome.file.storageKey);
  }
}
