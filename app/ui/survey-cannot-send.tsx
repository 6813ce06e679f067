// Answers a business started but never sent, when the council has since rejected the business: they cannot be sent.
// The survey's page and check your answers said so each in words of their own (and the refusals of a question page
// saved or answers sent, in theirs), so a change to what the business is told had to be made in each. One notice
// and one reason now, said the same wherever the business meets it.
import { Link } from "@remix-run/react";
import { Notice } from "~/ui/components.tsx";

/** Why the business's answers cannot be sent: also the reason a question page saved or a Send is refused. */
export const NOT_VERIFIED =
  "The council did not verify your business, so it cannot take part in this survey.";

/**
 * The notice above unsent answers of a business the council rejected. `mine`: the viewer may see and delete the
 * answers (who answered, or an owner); a colleague learns only that someone in the business started.
 */
export function CannotSendNotice({ organisationId, mine }: { organisationId: string; mine: boolean }) {
  return (
    <Notice title="Your business cannot send answers to this survey">
      <p className="mb-2">
        {NOT_VERIFIED}{" "}
        {mine
          ? "The answers started for your business have not been sent and will not be used. They are deleted when the survey closes, or you can delete them now."
          : "Someone in your business started answering it: those answers have not been sent and will not be used. They are deleted when the survey closes, or the person who answered or the business's owners can delete them now."}
      </p>
      <p>
        <Link to={`/organisations/${organisationId}`}>See the reason the council gave</Link>
      </p>
    </Notice>
  );
}
