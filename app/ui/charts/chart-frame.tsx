// Every chart is a figure: a heading, a sentence saying what it shows, the SVG (hidden from screen readers,
// which read the summary and the table instead) and the same numbers as a table.
import type { ReactNode } from "react";

export type ChartColumn = { header: string; numeric?: boolean };

export function ChartFrame({
  id,
  title,
  summary,
  children,
  columns,
  rows,
}: {
  id: string;
  title: string;
  summary: ReactNode;
  children: ReactNode;
  columns: ChartColumn[];
  rows: { key: string; cells: ReactNode[] }[];
}) {
  return (
    <figure aria-labelledby={`${id}-title`} className="mb-10 break-inside-avoid">
      <h3 id={`${id}-title`} className="mb-2 text-xl font-bold">
        {title}
      </h3>
      <figcaption className="mb-3 max-w-3xl">{summary}</figcaption>
      {rows.length > 0 ? children : null}
      <details className="mt-2">
        <summary className="cursor-pointer text-brand underline">Show the data as a table</summary>
        {/* the cells' padding, rules and weights said once, on the table, not on each of its cells: a chart's table
            is sent with every view of a page of charts (decision 044) */}
        <table className="mt-2 w-full max-w-3xl border-collapse text-left [&_td]:px-2 [&_td]:py-1 [&_th]:px-2 [&_th]:py-1 [&_tbody_th]:font-normal [&_tbody_tr]:border-b [&_tbody_tr]:border-line [&_thead_th]:border-b-2 [&_thead_th]:border-ink">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.header} scope="col" className={c.numeric ? "text-right" : undefined}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                {row.cells.map((cell, index) =>
                  index === 0 ? (
                    <th key={index} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td
                      key={index}
                      className={columns[index]?.numeric ? "text-right tabular-nums" : undefined}
                    >
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
