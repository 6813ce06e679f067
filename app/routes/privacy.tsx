import { json, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { councilContacts } from "~/domain/content/council-settings.server.ts";
import { PageHeading } from "~/ui/page-parts.tsx";
import { CouncilContacts, dataControllers } from "~/ui/council-contacts.tsx";

export const meta: MetaFunction = () => [{ title: "Privacy notice – Social Value Marketplace" }];

// the data controllers' contact details, which a privacy notice must give: "ask your council" gave no way to
export async function loader() {
  return json({ councils: await councilContacts() });
}

export default function PrivacyNotice() {
  const { councils } = useLoaderData<typeof loader>();
  return (
    <article className="max-w-3xl space-y-4">
      <PageHeading>Privacy notice</PageHeading>
      <p>
        {dataControllers(councils)} We use it to run the marketplace, to check that social value promised in
        council contracts is delivered, and to report on it.
      </p>
      <h2 className="pt-4 text-2xl font-bold">What we hold</h2>
      <ul className="list-disc space-y-1 pl-6">
        <li>your name, email address and the organisations you belong to</li>
        <li>the requests, pledges, returns and evidence your organisation submits</li>
        <li>
          for the annual supplier-diversity questionnaire only: answers about the ownership of your business,
          which can be special category data. These are kept apart, seen only by named council officers, and
          anonymised at the end of the retention period shown on the questionnaire.
        </li>
        <li>a record of sign-ins and of changes made, to keep the service secure</li>
      </ul>
      <h2 className="pt-4 text-2xl font-bold">What is public</h2>
      <p>
        Open requests and the totals of confirmed social value are public. Contact details and the names of
        people are never shown publicly. A fulfilled request is shown as a case study, on the impact page and
        the council&apos;s case studies page, only if the group that posted it agreed.
      </p>
      <h2 className="pt-4 text-2xl font-bold">Your rights</h2>
      <p>
        You can download your data and delete your account from your account page. You can also ask your
        council for a copy of your information, to correct it, or to restrict how it is used, and complain to
        the Information Commissioner&apos;s Office.
      </p>
      <h2 className="pt-4 text-2xl font-bold">Contact your council</h2>
      <p>Each council&apos;s social value team answers questions about your information:</p>
      <CouncilContacts councils={councils} />
    </article>
  );
}
