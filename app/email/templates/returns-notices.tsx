// Emails about quarterly KPI returns: opened, due soon, overdue, submitted, queried, accepted.
import { EmailButton, EmailLayout, EmailParagraph, EmailTypedText, renderEmail } from "../render.server.tsx";

export type ReturnEmailBase = {
  councilName: string;
  brandColour?: string;
  contractTitle: string;
  contractReference: string;
  quarterLabel: string;
  dueDate: string; // already formatted, e.g. "30 July 2026"
  url: string;
};

function layout(base: ReturnEmailBase, heading: string, preview: string, body: React.ReactNode) {
  return (
    <EmailLayout
      councilName={base.councilName}
      brandColour={base.brandColour}
      preview={preview}
      heading={heading}
    >
      {body}
    </EmailLayout>
  );
}

const contractName = (b: ReturnEmailBase) => `${b.contractTitle} (${b.contractReference})`;

// overdue: announced only after its due date had passed (its opening email failed until then; a return opened late
// is given time: dueDateOnOpening), so already overdue
export function returnOpenedEmail(base: ReturnEmailBase & { overdue?: boolean }) {
  return renderEmail(
    base.overdue
      ? `Your ${base.quarterLabel} social value return is open and already overdue: ${base.contractReference}`
      : `Your ${base.quarterLabel} social value return is open: ${base.contractReference}`,
    layout(
      base,
      base.overdue
        ? "Your quarterly social value return is open and overdue"
        : "Your quarterly social value return is open",
      base.overdue ? `It was due by ${base.dueDate}` : `Due by ${base.dueDate}`,
      <>
        <EmailParagraph>
          Please report the social value you delivered in {base.quarterLabel} on {contractName(base)}.{" "}
          {base.overdue
            ? `The return is overdue: it was due by ${base.dueDate}. Please submit it as soon as you can.`
            : `The return is due by ${base.dueDate}.`}
        </EmailParagraph>
        <EmailButton href={base.url}>Start the return</EmailButton>
      </>,
    ),
  );
}

// queried: the return was sent and queried, and the changes asked for have not been sent yet
export function returnReminderEmail(base: ReturnEmailBase & { daysLeft: number; queried?: boolean }) {
  const when = base.daysLeft <= 0 ? "today" : base.daysLeft === 1 ? "tomorrow" : `in ${base.daysLeft} days`;
  return renderEmail(
    `Reminder: your ${base.quarterLabel} return is due ${when}: ${base.contractReference}`,
    layout(
      base,
      `Your return is due ${when}`,
      `Due by ${base.dueDate}`,
      <>
        <EmailParagraph>
          Your {base.quarterLabel} social value return for {contractName(base)} is due by {base.dueDate}.{" "}
          {base.queried
            ? "The council queried it: make the changes they asked for and submit it again."
            : "If you have started it, remember to submit it."}
        </EmailParagraph>
        <EmailButton href={base.url}>{base.queried ? "See the query" : "Complete the return"}</EmailButton>
      </>,
    ),
  );
}

type Overdue = ReturnEmailBase & { queried?: boolean };

export function returnOverdueSupplierEmail(base: Overdue) {
  return renderEmail(
    `Overdue: your ${base.quarterLabel} return for ${base.contractReference}`,
    layout(
      base,
      "Your return is overdue",
      `It was due by ${base.dueDate}`,
      <>
        <EmailParagraph>
          {base.queried
            ? `Your ${base.quarterLabel} social value return for ${contractName(base)} was due by ${base.dueDate}. The council queried it, and the changes they asked for have not been sent yet.`
            : `Your ${base.quarterLabel} social value return for ${contractName(base)} was due by ${base.dueDate} and has not been submitted. The council has been told.`}
        </EmailParagraph>
        <EmailButton href={base.url}>Complete the return now</EmailButton>
      </>,
    ),
  );
}

