// Emails about pledges: new pledge, accepted or declined, delivery reported (and the reminders to confirm it),
// delivery confirmed or disputed, pledge withdrawn.
import { EmailButton, EmailLayout, EmailParagraph, EmailTypedText, renderEmail } from "../render.server.tsx";

type Base = {
  councilName: string;
  brandColour?: string;
  title: string;
  url: string;
  supplierName: string;
  quantity: string;
};

// the supplier's message and expected delivery date, which the group weighs in accepting or declining the pledge
export function newPledgeEmail({
  councilName,
  brandColour,
  title,
  url,
  supplierName,
  quantity,
  expectedBy,
  message,
}: Base & { expectedBy?: string | null; message?: string | null }) {
  return renderEmail(
    `New pledge: ${title}`,
    <EmailLayout
      councilName={councilName}
      brandColour={brandColour}
      preview={`${supplierName} pledged ${quantity}`}
      heading="You have a new pledge"
    >
      <EmailParagraph>
        {supplierName} pledged {quantity} to your request “{title}”. Please accept or decline it.
      </EmailParagraph>
      {expectedBy ? <EmailParagraph>They expect to deliver it by {expectedBy}.</EmailParagraph> : null}
      {message ? <EmailTypedText lead="Their message: " text={message} /> : null}
      <EmailButton href={url}>Respond to the pledge</EmailButton>
    </EmailLayout>,
  );
}

export function pledgeDecisionEmail({
  councilName,
  brandColour,
  title,
  url,
  quantity,
  accepted,
  calledOff = false,
  unanswered = false,
  reason,
  contact,
}: Omit<Base, "supplierName"> & {
  accepted: boolean;
  // declined after it was accepted (the requestor called it off), not an offer turned down
  calledOff?: boolean;
  // closed by the portal, the request's needed-by date having passed with the offer unanswered: nobody turned it down
  unanswered?: boolean;
  reason?: string | null;
  // how to reach the requestor: its contact preference, if given, and where to email it
  contact?: { preference: string | null; emails: string[] } | null;
}) {
  const word = accepted
    ? "accepted"
    : calledOff
      ? "called off"
      : unanswered
        ? "closed unanswered"
        : "declined";
  return renderEmail(
    `Pledge ${word}: ${title}`,
    <EmailLayout
      councilName={councilName}
      brandColour={brandColour}
      preview={`Your pledge was ${word}`}
      heading={`Your pledge was ${word}`}
    >
      <EmailParagraph>
        Your pledge of {quantity} to “{title}” was {word}.
        {accepted ? " Please report the delivery once you have delivered it." : ""}
        {unanswered
          ? " The group that posted the request did not accept or decline it before the request’s needed-by date, so the offer has closed. There is nothing you need to do."
          : ""}
      </EmailParagraph>
      {reason ? <EmailTypedText lead="Reason: " text={reason} /> : null}
      {accepted && contact?.preference ? (
        <EmailTypedText lead="How the requestor asks to be contacted: " text={contact.preference} />
      ) : null}
      {accepted && contact && contact.emails.length > 0 ? (
        <EmailParagraph>
          Email the requestor at {contact.emails.join(", ")} to arrange the delivery.
        </EmailParagraph>
      ) : null}
      <EmailButton href={url}>View your pledge</EmailButton>
    </EmailLayout>,
  );
}

export function deliveryReportedEmail({
  councilName,
  brandColour,
  title,
  url,
  supplierName,
  quantity,
}: Base) {
  return renderEmail(
    `Please confirm delivery: ${title}`,
    <EmailLayout
      councilName={councilName}
      brandColour={brandColour}
      preview="A supplier reported a delivery"
      heading="Please confirm the delivery"
    >
      <EmailParagraph>
        {supplierName} reported delivering {quantity} for your request “{title}”. Please confirm you received
        it, or tell us if something is wrong.
      </EmailParagraph>
      <EmailButton href={url}>Confirm the delivery</EmailButton>
    </EmailLayout>,
  );
}

