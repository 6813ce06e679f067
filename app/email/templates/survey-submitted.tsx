// Receipt for a submitted (or changed) survey response. It never repeats the answers themselves.
import { EmailButton, EmailLayout, EmailParagraph, renderEmail } from "../render.server.tsx";

export function renderSurveySubmittedEmail({
  councilName,
  brandColour,
  year,
  answersUrl,
  changed,
}: {
  councilName: string;
  brandColour?: string;
  year: number;
  answersUrl: string;
  changed: boolean;
}) {
  const heading = changed ? "Your survey answers were changed" : "Thank you for your survey answers";
  return renderEmail(
    `${councilName} supplier survey ${year}: ${changed ? "answers changed" : "answers received"}`,
    <EmailLayout councilName={councilName} brandColour={brandColour} preview={heading} heading={heading}>
      <EmailParagraph>
        We have your business&apos;s answers to the {year} supplier diversity survey. You can see, change or
        withdraw them until the survey closes.
      </EmailParagraph>
      <EmailButton href={answersUrl}>See your answers</EmailButton>
    </EmailLayout>,
  );
}
