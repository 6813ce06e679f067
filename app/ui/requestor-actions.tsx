// The council dashboard's "needs your action" lists: the officer's own queues (requests to approve, organisations
// to verify, returns to review) and the requests the council posted itself.
import { Link } from "@remix-run/react";
import type { CouncilWorkQueues } from "~/domain/reporting/dashboard-queues.server.ts";
import { withCouncil } from "./charts/record-links.ts";
import { formatNumber, plural } from "./format.ts";

type ActionCount = { count: number; requestId: string | null };

export type RequestorActions = { toAnswer: ActionCount; toConfirm: ActionCount; disputed: ActionCount };

// Pledges are answered and deliveries confirmed on the request's manage page; several requests: the list of them,
// naming the council the dashboard shows, so someone working for two councils lands on that one's list whichever
// the header switcher is on.
const whereHandled = ({ requestId }: ActionCount, councilId: string) =>
  requestId ? `/requests/${requestId}/manage` : withCouncil("/my-requests", councilId);

export function CouncilRequestActions({
  actions,
  councilId,
}: {
  actions: RequestorActions;
  councilId: string;
}) {
  const items = [
    {
      key: "answer",
      action: actions.toAnswer,
      label: plural(actions.toAnswer.count, "pledge to accept or decline", "pledges to accept or decline"),
    },
    {
      key: "confirm",
      action: actions.toConfirm,
      label: plural(actions.toConfirm.count, "delivery to confirm", "deliveries to confirm"),
    },
    {
      key: "disputed",
      action: actions.disputed,
      label: plural(
        actions.disputed.count,
        "disputed pledge to confirm or see put right",
        "disputed pledges to confirm or see put right",
      ),
    },
  ];
  const nothing = items.every((item) => item.action.count === 0);
  return (
    <section aria-labelledby="requestor-actions" className="mb-10">
      <h2 id="requestor-actions" className="mb-4 text-2xl font-bold">
        Your council’s requests: needs action
      </h2>
      {nothing ? (
        <p className="mb-4">
          Nothing needs action on the requests your council posted: no pledges to answer, deliveries to
          confirm or disputes.
        </p>
      ) : (
        <>
          <p className="mb-4 max-w-3xl">Up to date as you load the page.</p>
          <ul className="mb-4 grid gap-4 sm:grid-cols-3">
            {items.map(({ key, action, label }) => (
              <li key={key} className="border-l-8 border-brand bg-brand-light p-4">
                {action.count === 0 ? (
                  <>
                    <span className="block text-4xl font-bold">0</span>
                    <span className="block">{label}</span>
                  </>
                ) : (
                  <Link to={whereHandled(action, councilId)}>
                    <span className="block text-4xl font-bold">{formatNumber(action.count)}</span>
                    <span className="block">{label}</span>
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <Link to={withCouncil("/my-requests", councilId)}>All your council’s requests</Link>
      </p>
    </section>
  );
}

// Each figure links to the queue that lists exactly those records; a zero is said plainly, not linked to an empty
// list.
// Each link names the council the dashboard shows, so someone working for several councils reaches that one's
// queues whichever the header switcher is on (and someone who also works for a supplier its returns).
export function CouncilWaiting({ queues, councilId }: { queues: CouncilWorkQueues; councilId: string }) {
  const items = [
    {
      key: "approve",
      count: queues.toApprove,
      to: withCouncil("/council/moderation", councilId),
      label: plural(queues.toApprove, "request to approve", "requests to approve"),
    },
    {
      key: "verify",
      count: queues.toVerify,
      to: withCouncil("/council/verification", councilId),
      label: plural(queues.toVerify, "organisation to verify", "organisations to verify"),
    },
    {
      key: "review",
      count: queues.toReview,
      to: withCouncil("/returns?queue=review", councilId),
      label: plural(queues.toReview, "KPI return to review", "KPI returns to review"),
    },
  ];
  const nothing = items.every((item) => item.count === 0);
  return (
    <section aria-labelledby="council-waiting" className="mb-10">
      <h2 id="council-waiting" className="mb-4 text-2xl font-bold">
        Waiting for your council
      </h2>
      {nothing ? (
        <p className="mb-4">
          Nothing is waiting for your council: no requests to approve, organisations to verify or KPI returns
          to review.
        </p>
      ) : (
        <>
          <p className="mb-4 max-w-3xl">Up to date as you load the page.</p>
          <ul className="mb-4 grid gap-4 sm:grid-cols-3">
            {items.map(({ key, count, to, label }) => (
              <li key={key} className="border-l-8 border-brand bg-brand-light p-4">
                {count === 0 ? (
                  <>
                    <span className="block text-4xl font-bold">0</span>
                    <span className="block">{label}</span>
                  </>
                ) : (
                  <Link to={to}>
                    <span className="block text-4xl font-bold">{formatNumber(count)}</span>
                    <span className="block">{label}</span>
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
