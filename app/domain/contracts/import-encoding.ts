// The text of an uploaded CSV file. Excel on Windows saves "CSV (Comma delimited)" in Windows-1252, where "£"
// and "é" are single bytes that are never valid UTF-8; reading such a file as UTF-8 turned them into "�". A file
// is read as UTF-8 while it is valid UTF-8 and as Windows-1252 from the first byte that is not; text that is
// valid UTF-8 only by accident (such as "Ã©") is vanishingly rare in a contracts export. A file Excel saved as
// "Unicode Text" (tab-separated) is UTF-16, told by its byte order mark, or, where a system wrote none, by the
// NUL byte beside each letter of its (English) column names: every second byte, the first of each pair in
// big-endian order and the second in little-endian.

export type ImportEncoding = "utf-8" | "windows-1252" | "utf-16";

export const MIXED_ENCODING_MESSAGE =
  "The file mixes two character encodings, so its £ signs and accented letters cannot be read. In Excel, save it again as “CSV UTF-8 (Comma delimited)”.";

/** A file that cannot be read as a contracts file at all; its message says what to do instead. `line`: where the
 * problem is, as a text editor numbers the file (the first line when it is the whole file's). */
export class UnreadableFileError extends Error {
  constructor(
    message: string,
    readonly line = 1,
  ) {
    super(message);
  }
}

/** `line` is the line of the first byte that is not UTF-8: in a file of thousands of rows, where to look. */
export class MixedEncodingError extends UnreadableFileError {
  constructor(line: number) {
    super(MIXED_ENCODING_MESSAGE, line);
  }
}

const SAVE_AS_CSV = "save it as “CSV UTF-8 (Comma delimited)”";

/**
 * What a file that is not text is, from its first bytes, or null for text. A workbook or PDF chosen by mistake
 * (or renamed to .csv) was read as a header of control characters: a dozen problems naming none of the cause.
 */
export function notTextProblem(head: Uint8Array): string | null {
  const startsWith = (...signature: number[]) => signature.every((byte, i) => head[i] === byte);
  // a workbook (.xlsx) is a zip file; an empty or split zip file starts with one of the other two markers
  if (
    startsWith(0x50, 0x4b, 0x03, 0x04) ||
    startsWith(0x50, 0x4b, 0x05, 0x06) ||
    startsWith(0x50, 0x4b, 0x07, 0x08)
  )
    return `This is an Excel workbook (or another zipped file), not a CSV file. In Excel, ${SAVE_AS_CSV} and upload that.`;
  if (startsWith(0xd0, 0xcf, 0x11, 0xe0))
    return `This is an Excel 97–2003 workbook, not a CSV file. In Excel, ${SAVE_AS_CSV} and upload that.`;
  if (startsWith(0x25, 0x50, 0x44, 0x46, 0x2d))
    return "This is a PDF, not a CSV file. Export the contracts from your procurement system as CSV and upload that.";
  if (
    startsWith(0x89, 0x50, 0x4e, 0x47) || // PNG
    startsWith(0xff, 0xd8, 0xff) || // JPEG
    startsWith(0x47, 0x49, 0x46, 0x38) // GIF
  )
    return "This is an image, not a CSV file. Export the contracts from your spreadsheet or procurement system as “CSV UTF-8 (Comma delimited)” and upload that.";
  if (
    startsWith(0x1f, 0x8b) || // gzip
    startsWith(0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c) || // 7-Zip
    startsWith(0x52, 0x61, 0x72, 0x21, 0x1a, 0x07) // RAR
  )
    return "This is a compressed file, not a CSV file. Take the CSV file out of it and upload that.";
  // text never holds a NUL byte (UTF-16, which does, is told by its byte order mark or NUL pattern first), and
  // a header row of column names never holds a control character
  if (head.includes(0) || firstLine(head).some(isControl)) return NOT_TEXT;
  return null;
}

const NOT_TEXT =
  "This file is not a CSV file: it is not text. Save or export it as “CSV UTF-8 (Comma delimited)” and upload that.";

/** The bytes before the first line break (of the bytes read so far). */
function firstLine(head: Uint8Array) {
  const end = head.indexOf(0x0a);
  return head.subarray(0, end < 0 ? head.length : end);
}

