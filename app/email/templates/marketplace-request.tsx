// Emails to requestors about their request: approved, changes requested, about to expire.
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
