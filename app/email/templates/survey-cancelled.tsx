// Told to a business already sent an invitation to a survey the council then cancelled before it opened.
import { EmailLayout, EmailParagraph, renderEmail } from "../render.server.tsx";

export function renderSurveyCancelledEmail({
  councilName,
  brandColour,
  year,
}: {
  councilName: string;
  brandColour?: string;
  year: number;
}) {
  const heading = `The ${year} supplier diversity survey is cancelled`;
  return renderEmail(
    `${councilName} has cancelled its ${year} supplier survey`,
    <EmailLayout
      councilName={councilName}
      brandColour={brandColour}
      preview={heading}
      heading={heading}
      // sent to addresses invited by hand too, who may have no account: not "because you use" the service
      reason={`You received this email because ${councilName} invited this email address to take part in its ${year} supplier diversity survey.`}
    >
      <EmailParagraph>
        {councilName} has cancelled the {year} supplier diversity survey it invited your business to take part
        in.
      </EmailParagraph>
      <EmailParagraph>
        The survey had not opened, so no answers were collected. You do not need to do anything. The link in
        the invitation no longer works.
      </EmailParagraph>
    </EmailLayout>,
  );
}