/**
 * A control character that text files do not hold: not a tab, line break, form feed or vertical tab, nor the
 * end-of-file mark (Ctrl+Z) old DOS programs wrote; DEL too.
 */
function isControl(byte: number) {
  return (byte < 0x20 && ![0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1a].includes(byte)) || byte === 0x7f;
}

// Some Windows programs (and files that once went through DOS tools) end a text file with Ctrl+Z, its old
// end-of-file mark: after the last line break or straight after the last value, sometimes with a line break or
// spaces after it. Excel and Notepad ignore it; read as data it made a last "row" with the wrong number of fields.
const END_OF_FILE_MARK = "\x1a";
const WHITESPACE = /\s/;

/** Where the Ctrl+Z that only whitespace (or more Ctrl+Z) follows starts, or the text's length if there is none. */
function endOfFileMarkAt(text: string) {
  let i = text.length;
  while (i > 0 && (text[i - 1] === END_OF_FILE_MARK || WHITESPACE.test(text[i - 1]!))) i -= 1;
  const at = text.indexOf(END_OF_FILE_MARK, i);
  return at < 0 ? text.length : at;
}

export const END_OF_FILE_MARK_MESSAGE =
  "This row holds a Ctrl+Z character (an end-of-file mark) before the end of the file: delete it. One at the very end of the file is ignored.";

/** The text without a Ctrl+Z at its very end (and any whitespace after it); one anywhere else is left in. */
export async function* withoutEndOfFileMark(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let held = ""; // from a Ctrl+Z on, while nothing but whitespace has followed it: the end of the file, perhaps
  for await (const chunk of chunks) {
    const text = held + chunk;
    const cut = endOfFileMarkAt(text);
    held = text.slice(cut);
    if (cut > 0) yield text.slice(0, cut);
  }
}

/** How many bytes are read before a file's encoding is decided: its first line, column names, at least. */
export const SNIFF_BYTES = 512;

/** "utf-16le" or "utf-16be" for bytes that start with a UTF-16 byte order mark, else null. */
function utf16Of(head: Uint8Array) {
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  return utf16WithoutBom(head);
}

/**
 * UTF-16 with no byte order mark, from its NUL bytes: mostly ASCII (a contracts file starts with its column names)
 * is a NUL in every pair, always on the same side: the second byte little-endian, the first big-endian. A file
 * that is not text has NULs on both sides, or in few pairs, and is left to notTextProblem.
 */
export function utf16WithoutBom(head: Uint8Array): "utf-16le" | "utf-16be" | null {
  const pairs = Math.floor(Math.min(head.length, SNIFF_BYTES) / 2);
  if (pairs < 2) return null;
  let first = 0; // pairs whose first byte is NUL
  let second = 0;
  for (let i = 0; i < pairs; i += 1) {
    if (head[2 * i] === 0) first += 1;
    if (head[2 * i + 1] === 0) second += 1;
  }
  // most characters ASCII, and almost none on the other side (U+0100, say, is NUL then 0x01 little-endian)
  const most = pairs * 0.6;
  const few = pairs * 0.05;
  if (second >= most && first <= few) return "utf-16le";
  if (first >= most && second <= few) return "utf-16be";
  return null;
}

/** The chunks, the first of them at least SNIFF_BYTES long (or the whole file, if it is shorter). */
async function* withHead(chunks: AsyncIterable<string | Uint8Array>): AsyncGenerator<string | Uint8Array> {
  let head: Uint8Array[] | null = [];
  let length = 0;
  for await (const chunk of chunks) {
    if (head && typeof chunk !== "string") {
      head.push(chunk);
      length += chunk.length;
      if (length >= SNIFF_BYTES) {
        yield Buffer.concat(head);
        head = null;
      }
      continue;
    }
    if (head?.length) yield Buffer.concat(head);
    head = null;
    yield chunk;
  }
  if (head?.length) yield Buffer.concat(head);
}

// the BOM stays in the text: the CSV parser removes it (and only at the start of the file)
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const latin1 = new TextDecoder("windows-1252");
// Node 20 decodes "windows-1252" as ISO-8859-1, leaving 0x80–0x9F (€, ’, “, ”, –, …) as control characters
const C1 = "€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8DŽ\x8F\x90‘’“”•–—˜™š›œ\x9DžŸ";
const windows1252 = {
  decode: (bytes: Uint8Array) =>
    latin1.decode(bytes).replace(/[\x80-\x9f]/g, (c) => C1[c.charCodeAt(0) - 0x80]!),
};
const NON_ASCII = /[\u0080-\uffff]/;

