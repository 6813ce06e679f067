// The direction of dependencies is one way, routes → domain → db (STYLE.md): the marketplace's domain code
// imports neither UI components nor routes. Formats it shares with the pages live in ~/domain/format.ts.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const folder = path.resolve(import.meta.dirname, "../../app/domain/marketplace");
const files = fs.readdirSync(folder).filter((name) => /\.tsx?$/.test(name));
const importsOf = (name: string) =>
  [...fs.readFileSync(path.join(folder, name), "utf8").matchAll(/\bfrom\s+["']([^"']+)["']/g)].map(
    (m) => m[1],
  );

describe("the marketplace domain", () => {
  it("has modules to check", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files)("%s imports no UI or route module", (name) => {
    const upward = importsOf(name).filter((source) =>
      /^~\/(ui|routes)\/|^(\.\.\/)+(ui|routes)\//.test(source),
    );
    expect(upward).toEqual([]);
  });
});
