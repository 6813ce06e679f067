// The daily digest of new requests matching a supplier's saved search.
import { EmailButton, EmailLayout, EmailParagraph, renderEmail } from "../render.server.tsx";

export function savedSearchDigestEmail({
  searchName,
  searchUrl,
  manageUrl,
  requests,
  total,
  capped = false,
  widened,
}: {
  searchName: string;
  // the marketplace list of every new request the digest counts
  searchUrl: string;
  manageUrl: string;
  // the newest of them
  requests: { title: string; url: string; summary: string }[];
  // how many there are in all (a lower bound when capped)
  total: number;
  capped?: boolean;
  // why the search now matches more than it was saved for (a filter names something deleted since)
  widened?: string;
}) {
  const all = capped ? `more than ${total.toLocaleString("en-GB")}` : total.toLocaleString("en-GB");
  const some = capped || total > requests.length;
  const count = some
    ? `${requests.length} of ${all} new requests`
    : requests.length === 1
      ? "1 new request"
      : `${requests.length} new requests`;
  return renderEmail(
    `${count} for “${searchName}”`,
    <EmailLayout
      preview={count}
      heading={some ? `${all} new requests match your saved search` : `${count} match your saved search`}
    >
      <EmailParagraph>
        {some
          ? `${all} requests were published since your last digest for “${searchName}”. These are the newest ${requests.length}:`
          : `These requests were published since your last digest for “${searchName}”:`}
      </EmailParagraph>
      {widened ? <EmailParagraph>{widened}</EmailParagraph> : null}
      {requests.map((r) => (
        <div key={r.url}>
          <EmailButton href={r.url}>{r.title}</EmailButton>
          <EmailParagraph>{r.summary}</EmailParagraph>
        </div>
      ))}
      <EmailButton href={searchUrl}>
        {some
          ? `See all ${all} new requests`
          : requests.length === 1
            ? "See it in the marketplace"
            : "See them in the marketplace"}
      </EmailButton>
      <EmailParagraph>
        To stop these emails, turn off the digest on your saved searches page: {manageUrl}
      </EmailParagraph>
    </EmailLayout>,
  );
}
