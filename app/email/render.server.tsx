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
import { Fragment, type ReactElement, type ReactNode } from "react";
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
  /** Why the reader got this email, when it is not (only) that they use the service: someone invited by address, a
   * reminder that says what stops it. */
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

export async function renderEmail(subject: string, element: ReactElement): Promise<RenderedEmail> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject, html, text };
}
