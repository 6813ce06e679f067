// How a supplier whose pledge was accepted reaches the group that asked (requestor-contact.server.ts): the request's
// contact preference, if given, and where to email the group. The group is shown the same, and whose address it is.
import { Fragment } from "react";
import { CONTACT_SOURCE_FOR_GROUP, type ContactSource } from "~/domain/marketplace/contact-source.ts";

// `source`: whose address it is, sent to the group only
export type RequestorContactShown = { preference: string | null; emails: string[]; source?: ContactSource };

export function RequestorContactDetails({
  contact: { preference, emails, source },
  forGroup = false,
}: {
  contact: RequestorContactShown;
  // the group that posted the request is reading: it is told where the address comes from
  forGroup?: boolean;
}) {
  return (
    <>
      {preference ? <p>{preference}</p> : null}
      {emails.length > 0 ? (
        <p>
          Email:{" "}
          {emails.map((email, i) => (
            <Fragment key={email}>
              {i > 0 ? ", " : null}
              <a href={`mailto:${email}`}>{email}</a>
            </Fragment>
          ))}
          {forGroup && source ? ` (${CONTACT_SOURCE_FOR_GROUP[source]})` : null}
        </p>
      ) : null}
      {!preference && emails.length === 0 ? "Not given" : null}
    </>
  );
}
