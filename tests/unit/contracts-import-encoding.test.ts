import { describe, expect, it } from "vitest";
import {
  decodeImportChunks,
  MixedEncodingError,
  type ImportEncoding,
} from "~/domain/contracts/import-encoding.ts";

async function decode(chunks: (string | Uint8Array)[]) {
  const found: { encoding: ImportEncoding } = { encoding: "utf-8" };
  let text = "";
  for await (const part of decodeImportChunks(
    (async function* () {
      yield* chunks;
    })(),
    found,
  ))
    text += part;
  return { text, encoding: found.encoding };
}

const bytes = (...values: (string | number[])[]) =>
  Buffer.concat(values.map((v) => (typeof v === "string" ? Buffer.from(v, "latin1") : Buffer.from(v))));

describe("decoding an uploaded CSV file", () => {
  it("reads UTF-8, even with a character split between two chunks", async () => {
    const utf8 = Buffer.from("title,value\nCafé,£1,000\n", "utf8");
    const at = utf8.indexOf(0xa3); // the second byte of "£"
    expect(await decode([utf8.subarray(0, at), utf8.subarray(at)])).toEqual({
      text: "title,value\nCafé,£1,000\n",
      encoding: "utf-8",
    });
  });

  it("keeps a UTF-8 BOM for the CSV parser to remove", async () => {
    expect(await decode([bytes([0xef, 0xbb, 0xbf], "a,b\n")])).toEqual({
      text: "\ufeffa,b\n",
      encoding: "utf-8",
    });
  });

  it("reads a Windows-1252 file (Excel on Windows) as Windows-1252, £ and accents included", async () => {
    // £ is 0xA3, é 0xE9 and € 0x80 in Windows-1252: none is valid UTF-8 on its own
    const file = bytes("title,value\nCaf", [0xe9], ",", [0xa3], "1,000 ", [0x80], "\n");
    expect(await decode([file])).toEqual({ text: "title,value\nCafé,£1,000 €\n", encoding: "windows-1252" });
    // Excel's curly quotes and dashes are in 0x80–0x9F, which Node 20 alone would leave as control characters
    const quotes = bytes("O", [0x92], "Brien ", [0x93], "works", [0x94], " ", [0x96], " phase 2\n");
    expect((await decode([quotes])).text).toBe("O’Brien “works” – phase 2\n");
  });

  it("switches to Windows-1252 at a later chunk when everything before was plain ASCII", async () => {
    // "é" (0xE9, a UTF-8 lead byte) ends the first chunk and is only found wrong in the next
    const { text, encoding } = await decode([bytes("a,b\nCaf", [0xe9]), bytes(",x\n", [0xa3], "5\n")]);
    expect(encoding).toBe("windows-1252");
    expect(text).toBe("a,b\nCafé,x\n£5\n");
  });

  it("a file ending part-way through a UTF-8 character is Windows-1252", async () => {
    expect(await decode([bytes("a,b\nx,", [0xc9])])).toEqual({ text: "a,b\nx,É", encoding: "windows-1252" });
  });

  it("refuses a file with both valid UTF-8 and bytes that are not", async () => {
    await expect(decode([Buffer.from("a,£\n", "utf8"), bytes([0xa3], "\n")])).rejects.toBeInstanceOf(
      MixedEncodingError,
    );
  });

  it("refuses a single chunk with valid UTF-8 before a byte that is not", async () => {
    await expect(
      decode([Buffer.concat([Buffer.from("a,£\n", "utf8"), bytes([0xa3], "\n")])]),
    ).rejects.toBeInstanceOf(MixedEncodingError);
  });

  it("reads a Windows-1252 file that starts with a UTF-8 BOM, keeping the BOM for the parser", async () => {
    expect(await decode([bytes([0xef, 0xbb, 0xbf], "a,", [0xa3], "5\n")])).toEqual({
      text: "\ufeffa,£5\n",
      encoding: "windows-1252",
    });
  });

  it("passes text through", async () => {
    expect(await decode(["a,£\n"])).toEqual({ text: "a,£\n", encoding: "utf-8" });
  });
});
