// Emails to requestors about their request: approved, changes requested, about to expire, expired.
import { EmailButton, EmailLayout, EmailParagraph, EmailTypedText, renderEmail } from "../render.server.tsx";

type Base = { councilName: string; brandColour?: string; title: string; url: string };

export function requestApprovedEmail({
  councilName,
  brandColour,
  title,
  url,
  comment,
}: Base & { comment: string }) {
  return renderEmail(
    `Your request is now open: ${title}`,
    <EmailLayout
      councilName={councilName}
      brandColour={brandColour}
      preview="Suppliers can now pledge"
      heading="Your request is open"
    >
      <EmailParagraph>
        {councilName} approved your request “{title}”. It is now on the marketplace and suppliers can pledge
        to it.
      </EmailParagraph>
      {comment ? (
        <>
          <EmailParagraph>They added:</EmailParagraph>
          <EmailTypedText text={comment} />
        </>
      ) : null}
      <EmailButton href={url}>Manage your request</EmailButton>
    </EmailLayout>,
  );
}

export function changesRequestedEmail({
  councilName,
  brandColour,
  title,
  url,
  comment,
}: Base & { comment: string }) {
  return renderEmail(
    `Changes requested: ${title}`,
    <EmailLayout
      councilName={councilName}
      brandColour={brandColour}
      preview="The council asked for changes"
      heading="Changes requested"
    >
      <EmailParagraph>
        {councilName} asked for changes to your request “{title}” before it can be published:
      </EmailParagraph>
      <EmailTypedText text={comment} />
      <EmailButton href={url}>Edit your request</EmailButton>
    </EmailLayout>,
  );
}

export function expiryReminderEmail({
  councilName,
  brandColour,
  title,
  url,
  neededBy,
  canExtend,
}: Base & { neededBy: string; canExtend: boolean }) {
  return renderEmail(
    `Your request closes on ${neededBy}: ${title}`,
    <EmailLayout
      councilName={councilName}
      brandColour={brandColour}
      // the reminder also reaches requests closing sooner than a week (approved or extended late)
      preview={`Your request closes on ${neededBy}`}
      heading="Your request closes soon"
    >
      <EmailParagraph>
        Your request “{title}” closes on {neededBy}. After that date it will expire and suppliers will no
        longer be able to pledge.{" "}
        {canExtend
          ? "You can extend it once."
          : "It has already been extended once, so this date cannot be moved again."}
      </EmailParagraph>
      <EmailParagraph>
        Pledges still waiting for your answer when it expires are declined, and their suppliers told. Accept
        or decline them before then.
      </EmailParagraph>
      <EmailButton href={url}>
        {canExtend ? "Extend or manage your request" : "Manage your request"}
      </EmailButton>
    </EmailLayout>,
  );
}

// When the nightly job closes a request at its needed-by date: the requestor learns it is over without having to look,
// and what became of the offers they had not answered.
export function requestExpiredEmail({
  councilName,
  brandColour,
  title,
  url,
  neededBy,
  offersDeclined,
}: Base & { neededBy: string; offersDeclined: number }) {
  return renderEmail(
    `Your request has closed: ${title}`,
    <EmailLayout
      councilName={councilName}
      brandColour={brandColour}
      preview="Suppliers can no longer pledge to it"
      heading="Your request has closed"
    >
      <EmailParagraph>
        Your request “{title}” reached its needed-by date, {neededBy}, and has closed: suppliers can no longer
        pledge to it. Pledges you accepted are not affected.
      </EmailParagraph>
      {offersDeclined > 0 ? (
        <EmailParagraph>
          {offersDeclined === 1
            ? "1 pledge was still waiting for your answer: it has been declined, and its supplier told."
            : `${offersDeclined} pledges were still waiting for your answer: they have been declined, and their suppliers told.`}
        </EmailParagraph>
      ) : null}
      <EmailParagraph>If you still need help, you can post a new request.</EmailParagraph>
      <EmailButton href={url}>View your request</EmailButton>
    </EmailLayout>,
  );
}

// To another council a request is also for (decision 050), when the lead council publishes it: the council's own
// suppliers may now count pledges to it. The lead council moderates it, so nothing is asked of this one.
export function openForYourCouncilEmail({
  councilName,
  brandColour,
  title,
  url,
  leadCouncilName,
  requestorName,
}: Base & { leadCouncilName: string; requestorName: string }) {
  return renderEmail(
    `A request for ${councilName} is open: ${title}`,
    <EmailLayout
      councilName={councilName}
      brandColour={brandColour}
      preview={`${leadCouncilName} published a request that is also for ${councilName}`}
      heading="A request for your council is open"
    >
      <EmailParagraph>
        {leadCouncilName} approved “{title}” from {requestorName}. The request is also for {councilName}, so
        suppliers with contracts with {councilName} can count their pledges to it towards their social value
        commitments.
      </EmailParagraph>
      <EmailParagraph>
        {leadCouncilName} moderates the request and you do not need to do anything. It is listed under{" "}
        {councilName} on the marketplace.
      </EmailParagraph>
      <EmailButton href={url}>View the request</EmailButton>
    </EmailLayout>,
  );
}
