// The daily digest of new requests matching a supplier's saved search.
import { EmailButton, EmailLayout, EmailParagraph, renderEmail } from "../render.server.tsx";

export function savedSearchDigestEmail({
  searchName,
  searchUrl,
  manageUrl,
  requests,
}: {
  searchName: string;
  searchUrl: string;
  manageUrl: string;
  requests: { title: string; url: string; summary: string }[];
}) {
  const count = requests.length === 1 ? "1 new request" : `${requests.length} new requests`;
  return renderEmail(
    `${count} for “${searchName}”`,
    <EmailLayout preview={count} heading={`${count} match your saved search`}>
      <EmailParagraph>
        These requests were published since your last digest for “{searchName}”:
      </EmailParagraph>
      {requests.map((r) => (
        <div key={r.url}>
          <EmailButton href={r.url}>{r.title}</EmailButton>
          <EmailParagraph>{r.summary}</EmailParagraph>
        </div>
      ))}
      <EmailButton href={searchUrl}>See every match</EmailButton>
      <EmailParagraph>
        To stop these emails, turn off the digest on your saved searches page: {manageUrl}
      </EmailParagraph>
    </EmailLayout>,
  );
}