/** How many bytes at the start end on a whole UTF-8 character (the rest waits for the next chunk). */
function wholeCharacters(bytes: Uint8Array) {
  for (let i = bytes.length - 1; i >= Math.max(0, bytes.length - 3); i -= 1) {
    const byte = bytes[i]!;
    if (byte < 0x80) return bytes.length;
    if (byte >= 0xc0) return bytes.length - i >= (byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2) ? bytes.length : i;
  }
  return bytes.length;
}

const lenient = new TextDecoder("utf-8", { ignoreBOM: true });

/** How many line breaks (LF) bytes that are not valid UTF-8 have before their first byte that is not: text decoded
 * leniently and encoded again matches the bytes up to there (a real "�" included), and differs from there on. */
function linesBeforeBadByte(bytes: Uint8Array) {
  const again = Buffer.from(lenient.decode(bytes), "utf8");
  let bad = 0;
  while (bad < bytes.length && bytes[bad] === again[bad]) bad += 1;
  return bytes.subarray(0, bad).filter((byte) => byte === 0x0a).length;
}

const linesIn = (text: string) => text.split("\n").length - 1;

/** Whether bytes that are not valid UTF-8 start with valid UTF-8 text other than ASCII (before the bad byte). */
function readsAsUtf8(bytes: Uint8Array) {
  const text = lenient.decode(bytes);
  const bad = text.indexOf("\ufffd");
  return NON_ASCII.test((bad < 0 ? text : text.slice(0, bad)).replace(/^\ufeff/, ""));
}

/**
 * Decodes a file chunk by chunk; `found.encoding` says how it was read. Throws MixedEncodingError if a file
 * that has already shown valid non-ASCII UTF-8 later has bytes that are not UTF-8.
 */
export async function* decodeImportChunks(
  chunks: AsyncIterable<string | Uint8Array>,
  found: { encoding: ImportEncoding },
): AsyncGenerator<string> {
  let carry = new Uint8Array(0);
  let nonAscii = false; // whether UTF-8 text other than ASCII has been read
  let started = false; // whether any bytes have been read
  let sniffed = false; // whether the first bytes have been checked
  let lines = 0; // the line breaks in the UTF-8 text read so far
  let utf16: TextDecoder | null = null; // the decoder BOM removed, so the parser sees no BOM
  for await (const chunk of withHead(chunks)) {
    if (typeof chunk === "string") {
      yield chunk;
      continue;
    }
    if (!sniffed && chunk.length) {
      sniffed = true;
      const encoding = utf16Of(chunk);
      if (encoding) {
        found.encoding = "utf-16";
        utf16 = new TextDecoder(encoding);
      } else {
        const problem = notTextProblem(chunk);
        if (problem) throw new UnreadableFileError(problem);
      }
    }
    if (utf16) {
      yield utf16.decode(chunk, { stream: true });
      continue;
    }
    if (found.encoding === "windows-1252") {
      yield windows1252.decode(chunk);
      continue;
    }
    const bytes = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    const cut = wholeCharacters(bytes);
    let text: string;
    try {
      text = utf8.decode(bytes.subarray(0, cut));
    } catch {
      if (nonAscii || readsAsUtf8(bytes.subarray(0, cut)))
        throw new MixedEncodingError(lines + linesBeforeBadByte(bytes.subarray(0, cut)) + 1);
      found.encoding = "windows-1252";
      carry = new Uint8Array(0);
      const bom = !started && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
      yield bom ? `\ufeff${windows1252.decode(bytes.subarray(3))}` : windows1252.decode(bytes);
      continue;
    }
    started = true;
    carry = bytes.slice(cut);
    nonAscii ||= NON_ASCII.test(text.replace(/^\ufeff/, ""));
    lines += linesIn(text);
    yield text;
  }
  if (utf16) {
    const rest = utf16.decode(); // a file ending part-way through a character ends with "�"
    if (rest) yield rest;
    return;
  }
  // a file ending part-way through a UTF-8 character
  if (carry.length) {
    if (nonAscii) throw new MixedEncodingError(lines + 1);
    found.encoding = "windows-1252";
    yield windows1252.decode(carry);
  }
}
