// A folder of its own for a test file's evidence uploads: the portal's evidence storage points at it while the
// file's tests run, it is emptied before each test (so "keeping nothing" means nothing at all), and removed after.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { folderStorage, setEvidenceStorage } from "~/domain/reporting/evidence-storage.server.ts";

export function evidenceFolderForTests(prefix: string, { emptyBeforeEach = true } = {}) {
  const folder = {
    root: "",
    /** The names of the files stored now. */
    async storedFiles() {
      const entries = await fs.readdir(folder.root, { recursive: true, withFileTypes: true });
      return entries.filter((e) => e.isFile()).map((e) => e.name);
    },
  };
  beforeAll(async () => {
    folder.root = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
    setEvidenceStorage(folderStorage(folder.root));
  });
  if (emptyBeforeEach)
    beforeEach(async () => {
      await fs.rm(folder.root, { recursive: true, force: true });
      await fs.mkdir(folder.root);
    });
  afterAll(async () => {
    setEvidenceStorage(undefined);
    await fs.rm(folder.root, { recursive: true, force: true });
  });
  return folder;
}
