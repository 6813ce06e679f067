import { describe, expect, it } from "vitest";
import { readCommand } from "~/routes/returns.$id._index/command.ts";

describe("the return form's buttons", () => {
  it("reads saving and submitting", () => {
    expect(readCommand("save")).toEqual({ kind: "save" });
    expect(readCommand("submit")).toEqual({ kind: "submit" });
  });

  it("reads which commitment a file is uploaded for and which file is removed", () => {
    expect(readCommand("upload:c123")).toEqual({ kind: "upload", commitmentId: "c123" });
    expect(readCommand("remove-evidence:e456")).toEqual({ kind: "remove-evidence", evidenceId: "e456" });
  });

  it.each([
    ["nothing", null],
    ["an empty value", ""],
    ["an unknown button", "delete"],
    ["saving with a target", "save:c123"],
    ["submitting with an empty target", "submit:"],
    ["an upload without a commitment", "upload"],
    ["an upload with an empty commitment", "upload:"],
    ["a removal without a file", "remove-evidence:"],
    ["a target with more parts", "upload:c1:c2"],
    ["a differently cased button", "Submit"],
    ["a file sent as the button", new File(["submit"], "submit")],
  ])("refuses %s", (_, intent) => {
    expect(readCommand(intent)).toBeNull();
  });
});
