import { json, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { councilContacts } from "~/domain/content/council-settings.server.ts";
import { PageHeading } from "~/ui/page-parts.tsx";
import { CouncilContacts } from "~/ui/council-contacts.tsx";

export const meta: MetaFunction = () => [{ title: "Accessibility statement – Social Value Marketplace" }];

/** When this statement was written and when it was last looked over: its "Preparation" section says both. */
const STATEMENT_PREPARED = "5 December 2026";
const STATEMENT_REVIEWED = "5 December 2026";

/** Working days within which a council's social value team replies to a request or a reported problem. */
const REPLY_WORKING_DAYS = 5;

const EASS_URL = "https://www.equalityadvisoryservice.com/";

// whom to tell of a problem: "contact your council's social value team" gave no way to
export async function loader() {
  return json({ councils: await councilContacts() });
}

function Heading({ id, children }: { id: string; children: ReactNode }) {
  return (
    <h2 id={id} className="pt-4 text-2xl font-bold">
      {children}
    </h2>
  );
}

function SubHeading({ children }: { children: ReactNode }) {
  return <h3 className="pt-2 text-xl font-bold">{children}</h3>;
}

// The statement the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018
// ask for, in the order and with the headings of GOV.UK's sample accessibility statement. What it says of testing is
// what the project's tests do: keep the two in step.
export default function AccessibilityStatement() {
  const { councils } = useLoaderData<typeof loader>();
  return (
    <article className="max-w-3xl space-y-4">
      <PageHeading>Accessibility statement for the Social Value Marketplace</PageHeading>
      <p>
        This accessibility statement applies to the Social Value Marketplace. The councils of the partnership
        run it and want as many people as possible to be able to use it. For example, that means you should be
        able to:
      </p>
      <ul className="list-disc space-y-1 pl-6">
        <li>change colours, contrast levels and fonts using your browser or device settings</li>
        <li>zoom in up to 400% without the text spilling off the screen</li>
        <li>navigate the service using just a keyboard</li>
        <li>use the service without JavaScript</li>
        <li>listen to the service using a screen reader</li>
      </ul>
      <p>We have also made the text of the service as simple as possible to understand.</p>
      <p>
        <a href="https://mcmw.abilitynet.org.uk/">
          AbilityNet has advice on making your device easier to use
        </a>{" "}
        if you have a disability.
      </p>

      <Heading id="how-accessible">How accessible this service is</Heading>
      <p>
        We do not know of any part of the service that does not meet the accessibility standard. It has not
        yet been audited in full by hand, or tested by people who use screen readers, screen magnifiers or
        voice control, so there may be problems our checks have not found. Files that other people upload to
        the service, such as the evidence suppliers attach to their returns, may not be accessible.
      </p>

      <Heading id="feedback">Feedback and contact information</Heading>
      <p>
        If you need information on this service in a different format, such as accessible PDF, large print,
        easy read, audio recording or braille, contact your council&apos;s social value team:
      </p>
      <CouncilContacts councils={councils} />
      <p>We&apos;ll consider your request and get back to you within {REPLY_WORKING_DAYS} working days.</p>

      <Heading id="reporting-problems">Reporting accessibility problems with this service</Heading>
      <p>
        We&apos;re always looking to improve the accessibility of this service. If you find any problems not
        listed on this page or think we&apos;re not meeting accessibility requirements, email your
        council&apos;s social value team at the address above. We aim to reply within {REPLY_WORKING_DAYS}{" "}
        working days.
      </p>

      <Heading id="enforcement">Enforcement procedure</Heading>
      <p>
        The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies
        (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the &lsquo;accessibility
        regulations&rsquo;). If you&apos;re not happy with how we respond to your complaint,{" "}
        <a href={EASS_URL}>contact the Equality Advisory and Support Service (EASS)</a>.
      </p>

      <Heading id="technical-information">
        Technical information about this service&apos;s accessibility
      </Heading>
      <p>
        The councils of the partnership are committed to making this service accessible, in accordance with
        the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.
      </p>
      <SubHeading>Compliance status</SubHeading>
      <p>
        This service is partially compliant with the{" "}
        <a href="https://www.w3.org/TR/WCAG22/">Web Content Accessibility Guidelines version 2.2</a> AA
        standard. It is built to meet the standard and our checks have found no failures, but those checks do
        not cover every requirement by hand (see{" "}
        <a href="#preparation">Preparation of this accessibility statement</a>), so we do not yet claim full
        compliance.
      </p>

      <Heading id="non-accessible-content">Non-accessible content</Heading>
      <SubHeading>Non-compliance with the accessibility regulations</SubHeading>
      <p>
        We know of no content that fails the accessibility regulations. If you find any, please tell us (see{" "}
        <a href="#reporting-problems">Reporting accessibility problems with this service</a>).
      </p>
      <SubHeading>Content that&apos;s not within the scope of the accessibility regulations</SubHeading>
      <p>
        Documents that suppliers and community groups upload, such as evidence files attached to quarterly
        returns, are written by them, not by the councils, and may not be accessible.
      </p>

      <Heading id="improving">What we&apos;re doing to improve accessibility</Heading>
      <p>
        Every change to the service is checked by the automated tests described below before it is released.
        The next step is a full audit by hand against WCAG 2.2 AA, including testing with screen readers. We
        will update this statement with what it finds.
      </p>

      <Heading id="preparation">Preparation of this accessibility statement</Heading>
      <p>
        This statement was prepared on {STATEMENT_PREPARED}. It was last reviewed on {STATEMENT_REVIEWED}.
      </p>
      <p>The service is tested by the team that builds it, automatically, each time it is changed:</p>
      <ul className="list-disc space-y-1 pl-6">
        <li>
          each kind of page that each kind of user (a visitor, a community group, a supplier, a council
          officer and an administrator) reaches from the home page and its menus is checked with the axe-core
          accessibility checker, in a real browser, against the WCAG 2.2 A and AA rules it covers; so is every
          page the other tests visit
        </li>
        <li>
          the main journeys, such as finding a request or signing in and reaching your pledges, are followed
          using only the keyboard
        </li>
        <li>the main journeys are also followed with JavaScript turned off, and checked with axe-core</li>
      </ul>
      <p>
        Automated checks find only some accessibility problems. The service has not yet had a full audit by
        hand or been tested with assistive technologies.
      </p>
    </article>
  );
}
