// A previewed contracts file is kept on the server until the officer imports it, so the confirm step sends a
// short id instead of the whole file back (a 5 MB file made a 10 MB preview page). Files live in the upload
// folder (shared by every instance, like evidence) under the council's own folder, so an id only works for
// officers of the council that uploaded it. Previews that are never imported are removed after a day.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { uploadDir } from "~/domain/reporting/evidence-storage.server.ts";

const KEEP_MS = 24 * 60 * 60 * 1000;
const UPLOAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const COUNCIL_ID = /^[A-Za-z0-9_-]{1,64}$/;

function councilFolder(councilId: string) {
  if (!COUNCIL_ID.test(councilId)) throw new Error("bad council id");
  return path.join(uploadDir(), "contract-imports", councilId);
}

export function isUploadId(value: string) {
  return UPLOAD_ID.test(value);
}

/** Keeps the previewed file; returns the id the confirm form sends. Clears the council's stale previews. */
export async function keepImportUpload(councilId: string, csv: string | Uint8Array, now = Date.now()) {
  const folder = councilFolder(councilId);
  await fs.mkdir(folder, { recursive: true });
  for (const name of await fs.readdir(folder)) {
    const file = path.join(folder, name);
    const stat = await fs.stat(file).catch(() => null);
    if (stat && now - stat.mtimeMs > KEEP_MS) await fs.rm(file, { force: true });
  }
  const id = crypto.randomUUID();
  await fs.writeFile(path.join(folder, `${id}.csv`), csv, { flag: "wx" });
  return id;
}

/** The previewed file as uploaded (its bytes: the import decodes them as the preview did), or null if the id
 * is not one of this council's previews (or it has gone). */
export async function readImportUpload(councilId: string, id: string): Promise<Buffer | null> {
  if (!isUploadId(id)) return null;
  try {
    return await fs.readFile(path.join(councilFolder(councilId), `${id}.csv`));
  } catch {
    return null;
  }
}

export async function discardImportUpload(councilId: string, id: string) {
  if (isUploadId(id)) await fs.rm(path.join(councilFolder(councilId), `${id}.csv`), { force: true });
}
