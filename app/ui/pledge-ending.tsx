// Ending a pledge for good, asked first (GOV.UK's confirmation for an irreversible action): the supplier withdrawing
// its pledge and the group calling off one it agreed to each email the other side and give the pledge's share back
// to the request. The pledge's page links to a page that asks (PledgeEndingLink); that page names the pledge, says
// what ending it does, takes the reason and ends it only on "Yes" (PledgeEndingQuestion). Both work without JavaScript.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { BackLink, PageHeading } from "~/ui/components.tsx";
import { Form } from "~/ui/form-for.tsx";
import { Button, ErrorSummary, Textarea } from "~/ui/form.tsx";

export type PledgeEnding = "withdraw" | "callOff";

/** Where each ending is asked: /pledges/:id/withdraw, /pledges/:id/call-off. */
export const PLEDGE_ENDING_PATH: Record<PledgeEnding, string> = { withdraw: "withdraw", callOff: "call-off" };

const WORDS: Record<
  PledgeEnding,
  { heading: string; link: string; title: string; yes: string; label: string; hint: string }
> = {
  withdraw: {
    heading: "Withdraw your pledge",
    link: "Withdraw pledge",
    title: "Withdraw your pledge",
    yes: "Yes, withdraw pledge",
    label: "Why are you withdrawing it? (optional)",
    hint: "The group that asked will see this.",
  },
  callOff: {
    heading: "Call off the pledge",
    link: "Call off pledge",
    title: "Call off the pledge",
    yes: "Yes, call off pledge",
    label: "Why are you calling it off?",
    hint: "The supplier will see this.",
  },
};

export const pledgeEndingTitle = (ending: PledgeEnding | undefined) =>
  `${ending ? WORDS[ending].title : "End a pledge"} – Social Value Marketplace`;

/** On the pledge's page: what ending it does, and the way to the page that asks first. */
export function PledgeEndingLink({
  pledgeId,
  ending,
  children,
}: {
  pledgeId: string;
  ending: PledgeEnding;
  /** what ending it does, said before the link */
  children: string;
}) {
  const hintId = `${PLEDGE_ENDING_PATH[ending]}-hint`;
  return (
    <section className="mb-8 max-w-xl border-t-2 border-line pt-4">
      <h2 className="mb-4 text-2xl font-bold">{WORDS[ending].heading}</h2>
      <p className="mb-4">{children}</p>
      <p>
        <Link
          to={`/pledges/${pledgeId}/${PLEDGE_ENDING_PATH[ending]}`}
          className="font-bold text-error"
          aria-describedby={hintId}
        >
          {WORDS[ending].link}
        </Link>
        <span id={hintId} className="mt-1 block text-muted">
          You will be asked to confirm.
        </span>
      </p>
    </section>
  );
}

type EndingData = {
  ending: PledgeEnding;
  pledge: {
    id: string;
    amount: string;
    oneThing: boolean;
    requestTitle: string;
    supplierName: string;
    groupName: string;
  };
  freedForOthers: boolean;
};

/** The page that asks: the question, what happens, the reason and "Yes", or Cancel back to the pledge. */
export function PledgeEndingQuestion() {
  const { ending, pledge, freedForOthers } = useLoaderData<EndingData>();
  const lastResult = useActionData<SubmissionResult<string[]>>();
  const [form, fields] = useForm<{ reason: string }>({ lastResult, shouldRevalidate: "onSubmit" });
  const back = `/pledges/${pledge.id}`;
  const words = WORDS[ending];
  // "the 15 hours are", "the 1 hour is", "the £150 is"
  const needed = freedForOthers
    ? `the ${pledge.amount} ${pledge.oneThing ? "is" : "are"} needed again, for other suppliers to pledge`
    : "the request takes no new pledges, so no other supplier can pledge it";
  const initialReason = fields.reason?.initialValue;
  return (
    <div className="max-w-3xl">
      <BackLink to={back}>Back to the pledge</BackLink>
      <ErrorSummary errors={form.allErrors} />
      <PageHeading caption={`Pledge from ${pledge.supplierName}`}>
        {ending === "withdraw"
          ? `Are you sure you want to withdraw your pledge of ${pledge.amount} to ${pledge.requestTitle}?`
          : `Are you sure you want to call off the pledge of ${pledge.amount} from ${pledge.supplierName}?`}
      </PageHeading>
      <p className="mb-6">
        {ending === "withdraw"
          ? `${pledge.groupName} is told, with your reason if you give one,`
          : `${pledge.supplierName} is told, with your reason,`}{" "}
        and {needed}. You cannot undo this.
      </p>
      <Form method="post" {...getFormProps(form)} className="max-w-xl">
        <Textarea
          name="reason"
          label={words.label}
          hint={words.hint}
          rows={3}
          errors={fields.reason?.errors}
          defaultValue={typeof initialReason === "string" ? initialReason : undefined}
        />
        <div className="flex flex-wrap items-center gap-6">
          <Button variant="warning">{words.yes}</Button>
          <Link to={back}>Cancel</Link>
        </div>
      </Form>
    </div>
  );
}