// To the group that posted the request, a week and then three weeks after a delivery was reported, while nobody
// has confirmed or disputed it (app/domain/marketplace/delivery-reminders.server.ts). `last`: the second, after
// which no more are sent.
export function deliveryReminderEmail({
  councilName,
  brandColour,
  title,
  url,
  supplierName,
  quantity,
  reportedOn,
  deliveredOn,
  last,
}: Base & { reportedOn: string; deliveredOn: string; last: boolean }) {
  return renderEmail(
    `${last ? "Last reminder" : "Reminder"}: please confirm delivery: ${title}`,
    <EmailLayout
      councilName={councilName}
      brandColour={brandColour}
      preview={`${supplierName} reported a delivery on ${reportedOn} that is waiting for you to confirm it`}
      heading="A delivery is waiting for you to confirm it"
      reason="You received this reminder because a supplier reported a delivery for your group’s request and nobody from your group has confirmed or disputed it yet. Confirming or disputing it stops the reminders."
    >
      <EmailParagraph>
        On {reportedOn}, {supplierName} reported delivering {quantity} for your request “{title}”, delivered
        on {deliveredOn}. Nobody from your group has confirmed it yet.
      </EmailParagraph>
      <EmailParagraph>
        Please confirm you received it. If something is wrong (nothing arrived, or less than reported),
        dispute it instead and say what: the supplier is told and can put it right. The delivery counts as
        social value delivered only once you confirm it.
      </EmailParagraph>
      {last ? (
        <EmailParagraph>This is the last reminder we will send about this delivery.</EmailParagraph>
      ) : null}
      <EmailButton href={url}>Confirm or dispute the delivery</EmailButton>
    </EmailLayout>,
  );
}

// the rating and feedback the requestor gave on confirming, both optional: the form calls it feedback for the supplier
export function deliveryConfirmedEmail({
  councilName,
  brandColour,
  title,
  url,
  quantity,
  rating,
  feedback,
}: Omit<Base, "supplierName"> & { rating?: number | null; feedback?: string | null }) {
  return renderEmail(
    `Delivery confirmed: ${title}`,
    <EmailLayout
      councilName={councilName}
      brandColour={brandColour}
      preview="Your delivery was confirmed"
      heading="Your delivery was confirmed"
    >
      <EmailParagraph>
        The requestor confirmed receiving {quantity} for “{title}”. It now counts as delivered social value.
      </EmailParagraph>
      {rating ? <EmailParagraph>They rated it {rating} out of 5.</EmailParagraph> : null}
      {feedback ? <EmailTypedText lead="Their feedback: " text={feedback} /> : null}
      <EmailButton href={url}>View your pledge</EmailButton>
    </EmailLayout>,
  );
}

export function deliveryDisputedEmail({
  councilName,
  brandColour,
  title,
  url,
  reason,
}: Omit<Base, "supplierName" | "quantity"> & { reason: string }) {
  return renderEmail(
    `Delivery disputed: ${title}`,
    <EmailLayout
      councilName={councilName}
      brandColour={brandColour}
      preview="The requestor says something is wrong"
      heading="The requestor says something is wrong with the delivery"
    >
      <EmailParagraph>Your delivery for “{title}” was disputed.</EmailParagraph>
      <EmailTypedText lead="The requestor’s reason: " text={reason} />
      <EmailParagraph>
        Please put it right and report the delivery again. It counts as delivered social value only once the
        requestor confirms it.
      </EmailParagraph>
      <EmailButton href={url}>See the pledge</EmailButton>
    </EmailLayout>,
  );
}

export function pledgeWithdrawnEmail({
  councilName,
  brandColour,
  title,
  url,
  supplierName,
  quantity,
  reason,
  neededAgain,
}: Base & { reason?: string | null; neededAgain: boolean }) {
  return renderEmail(
    `Pledge withdrawn: ${title}`,
    <EmailLayout
      councilName={councilName}
      brandColour={brandColour}
      preview={`${supplierName} withdrew their pledge`}
      heading="A supplier withdrew their pledge"
    >
      <EmailParagraph>
        {supplierName} withdrew their pledge of {quantity} to your request “{title}”.
      </EmailParagraph>
      {reason ? <EmailTypedText lead="Their reason: " text={reason} /> : null}
      <EmailParagraph>
        {neededAgain
          ? "That amount is needed again and other suppliers can pledge it."
          : "The request is closed to new pledges, so no other supplier can pledge that amount."}
      </EmailParagraph>
      <EmailButton href={url}>See your request</EmailButton>
    </EmailLayout>,
  );
}
