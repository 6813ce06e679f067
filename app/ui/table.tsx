// GOV.UK's table, and the box a wide table scrolls in (offered by components.tsx too).
import { useId, type ReactNode } from "react";

export type Column<T> = {
  header: ReactNode;
  cell: (row: T) => ReactNode;
  numeric?: boolean;
  rowHeader?: boolean;
};

// The cells' padding, rules and weights said once, on the table (Tailwind arbitrary variants), for `stylesOnTable`:
// the same look as on each cell, in fewer bytes for a page of hundreds of cells (the council dashboard, decision 044).
const STYLES_ON_TABLE =
  "[&_td]:px-2 [&_td]:py-2 [&_th]:px-2 [&_th]:py-2 [&_thead_th]:border-b-2 [&_thead_th]:border-ink [&_thead_th]:align-bottom [&_tbody_th]:text-left [&_tbody_th]:font-normal [&_tbody_tr]:border-b [&_tbody_tr]:border-line";

export function Table<T>({
  caption,
  columns,
  rows,
  rowKey,
  empty = "Nothing to show.",
  captionId: namedCaptionId,
  stylesOnTable = false,
}: {
  caption: ReactNode;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  empty?: ReactNode;
  /** the caption's id, where the page names it elsewhere; else one React makes */
  captionId?: string;
  /** the cells' styles said once on the table rather than on each cell: the same look, fewer bytes */
  stylesOnTable?: boolean;
}) {
  const madeCaptionId = useId();
  const captionId = namedCaptionId ?? madeCaptionId;
  if (rows.length === 0) return <p className="mb-6 text-muted">{empty}</p>;
  const onCell = (classes: string) => (stylesOnTable ? "" : classes);
  // only what differs from cell to cell, where the table says the rest: no empty class attributes
  const classes = (...names: string[]) => names.filter(Boolean).join(" ") || undefined;
  return (
    <TableScrollBox captionId={captionId} className="mb-8">
      <table className={classes("w-full border-collapse text-left", stylesOnTable ? STYLES_ON_TABLE : "")}>
        <caption id={captionId} className="mb-2 text-left text-xl font-bold">
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th
                key={index}
                scope="col"
                className={
                  stylesOnTable
                    ? classes(column.numeric ? "text-right" : "")
                    : `border-b-2 border-ink px-2 py-2 align-bottom ${column.numeric ? "text-right" : ""}`
                }
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className={classes(onCell("border-b border-line"))}>
              {columns.map((column, index) =>
                column.rowHeader ? (
                  <th key={index} scope="row" className={classes(onCell("px-2 py-2 text-left font-normal"))}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td
                    key={index}
                    className={
                      stylesOnTable
                        ? classes(column.numeric ? "text-right tabular-nums" : "")
                        : `px-2 py-2 ${column.numeric ? "text-right tabular-nums" : ""}`
                    }
                  >
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScrollBox>
  );
}

/**
 * A wide table scrolls sideways inside this box on a narrow screen rather than the page: the box takes keyboard
 * focus (and is named by the table's caption, `captionId`) so it can be scrolled with the arrow keys, also when it
 * holds no link or button. On paper nothing scrolls, so in print the box shows the whole table (no clipping, no
 * height limit) rather than cutting off its right-hand columns.
 */
export function TableScrollBox({
  captionId,
  className,
  children,
}: {
  captionId: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div
      className={`relative overflow-x-auto print:max-h-none print:overflow-visible ${className ?? ""}`.trim()}
      role="region"
      aria-labelledby={captionId}
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a region that scrolls must take focus (WCAG 2.1.1)
      tabIndex={0}
    >
      {children}
    </div>
  );
}