export function returnOverdueManagerEmail(base: Overdue & { supplierName: string }) {
  return renderEmail(
    `Overdue return: ${base.supplierName}, ${base.contractReference} ${base.quarterLabel}`,
    layout(
      base,
      "A supplier's return is overdue",
      base.queried
        ? `${base.supplierName} has not answered the query`
        : `${base.supplierName} has not submitted`,
      <>
        <EmailParagraph>
          {base.queried
            ? `${base.supplierName} has not yet sent the changes asked for when the ${base.quarterLabel} social value return for ${contractName(base)} was queried.`
            : `${base.supplierName} has not submitted the ${base.quarterLabel} social value return for ${contractName(base)}.`}{" "}
          It was due by {base.dueDate}. They have been sent a reminder.
        </EmailParagraph>
        <EmailButton href={base.url}>View the return</EmailButton>
      </>,
    ),
  );
}

// resubmitted: sent again after the council queried it, told to the officer who queried it ("yourQuery") or to
// someone else (the contract manager, or the council's admins: "aQuery")
export function returnSubmittedEmail(
  base: ReturnEmailBase & { supplierName: string; resubmitted?: "yourQuery" | "aQuery" },
) {
  const query = base.resubmitted === "yourQuery" ? "your query" : "a query";
  return renderEmail(
    base.resubmitted
      ? `Return sent again after ${query}: ${base.contractReference} ${base.quarterLabel}`
      : `Return submitted for review: ${base.contractReference} ${base.quarterLabel}`,
    layout(
      base,
      "A return is ready for review",
      base.resubmitted
        ? `${base.supplierName} answered ${base.resubmitted === "yourQuery" ? "your query" : "the query"}`
        : `${base.supplierName} submitted a return`,
      <>
        <EmailParagraph>
          {base.resubmitted
            ? `${base.supplierName} sent the ${base.quarterLabel} social value return for ${contractName(base)} again, after it was queried. The review page shows what they changed. Please accept it or query it again.`
            : `${base.supplierName} submitted the ${base.quarterLabel} social value return for ${contractName(base)}. Please accept it or query it.`}
        </EmailParagraph>
        <EmailButton href={base.url}>Review the return</EmailButton>
      </>,
    ),
  );
}

export function returnQueriedEmail(
  base: ReturnEmailBase & {
    comment: string | null;
    // the lines queried, in the return's order, each with the comment the supplier sees against it
    lineQueries: { measureName: string; comment: string }[];
    // the officer who queried it (any officer of the council, not only the contract manager)
    queriedBy?: string | null;
  },
) {
  const lines = base.lineQueries;
  const who = base.queriedBy ? `${base.queriedBy} at ${base.councilName}` : base.councilName;
  return renderEmail(
    `Your ${base.quarterLabel} return was queried: ${base.contractReference}`,
    layout(
      base,
      `${base.councilName} has queried your return`,
      "Please amend and resubmit it",
      <>
        <EmailParagraph>
          {who} has questions about your {base.quarterLabel} social value return for {contractName(base)}.
          Please read their comments, amend the return and submit it again.
        </EmailParagraph>
        {base.comment ? <EmailTypedText lead="Their comment: " text={base.comment} /> : null}
        {lines.length ? (
          <>
            <EmailParagraph>
              {lines.length === 1
                ? "They queried 1 line of the return:"
                : `They queried ${lines.length} lines of the return:`}
            </EmailParagraph>
            {lines.map((line, index) => (
              <EmailTypedText key={index} lead={`${line.measureName}: `} text={line.comment} />
            ))}
          </>
        ) : null}
        <EmailButton href={base.url}>Amend the return</EmailButton>
      </>,
    ),
  );
}

export function returnAcceptedEmail(base: ReturnEmailBase & { comment: string | null }) {
  return renderEmail(
    `Your ${base.quarterLabel} return was accepted: ${base.contractReference}`,
    layout(
      base,
      "Your return was accepted",
      "Thank you for reporting",
      <>
        <EmailParagraph>
          Your {base.quarterLabel} social value return for {contractName(base)} was accepted. The figures now
          count towards your commitments.
        </EmailParagraph>
        {base.comment ? <EmailTypedText lead="Comment: " text={base.comment} /> : null}
        <EmailButton href={base.url}>View the return</EmailButton>
      </>,
    ),
  );
}
