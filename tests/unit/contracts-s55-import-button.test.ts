import { describe, expect, it } from "vitest";
import { alreadyAsInFile, importButtonLabel } from "~/domain/contracts/import-summary.ts";

describe("the import preview's button", () => {
  it("names what importing writes, in the summary's words", () => {
    expect(importButtonLabel({ created: 1, changed: 0 })).toBe("Import 1 new contract");
    expect(importButtonLabel({ created: 1200, changed: 0 })).toBe("Import 1,200 new contracts");
    expect(importButtonLabel({ created: 0, changed: 1 })).toBe("Import 1 changed contract");
    expect(importButtonLabel({ created: 0, changed: 3 })).toBe("Import 3 changed contracts");
    expect(importButtonLabel({ created: 2, changed: 1 })).toBe("Import 2 new and 1 changed contracts");
  });

  it("is none when the file changes nothing, and the preview says why", () => {
    expect(importButtonLabel({ created: 0, changed: 0 })).toBeNull();
    expect(alreadyAsInFile({ unchanged: 1 })).toBe("The contract is already as in the file.");
    expect(alreadyAsInFile({ unchanged: 2 })).toBe("Both contracts are already as in the file.");
    expect(alreadyAsInFile({ unchanged: 1500 })).toBe("All 1,500 contracts are already as in the file.");
  });
});
