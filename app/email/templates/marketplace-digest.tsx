// The daily digest of new requests matching a supplier's saved search.
import { countOf, formatDateTime, formatNumber, plural } from "~/domain/format.ts";
import { EmailButton, EmailLayout, EmailParagraph, renderEmail } from "../render.server.tsx";

export function savedSearchDigestEmail({
  searchName,
  searchUrl,
  since,
  manageUrl,
  requests,
  total,
  capped = false,
  widened,
}: {
  searchName: string;
  // the marketplace list of every open request the search matches published since `since`: the digest's
  // requests and any the supplier cannot pledge to (its own organisations', those it pledged to already)
  searchUrl: string;
  // the start of the digest's window: the last digest, or when the search was saved or its email turned on
  since: string | Date;
  manageUrl: string;
  // the newest of them
  requests: { title: string; url: string; summary: string }[];
  // how many new requests the supplier can pledge to there are in all (a lower bound when capped)
  total: number;
  capped?: boolean;
  // why the search now matches more than it was saved for (a filter names something deleted since)
  widened?: string;
}) {
  const all = capped ? `more than ${formatNumber(total)}` : formatNumber(total);
  const some = capped || total > requests.length;
  const count = some
    ? `${requests.length} of ${all} new requests`
    : countOf(requests.length, "new request", "new requests");
  const when = formatDateTime(since);
  // "more than 1,000" reads as many
  const n = capped ? Infinity : total;
  return renderEmail(
    `${count} for “${searchName}”`,
    <EmailLayout
      preview={count}
      heading={some ? `${all} new requests match your saved search` : `${count} match your saved search`}
    >
      <EmailParagraph>
        {`${all} new ${plural(n, "request", "requests")} since ${when} ${plural(n, "matches", "match")} “${searchName}” and ${plural(n, "is", "are")} open to your pledges.`}
        {some ? ` These are the newest ${requests.length}:` : ""}
      </EmailParagraph>
      {widened ? <EmailParagraph>{widened}</EmailParagraph> : null}
      {requests.map((r) => (
        <div key={r.url}>
          <EmailButton href={r.url}>{r.title}</EmailButton>
          <EmailParagraph>{r.summary}</EmailParagraph>
        </div>
      ))}
      <EmailParagraph>
        {`The marketplace lists every open request matching “${searchName}” published since ${when}: with these, any you cannot pledge to (your organisation’s own, and those you have pledged to already) and any published after this email, so it may show more.`}
      </EmailParagraph>
      <EmailButton
        href={searchUrl}
      >{`See all open requests matching “${searchName}” since ${when}`}</EmailButton>
      <EmailParagraph>
        To stop these emails, turn off the digest on your saved searches page: {manageUrl}
      </EmailParagraph>
    </EmailLayout>,
  );
}
