import { json, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { councilContacts } from "~/domain/content/council-settings.server.ts";
import { PageHeading } from "~/ui/components.tsx";
import { CouncilContacts } from "~/ui/council-contacts.tsx";

export const meta: MetaFunction = () => [{ title: "Accessibility statement – Social Value Marketplace" }];

// whom to tell of a problem: "contact your council's social value team" gave no way to
export async function loader() {
  return json({ councils: await councilContacts() });
}

export default function AccessibilityStatement() {
  const { councils } = useLoaderData<typeof loader>();
  return (
    <article className="max-w-3xl space-y-4">
      <PageHeading>Accessibility statement</PageHeading>
      <p>
        This statement applies to the Social Value Marketplace. The councils of the partnership run it and
        want as many people as possible to be able to use it. You should be able to:
      </p>
      <ul className="list-disc space-y-1 pl-6">
        <li>change colours, contrast levels and fonts using your browser or device settings</li>
        <li>zoom in up to 400% without the text spilling off the screen</li>
        <li>navigate the whole service using just a keyboard</li>
        <li>use the whole service without JavaScript</li>
        <li>listen to the service using a screen reader</li>
      </ul>
      <h2 className="pt-4 text-2xl font-bold">Compliance status</h2>
      <p>
        The service is designed to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 AA
        standard, as required by the Public Sector Bodies (Websites and Mobile Applications) (No. 2)
        Accessibility Regulations 2018. Every page is checked automatically with axe-core in our end-to-end
        tests.
      </p>
      <h2 className="pt-4 text-2xl font-bold">Reporting accessibility problems</h2>
      <p>
        If you find a problem not listed here, or need information in a different format, contact your
        council&apos;s social value team. We aim to reply within 5 working days.
      </p>
      <CouncilContacts councils={councils} />
      <h2 className="pt-4 text-2xl font-bold">Enforcement procedure</h2>
      <p>
        The Equality and Human Rights Commission (EHRC) is responsible for enforcing the accessibility
        regulations. If you are not happy with how we respond to your complaint, contact the Equality Advisory
        and Support Service (EASS).
      </p>
    </article>
  );
}
