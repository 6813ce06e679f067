// Shared display components (GOV.UK patterns): summary list, table, status tag, pagination, notices.
import { Link } from "@remix-run/react";
import { useId, type AnchorHTMLAttributes, type ReactNode } from "react";

/** A link drawn as a plain anchor: following it loads the page afresh, without Remix's client-side navigation.
 * For a page with a great many links into records (the council dashboard: every figure links to its records),
 * where a Remix <Link> each is a measurable share of the page's server time (decision 029). */
export function PlainLink({
  to,
  children,
  ...props
}: { to: string; children: ReactNode } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href">) {
  return (
    <a href={to} {...props}>
      {children}
    </a>
  );
}

export function PageHeading({ children, caption }: { children: ReactNode; caption?: ReactNode }) {
  return (
    <div className="mb-6">
      {caption ? <span className="mb-1 block text-lg text-muted">{caption}</span> : null}
      <h1 className="text-3xl font-bold sm:text-4xl">{children}</h1>
    </div>
  );
}

/** The chevron of the Back link, drawn as GOV.UK draws it: two borders of a small square turned 45 degrees, in a
 * ::before box of its own, so the link's underline runs under its words only and the chevron is no text a screen
 * reader reads. In currentColor, so it turns black with the words on the yellow of keyboard focus. */
export const BACK_LINK_CLASS =
  "relative mb-6 inline-block pl-3.5 text-ink before:absolute before:top-0 before:bottom-0 before:left-[3px] before:m-auto before:h-[7px] before:w-[7px] before:-rotate-45 before:border-t-2 before:border-l-2 before:border-current";

/** A link back to the page before, as GOV.UK's back link: the words "Back" (or what `children` says), a chevron
 * drawn beside them and not underlined, and an ordinary link (works without JavaScript). */
export function BackLink({ to, children = "Back" }: { to: string; children?: ReactNode }) {
  return (
    <Link to={to} className={BACK_LINK_CLASS}>
      {children}
    </Link>
  );
}

/**
 * The link from an edit form to the page of its own that asks before a record is removed (decision 032), with the
 * hint every such link gives: following it leaves the form, and what was typed there and not saved is not kept.
 */
export function ConfirmFirstLink({
  to,
  hintId,
  children,
  className = "mt-6",
}: {
  to: string;
  hintId: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <p className={className}>
      <Link to={to} className="font-bold" aria-describedby={hintId}>
        {children}
      </Link>
      <span id={hintId} className="mt-1 block text-muted">
        You will be asked to confirm. Changes you have made on this form and not saved will be lost.
      </span>
    </p>
  );
}

export type SummaryRow = {
  key: ReactNode;
  value: ReactNode;
  action?: { to: string; label: string; hidden: string };
};

