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

// A download whose rows are lists of cells under the header's columns (the survey's exports), as csvResponse
// writes it: with the byte-order mark a spreadsheet needs to read "£", "é" and curly apostrophes as written, and no
// cell (a business name) ever run as a formula.
export function csvTableResponse(table: {
  filename: string;
  header: string[];
  rows: AsyncIterable<unknown[]> | Iterable<unknown[]>;
}) {
  const columns = table.header.map((title, i) => ({ key: String(i), header: title }));
  return csvResponse(table.filename, columns, table.rows, (row) =>
    Object.fromEntries(row.map((cell, i) => [String(i), cell])),
  );
}
