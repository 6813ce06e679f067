// Invitation to a council's annual supplier diversity survey, with a personal link.
import { EmailButton, EmailLayout, EmailParagraph, renderEmail } from "../render.server.tsx";

export function renderSurveyInvitationEmail({
  councilName,
  brandColour,
  year,
  opensOn = null,
  closesOn,
  url,
  replacesEarlier = false,
}: {
  councilName: string;
  brandColour?: string;
  year: number;
  /** Given when the survey opens after the day the invitation is sent. */
  opensOn?: string | null;
  closesOn: string;
  url: string;
  /** Sent again: the link in the earlier invitation no longer works. */
  replacesEarlier?: boolean;
}) {
  return renderEmail(
    `${councilName} invites your business to its ${year} supplier survey`,
    <EmailLayout
      councilName={councilName}
      brandColour={brandColour}
      preview="Help us understand the barriers small businesses face"
      heading="Tell us what makes it hard to win council contracts"
      // sent to businesses invited by address too, who may have no account: not "because you use" the service
      reason={`You received this email because ${councilName} invited this email address to take part in its yearly supplier diversity survey. Taking part is optional: if you do not want to, you can ignore this email.`}
    >
      <EmailParagraph>
        {councilName} asks small and medium-sized businesses each year who owns and leads them and what makes
        it hard to bid for council contracts. Every question is optional and it takes about 10 minutes.
      </EmailParagraph>
      <EmailParagraph>
        {opensOn
          ? `The survey opens on ${opensOn} and closes on ${closesOn}. The link below works from the day it opens.`
          : `The survey closes on ${closesOn}.`}
      </EmailParagraph>
      {replacesEarlier ? (
        <EmailParagraph>
          This invitation replaces the one we sent you earlier: the link in that email no longer works.
        </EmailParagraph>
      ) : null}
      <EmailParagraph>
        To answer, sign in to Social Value Marketplace, or create a free account for your business if you do
        not have one: the link below takes you there.
      </EmailParagraph>
      <EmailButton href={url}>Take part in the survey</EmailButton>
    </EmailLayout>,
  );
}
