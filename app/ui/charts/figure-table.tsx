// The council dashboard's tables of figures: the shared Table (app/ui/components.tsx), drawn and read the same,
// with its cells' padding, rules and weights said once on the table instead of on each of its hundreds of cells.
// What a view of the dashboard costs follows the bytes it sends (decisions 029 and 044).
import { useId, type ReactNode } from "react";
import type { Column } from "~/ui/components.tsx";

const TABLE =
  "w-full border-collapse text-left [&_td]:px-2 [&_td]:py-2 [&_th]:px-2 [&_th]:py-2 [&_thead_th]:border-b-2 [&_thead_th]:border-ink [&_thead_th]:align-bottom [&_tbody_th]:text-left [&_tbody_th]:font-normal [&_tbody_tr]:border-b [&_tbody_tr]:border-line";

type FigureTableProps<T> = {
  caption: ReactNode;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  empty?: ReactNode;
};

export function FigureTable<T>({ empty = "Nothing to show.", ...table }: FigureTableProps<T>) {
  const captionId = useId();
  if (table.rows.length === 0) return <p className="mb-6 text-muted">{empty}</p>;
  return (
    <FigureRegion captionId={captionId}>
      <FigureTableGrid captionId={captionId} {...table} />
    </FigureRegion>
  );
}

// As the shared Table: a wide table scrolls sideways in a box that takes keyboard focus, named by the caption.
// `html`: the table drawn once as HTML (FigureTableGrid through renderToStaticMarkup, which escapes every text:
// app/ui/charts/council-figures.server.tsx), put in the box on each view of the council dashboard (decision 044).
export function FigureRegion({
  captionId,
  children,
  html,
}: {
  captionId: string;
  children?: ReactNode;
  html?: string;
}) {
  return (
    <div
      className="mb-8 overflow-x-auto"
      role="region"
      aria-labelledby={captionId}
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a region that scrolls must take focus (WCAG 2.1.1)
      tabIndex={0}
      {...(html === undefined ? { children } : { dangerouslySetInnerHTML: { __html: html } })}
    />
  );
}

export function FigureTableGrid<T>({
  captionId,
  caption,
  columns,
  rows,
  rowKey,
}: Omit<FigureTableProps<T>, "empty"> & { captionId: string }) {
  return (
    <table className={TABLE}>
      <caption id={captionId} className="mb-2 text-left text-xl font-bold">
        {caption}
      </caption>
      <thead>
        <tr>
          {columns.map((column, index) => (
            <th key={index} scope="col" className={column.numeric ? "text-right" : undefined}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((column, index) =>
              column.rowHeader ? (
                <th key={index} scope="row">
                  {column.cell(row)}
                </th>
              ) : (
                <td key={index} className={column.numeric ? "text-right tabular-nums" : undefined}>
                  {column.cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
