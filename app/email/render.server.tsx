import {
  Body,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from "@react-email/components";
import { render } from "@react-email/render";
import { AsyncLocalStorage } from "node:async_hooks";
import { Fragment, isValidElement, type ReactElement, type ReactNode } from "react";
import { brandColourToShow } from "~/domain/content/brand-colour.ts";

export type RenderedEmail = { subject: string; html: string; text: string };

// Every email shares one layout carrying the council's name and brand colour.
export function EmailLayout({
  councilName,
  brandColour,
  preview,
  heading,
  reason = "You received this email because you use the Social Value Marketplace.",
  children,
}: {
  councilName?: string;
  brandColour?: string;
  preview: string;
  heading: string;
  /** Why the reader got this email, when it is not that they use the service (someone invited by address). */
  reason?: string;
  children: ReactNode;
}) {
  return (
    <Html lang="en-GB">
      <Head />
      <Preview>{preview}</Preview>
      <Body
        style={{ fontFamily: "Helvetica, Arial, sans-serif", color: "#0b0c0c", backgroundColor: "#ffffff" }}
      >
        <Container style={{ maxWidth: "600px", margin: "0 auto" }}>
          {/* the council's colour only if it is one an admin could save: never a stored value put in by hand */}
          <Section style={{ backgroundColor: brandColourToShow(brandColour), padding: "12px 16px" }}>
            <Text style={{ color: "#ffffff", fontWeight: "bold", fontSize: "18px", margin: 0 }}>
              {/* no council to name (an account's first email, before any organisation): the service, once */}
              {councilName ? `${councilName} · Social Value Marketplace` : "Social Value Marketplace"}
            </Text>
          </Section>
          <Section style={{ padding: "16px" }}>
            <Heading as="h1" style={{ fontSize: "24px" }}>
              {heading}
            </Heading>
            {children}
            <Hr />
            <Text style={{ fontSize: "12px", color: "#505a5f" }}>{reason}</Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

export function EmailParagraph({ children }: { children: ReactNode }) {
  return <Text style={{ fontSize: "16px", lineHeight: "24px" }}>{children}</Text>;
}

// What someone typed (an officer's comment, a reason), kept in its lines: a list of changes written one to a line
// otherwise runs together as one sentence, in the HTML and in the plain text alike.
// `lead`: words before it in the same paragraph, e.g. "Reason: ".
export function EmailTypedText({ text, lead }: { text: string; lead?: string }) {
  const lines = text.split(/\r?\n/);
  return (
    <EmailParagraph>
      {lead}
      {lines.map((line, i) => (
        <Fragment key={i}>
          {i > 0 ? <br /> : null}
          {line}
        </Fragment>
      ))}
    </EmailParagraph>
  );
}

export function EmailButton({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Text>
      <Link
        href={href}
        style={{ color: "#1d3d7a", fontWeight: "bold", textDecoration: "underline", fontSize: "16px" }}
      >
        {children}
      </Link>
    </Text>
  );
}

async function renderNow(subject: string, element: ReactElement): Promise<RenderedEmail> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject, html, text };
}

/**
 * Emails rendered before a transaction that will queue them (an account's deletion, decision 015): rendering takes a
 * few milliseconds an email, which a transaction holding locks should not spend. Whatever renders an email while
 * `ahead` runs (before the transaction, from what it is expected to do) keeps it here; the same email asked for again
 * while `inside` runs (the transaction) is taken from here, not rendered again. An email is the same when its
 * subject and everything it is made of (each part and its values) are: one expected wrongly is simply rendered
 * again, so what is sent never depends on the guess. `renderedWithin` counts those.
 */
export class EmailsRenderedAhead {
  private emails = new Map<string, Promise<RenderedEmail>>();
  private within = false;
  renderedAhead = 0;
  renderedWithin = 0;

  render(subject: string, element: ReactElement) {
    const key = emailKey(subject, element);
    let rendered = this.emails.get(key);
    if (!rendered) {
      rendered = renderNow(subject, element);
      this.emails.set(key, rendered);
      if (this.within) this.renderedWithin++;
      else this.renderedAhead++;
    }
    return rendered;
  }

  ahead<T>(work: () => Promise<T>) {
    return aheadScope.run(this, work);
  }

  inside<T>(work: () => Promise<T>) {
    this.within = true;
    return aheadScope.run(this, work);
  }
}

// kept on globalThis, as the request scope is (app/server/request-scope.ts): a process can load this module twice
const AHEAD_KEY = Symbol.for("social-value-marketplace.emails-rendered-ahead");
const aheadSlot = globalThis as unknown as Record<symbol, AsyncLocalStorage<EmailsRenderedAhead> | undefined>;
const aheadScope = (aheadSlot[AHEAD_KEY] ??= new AsyncLocalStorage<EmailsRenderedAhead>());

// Functions (the parts an email is made of) are told apart by identity, not by name.
const partIds = new WeakMap<object, number>();
let parts = 0;
function partId(part: object) {
  let id = partIds.get(part);
  if (id === undefined) partIds.set(part, (id = ++parts));
  return id;
}

/** What an email is made of, as text: its subject, and each element's part and values, children included. */
function emailKey(subject: string, element: ReactElement) {
  const seen = (value: unknown): unknown => {
    if (typeof value === "function") return `part:${partId(value)}`;
    if (typeof value === "symbol") return value.toString();
    if (Array.isArray(value)) return value.map(seen);
    if (isValidElement(value)) {
      const type = value.type;
      return { type: typeof type === "string" ? type : seen(type), props: seen(value.props) };
    }
    if (value && typeof value === "object")
      return Object.fromEntries(
        Object.entries(value)
          .filter(([, v]) => v !== undefined)
          .map(([name, v]) => [name, seen(v)]),
      );
    return value === undefined ? null : value;
  };
  return JSON.stringify([subject, seen(element)]);
}

export async function renderEmail(subject: string, element: ReactElement): Promise<RenderedEmail> {
  const ahead = aheadScope.getStore();
  return ahead ? ahead.render(subject, element) : renderNow(subject, element);
}
