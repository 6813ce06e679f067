// Reads the return page's forms. Uploads arrive as multipart: the "evidence" file is streamed straight
// into storage (checked and hashed on the way); every other field is read as short text.
import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import {
  evidenceStorage,
  storeEvidenceUpload,
  UploadAbandoned,
  type UploadOutcome,
} from "~/domain/reporting/evidence-storage.server.ts";
import { MAX_EVIDENCE_BYTES } from "~/domain/reporting/returns-evidence.ts";
import { readForm } from "~/server/read-form.server.ts";

const MAX_FIELD_BYTES = 64 * 1024;

export type ReturnForm = { formData: FormData; upload: UploadOutcome | undefined };

export async function readReturnForm(
  request: Request,
  options: { acceptFiles: boolean },
): Promise<ReturnForm> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.startsWith("multipart/form-data"))
    return { formData: await readForm(request), upload: undefined };
  let upload: UploadOutcome | undefined;
  const handler: UploadHandler = async (part) => {
    if (part.filename !== undefined) {
      if (part.name !== "evidence" || !options.acceptFiles || upload !== undefined) {
        // read past files we will not keep, but not without end
        let skipped = 0;
        for await (const chunk of part.data) {
          skipped += chunk.length;
          if (skipped > MAX_EVIDENCE_BYTES) throw new Response("File too large", { status: 413 });
        }
        return undefined;
      }
      upload = await storeEvidenceUpload(part);
      return undefined;
    }
    let size = 0;
    const chunks: Uint8Array[] = [];
    for await (const chunk of part.data) {
      size += chunk.length;
      if (size > MAX_FIELD_BYTES) throw new Response("Form field too long", { status: 413 });
      chunks.push(chunk);
    }
    return new TextDecoder().decode(Buffer.concat(chunks));
  };
  try {
    return { formData: await unstable_parseMultipartFormData(request, handler), upload };
  } catch (error) {
    // a field or part after the stored file can still fail the form: the file must not stay behind
    await discardUpload(upload);
    if (error instanceof Response) throw error;
    if (error instanceof UploadAbandoned) throw new Response("File too large", { status: 413 });
    throw new Response("The form could not be read", { status: 400 });
  }
}

/** Removes a stored upload the action decided not to keep. */
export async function discardUpload(upload: UploadOutcome | undefined) {
  if (upload?.ok) await evidenceStorage().remove(upload.file.storageKey);
}