export function SummaryList({ rows }: { rows: SummaryRow[] }) {
  return (
    <dl className="mb-8 divide-y divide-line border-y border-line">
      {rows.map((row, index) => (
        <div key={index} className="grid gap-1 py-3 sm:grid-cols-[1fr_2fr_auto] sm:gap-4">
          <dt className="font-bold">{row.key}</dt>
          {/* min-w-0: a grid item otherwise grows to fit a long pasted link rather than wrap it */}
          <dd className="min-w-0 break-words whitespace-pre-line">{row.value}</dd>
          {row.action ? (
            <dd>
              <Link to={row.action.to}>
                {row.action.label}
                <span className="sr-only"> {row.action.hidden}</span>
              </Link>
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}

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
      className={`overflow-x-auto print:max-h-none print:overflow-visible ${className ?? ""}`.trim()}
      role="region"
      aria-labelledby={captionId}
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a region that scrolls must take focus (WCAG 2.1.1)
      tabIndex={0}
    >
      {children}
    </div>
  );
}

const tagColours = {
  grey: "bg-gray-200 text-gray-900",
  blue: "bg-blue-100 text-blue-950",
  green: "bg-green-100 text-green-950",
  yellow: "bg-yellow-100 text-yellow-950",
  orange: "bg-orange-100 text-orange-950",
  red: "bg-red-100 text-red-950",
  purple: "bg-purple-100 text-purple-950",
} as const;

export type TagColour = keyof typeof tagColours;

// Status is always written out in words, never shown by colour alone.
export function Tag({ children, colour = "blue" }: { children: ReactNode; colour?: TagColour }) {
  return (
    <strong
      className={`inline-block px-2 py-0.5 text-sm font-bold tracking-wide uppercase ${tagColours[colour]}`}
    >
      {children}
    </strong>
  );
}

// Pagination keeps every other query-string parameter (filters are shareable URLs).
/** The address of page `target` of a list at `path` with the query string `search` (page 1 has no "page"). */
export function pageHref(path: string, search: string, target: number) {
  const params = new URLSearchParams(search);
  if (target <= 1) params.delete("page");
  else params.set("page", String(target));
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

export function Pagination({
  page,
  pageCount,
  search,
  path,
}: {
  page: number;
  pageCount: number;
  search: string;
  path: string;
}) {
  if (pageCount <= 1) return null;
  const hrefFor = (target: number) => pageHref(path, search, target);
  const pages = Array.from(new Set([1, page - 1, page, page + 1, pageCount])).filter(
    (p) => p >= 1 && p <= pageCount,
  );
  return (
    <nav aria-label="Pagination" className="my-8">
      <ul className="flex flex-wrap items-center gap-2">
        {/* past the last page, "Previous" would lead to another page past it: the list links to the last one */}
        {page > 1 && page <= pageCount ? (
          <li>
            <Link to={hrefFor(page - 1)} rel="prev" className="font-bold">
              ‹ Previous<span className="sr-only"> page</span>
            </Link>
          </li>
        ) : null}
        {pages.map((p, index) => (
          <li key={p} className="flex items-center gap-2">
            {index > 0 && p - pages[index - 1] > 1 ? <span aria-hidden="true">…</span> : null}
            {p === page ? (
              <span aria-current="page" className="bg-brand px-3 py-1 font-bold text-white">
                <span className="sr-only">Page </span>
                {p}
              </span>
            ) : (
              <Link to={hrefFor(p)} className="px-3 py-1" aria-label={`Page ${p}`}>
                {p}
              </Link>
            )}
          </li>
        ))}
        {page < pageCount ? (
          <li>
            <Link to={hrefFor(page + 1)} rel="next" className="font-bold">
              Next<span className="sr-only"> page</span> ›
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

export function Notice({
  kind = "info",
  title,
  headingLevel = 2,
  children,
}: {
  kind?: "success" | "info" | "error";
  title?: ReactNode;
  /** the title's heading level: 3 for a notice inside a section headed by an h2 */
  headingLevel?: 2 | 3;
  children: ReactNode;
}) {
  const border = { success: "border-success", info: "border-brand", error: "border-error" }[kind];
  const Heading = headingLevel === 3 ? "h3" : "h2";
  return (
    <div role={kind === "error" ? "alert" : "status"} className={`mb-8 border-4 ${border} p-4`}>
      {title ? <Heading className="mb-1 text-lg font-bold">{title}</Heading> : null}
      <div>{children}</div>
    </div>
  );
}

export function InsetText({ children }: { children: ReactNode }) {
  return <div className="my-6 border-l-8 border-line py-2 pl-4">{children}</div>;
}

// A record's history, oldest first: what happened, when, who (where the viewer may know) and why.
export function Timeline({
  items,
  heading = "History",
}: {
  items: { id: string; title: ReactNode; when: ReactNode; who?: ReactNode; why?: ReactNode }[];
  heading?: string;
}) {
  return (
    <section aria-labelledby="timeline-heading" className="mb-8">
      <h2 id="timeline-heading" className="mb-4 text-2xl font-bold">
        {heading}
      </h2>
      <ol className="space-y-3 border-l-4 border-line pl-4">
        {items.map((item) => (
          <li key={item.id}>
            <strong>{item.title}</strong> <span className="text-muted">— {item.when}</span>
            {item.who ? <span className="block">By {item.who}</span> : null}
            {item.why ? <span className="block break-words whitespace-pre-line">{item.why}</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
