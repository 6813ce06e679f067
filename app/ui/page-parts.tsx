// The display parts nearly every page has (GOV.UK patterns): the page heading, notices, inset text and a plain link.
// Apart from components.tsx (which offers them too) so that a public page loads only these: the browser downloads a
// module whole (the JavaScript budget, tests/e2e/javascript-budget.spec.ts).
import type { AnchorHTMLAttributes, ReactNode } from "react";

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
