// The first line of a contracts file. A blank first line (cells with nothing in them) got seven problems, one for
// each required column "missing"; a header with a quote mark never closed was also called "The file is empty".
import { beforeAll, describe, expect, it } from "vitest";
import { BLANK_FIRST_LINE } from "~/domain/contracts/import-rows.ts";
import { previewImport } from "~/domain/contracts/import.server.ts";
import { createWorld } from "../helpers/factories.ts";

let councilId: string;

beforeAll(async () => {
  councilId = (await createWorld()).councilA.id;
});

describe("a file's first line", () => {
  it.each([
    ["spaces", "   \ncontract_reference,contract_title\n"],
    ["empty cells", ",,,\r\nA-1,Title,x,y\r\n"],
  ])("that is blank (%s) is one problem saying the header must come first", async (_name, file) => {
    expect((await previewImport(councilId, file)).errors).toEqual([
      { line: 1, column: null, message: BLANK_FIRST_LINE },
    ]);
  });

  it("with a quote mark never closed is not also called empty", async () => {
    const { errors } = await previewImport(councilId, '"contract_reference,contract_title\nA,B\n');
    expect(errors).toEqual([{ line: 1, column: null, message: expect.stringMatching(/never closed/) }]);
  });

  it("an empty file is still empty", async () => {
    expect((await previewImport(councilId, "\r\n\r\n")).errors).toEqual([
      { line: 1, column: null, message: "The file is empty" },
    ]);
  });
});
