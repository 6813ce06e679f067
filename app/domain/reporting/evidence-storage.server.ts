// Evidence files live outside the database, behind a small interface so an object store can replace the
// folder later. Uploads are streamed: checked for type and size and hashed as they arrive.
import crypto from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { finished } from "node:stream/promises";
import { getEnv } from "~/env.server.ts";
import { EvidenceTypeChecker, MAX_EVIDENCE_BYTES, safeFilename, storedFilename } from "./returns-evidence.ts";

export interface EvidenceStorage {
  /** Writes the chunks under a new key; `inspect` sees every chunk first and may throw to abandon. */
  write(chunks: AsyncIterable<Uint8Array>, inspect: (chunk: Uint8Array) => void): Promise<string>;
  /** Null when the stored copy has gone (the record outlived its file). */
  read(key: string): Promise<Readable | null>;
  remove(key: string): Promise<void>;
}

export function uploadDir(): string {
  const env = getEnv();
  return path.resolve(env.UPLOAD_DIR ?? path.join(env.DATA_DIR, "uploads"));
}

const KEY_PATTERN = /^[0-9a-f]{2}\/[0-9a-f-]{36}$/;

export function folderStorage(root: string = uploadDir()): EvidenceStorage {
  const fileFor = (key: string) => {
    if (!KEY_PATTERN.test(key)) throw new Error("bad storage key");
    return path.join(root, key);
  };
  return {
    async write(chunks, inspect) {
      const id = crypto.randomUUID();
      const key = `${id.slice(0, 2)}/${id}`;
      const target = fileFor(key);
      await fs.mkdir(path.dirname(target), { recursive: true });
      const partial = `${target}.part`;
      const out = createWriteStream(partial, { flags: "wx" });
      try {
        for await (const chunk of chunks) {
          inspect(chunk);
          if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
        }
        out.end();
        await finished(out);
        await fs.rename(partial, target);
        return key;
      } catch (error) {
        out.destroy();
        // wait for the file to be closed: a first chunk that is already too large is refused before the file
        // has even been opened, and removing it before the open completes would leave it behind
        await finished(out).catch(() => undefined);
        await fs.rm(partial, { force: true });
        throw error;
      }
    },
    async read(key) {
      if (!KEY_PATTERN.test(key)) return null;
      try {
        await fs.access(fileFor(key));
      } catch {
        return null;
      }
      return createReadStream(fileFor(key));
    },
    async remove(key) {
      await fs.rm(fileFor(key), { force: true });
    },
  };
}

let storage: EvidenceStorage | undefined;
export function evidenceStorage(): EvidenceStorage {
  return (storage ??= folderStorage());
}
/** Tests point storage at their own folder. */
export function setEvidenceStorage(next: EvidenceStorage | undefined) {
  storage = next;
}

export type StoredUpload = {
  storageKey: string;
  originalName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
};

export type UploadOutcome = { ok: true; file: StoredUpload } | { ok: false; message: string } | null;

class UploadRejected extends Error {}

/** Thrown when a request goes on sending far past the limit: the route answers 413 and stops reading. */
export class UploadAbandoned extends Error {}

// Reading (not storing) the rest of an oversized file lets the browser receive our error page instead of a
// reset connection; past this much we stop listening.
const DISCARD_LIMIT_BYTES = 4 * MAX_EVIDENCE_BYTES;

async function discardRest(data: AsyncIterable<Uint8Array>) {
  let discarded = 0;
  for await (const chunk of data) {
    discarded += chunk.length;
    if (discarded > DISCARD_LIMIT_BYTES) throw new UploadAbandoned("upload far larger than allowed");
  }
}

/**
 * Streams one uploaded file into storage. Stops reading as soon as it passes 10 MB, and removes the
 * stored copy if its content is not an allowed type. Returns null when no file was chosen.
 */
export async function storeEvidenceUpload(part: {
  filename?: string;
  data: AsyncIterable<Uint8Array>;
}): Promise<UploadOutcome> {
  if (!part.filename) {
    for await (const _chunk of part.data); // an empty file input still sends an empty part
    return null;
  }
  const originalName = safeFilename(part.filename);
  const checker = new EvidenceTypeChecker(originalName);
  const hash = crypto.createHash("sha256");
  let size = 0;
  let key: string;
  try {
    key = await evidenceStorage().write(part.data, (chunk) => {
      size += chunk.length;
      if (size > MAX_EVIDENCE_BYTES) throw new UploadRejected("The selected file must be smaller than 10 MB");
      checker.push(chunk);
      hash.update(chunk);
    });
  } catch (error) {
    if (!(error instanceof UploadRejected)) throw error;
    await discardRest(part.data);
    return { ok: false, message: error.message };
  }
  const verdict = checker.verdict();
  if (!verdict.ok) {
    await evidenceStorage().remove(key);
    return { ok: false, message: verdict.message };
  }
  return {
    ok: true,
    file: {
      storageKey: key,
      originalName: storedFilename(originalName, verdict.kind),
      contentType: verdict.contentType,
      sizeBytes: size,
      sha256: hash.digest("hex"),
    },
  };
}
