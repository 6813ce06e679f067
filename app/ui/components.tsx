// Shared display components (GOV.UK patterns): back link, summary list, status tag, timeline; and, offered here too,
// the page heading, notices and plain link (page-parts.tsx), the table (table.tsx) and pagination (pagination.tsx). A
// page that needs only some of those imports their modules directly, as the browser downloads each module whole.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

export { InsetText, Notice, PageHeading, PlainLink } from "~/ui/page-parts.tsx";
export { Table, TableScrollBox, type Column } from "~/ui/table.tsx";
export { pageHref, Pagination } from "~/ui/pagination.tsx";

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
