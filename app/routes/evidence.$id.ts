// Downloads an evidence file, only for the supplier that uploaded it and, once the supplier has sent it, the council's officers.
// Always as an attachment with our own content type, so a file can never run as a page on our site.
import { createReadableStreamFromReadable, redirect, type LoaderFunctionArgs } from "@remix-run/node";
import {
  asksForPage,
  downloadRefusedToPage,
  looksAhead,
  toPageInit,
} from "~/auth/download-refusal.server.ts";
import { notFound, requireViewer } from "~/auth/permissions.server.ts";
import { evidenceStorage } from "~/domain/reporting/evidence-storage.server.ts";
import { safeFilename } from "~/domain/reporting/returns-evidence.ts";
import { getEvidenceForViewer } from "~/domain/reporting/returns-queries.server.ts";
import { logger } from "~/server/logger.ts";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import type { ReturnStatus } from "~/generated/prisma/enums.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  // an address the portal refuses before reading it (naming two councils): a person is shown the returns page's
  // refusal of the same address, which names no return
  const viewer = await downloadRefusedToPage(request, "/returns", () => requireViewer(request));
  const evidence = await getEvidenceForViewer(params.id!, viewer);
  // Refused, a person who followed the link is shown the page of the return the file belongs to, which says what
  // they may see of it (the files the supplier has sent, for the council); a file of a return they may not see at
  // all (or none) names no return, and they are shown the portal's Page not found page (no page claims /evidence).
  const returnPage = evidence ? `/returns/${evidence.returnId}` : "/evidence";
  const file = await downloadRefusedToPage(request, returnPage, async () => evidence?.file ?? notFound());
  const stream = await evidenceStorage().read(file.storageKey);
  // Gone from storage (lost, or removed by hand): a person who followed the link is sent back to the return's page
  // with the words in its notice, as a refused download is sent to its page, rather than shown them alone in place
  // of a page, with the portal's header and the return they were working on. A program keeps the plain 410.
  if (!stream) {
    // a fault for whoever runs the portal to look into: the record's ids only (a file's name can say who it is about)
    logger.error(
      { evidenceId: params.id, storageKey: file.storageKey },
      "an evidence file is missing from storage",
    );
    if (asksForPage(request.headers.get("accept"))) {
      // a HEAD or a prefetch is no one looking: the notice is left for the page a person opens
      if (looksAhead(request)) throw redirect(returnPage, toPageInit());
      throw await redirectWithFlash(
        returnPage,
        { kind: "error", message: missingFileMessage(safeFilename(file.originalName), evidence!) },
        toPageInit(),
      );
    }
    throw new Response("This file is no longer available", {
      status: 410,
      statusText: "Gone",
      headers: { Vary: "Accept", "Cache-Control": "private, no-store" },
    });
  }
  const name = safeFilename(file.originalName);
  const asciiName = name.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "");
  return new Response(createReadableStreamFromReadable(stream), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.sizeBytes),
      "Content-Disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}

// What happened and what the person can do about it, by where the return is (returns-rules.ts): the supplier
// uploads again while the return is theirs to change; a sent one only the council can query back to them; an
// accepted one no one can change, so the file is asked for outside the portal.
function missingFileMessage(
  name: string,
  { asSupplier, supplierMayUpload, returnStatus }: MissingFileViewer,
) {
  const what = `The file “${name}” cannot be downloaded because it is no longer stored.`;
  if (returnStatus === "ACCEPTED") {
    const accepted = `${what} The return has been accepted, so the file cannot be uploaded again.`;
    return asSupplier
      ? `${accepted} Keep your own copy in case the council asks for it.`
      : `${accepted} Ask the supplier for a copy.`;
  }
  if (supplierMayUpload)
    return asSupplier ? `${what} Upload it again.` : `${what} Ask the supplier to upload it again.`;
  return asSupplier
    ? `${what} If the council needs it, they can query the return so that you can upload it again.`
    : `${what} Query the return so the supplier can upload it again.`;
}

type MissingFileViewer = { asSupplier: boolean; supplierMayUpload: boolean; returnStatus: ReturnStatus };
