// The line each CSV row starts on, as a text editor numbers it. csv-parse gives the line a row *ends* on, so a
// row with a line break inside a quoted value (an address, a narrative) was reported on its last line, and it
// counts a quoted Windows line break (CR LF) as two lines, so every row after one was reported too far down.
// Here the line breaks are counted as the text goes to the parser, and a row starts at the first character
// after the previous row's end that is not a line break (blank lines between rows are skipped by the parser).
// A line ends at LF, CR LF or a CR alone (Excel for Mac's "CSV (Macintosh)"): a CR counts, and an LF after one not.

const LF = 0x0a;
const CR = 0x0d;

export function rowLines() {
  let offset = 0; // bytes (UTF-8, as csv-parse counts them) seen so far
  // the offset of each CR and LF not yet passed, in order: rows arrive in order, so passed ones are dropped
  let breaks: number[] = [];
  let ends: boolean[] = []; // whether each ends a line (an LF after a CR does not: the CR did)
  let previous = -1; // the last byte seen, across chunks
  let next = 0; // index into breaks of the first one not yet passed
  let line = 1; // the line the position `at` is on
  let at = 0;

  /** Passes the text on unchanged, noting where its line breaks are. */
  async function* track(chunks: AsyncIterable<string>): AsyncGenerator<string> {
    for await (const chunk of chunks) {
      const bytes = Buffer.from(chunk, "utf8");
      for (let i = 0; i < bytes.length; i += 1) {
        const byte = bytes[i]!;
        if (byte === LF || byte === CR) {
          breaks.push(offset + i);
          ends.push(byte === CR || previous !== CR);
        }
        previous = byte;
      }
      offset += bytes.length;
      yield chunk;
    }
  }

  /** The line of the first character at or after `end` that is not a line break. */
  function startAfter(end: number) {
    while (next < breaks.length && breaks[next]! < end) {
      if (ends[next]) line += 1;
      next += 1;
    }
    at = Math.max(at, end);
    while (next < breaks.length && breaks[next] === at) {
      if (ends[next]) line += 1;
      next += 1;
      at += 1;
    }
    if (next > 4096) {
      breaks = breaks.slice(next);
      ends = ends.slice(next);
      next = 0;
    }
    return line;
  }

  return { track, startAfter };
}
