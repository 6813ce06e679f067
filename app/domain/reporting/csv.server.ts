// Streams CSV (csv-stringify) as a download: rows are written as they are produced, never built whole. Text
// that a spreadsheet would run as a formula (=, +, -, @ first: supplier names are chosen by suppliers) is
// prefixed with an apostrophe.
import { createReadableStreamFromReadable } from "@remix-run/node";
import { stringify } from "csv-stringify";

export function csvResponse<T>(
  filename: string,
  columns: { key: string; header: string }[],
  rows: AsyncIterable<T> | Iterable<T>,
  toRecord: (row: T) => Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  const stringifier = stringify({ header: true, columns, bom: true, escape_formulas: true });
  (async () => {
    try {
      for await (const row of rows) {
        if (!stringifier.write(toRecord(row)))
          await new Promise((resolve) => stringifier.once("drain", resolve));
      }
      stringifier.end();
    } catch (error) {
      stringifier.destroy(error as Error);
    }
  })();
  return new Response(createReadableStreamFromReadable(stringifier), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
      ...headers,
    },
  });
}
