// The signed-in landing page: what needs my action now, by the organisation I am acting for.
import type { ReactNode } from "react";
import { json, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { actingMembership, requireViewer } from "~/auth/permissions.server.ts";
import { quarterLabel } from "~/domain/contracts/quarters.ts";
import { ownMemberships } from "~/domain/marketplace/access.server.ts";
import { formatQuantity, helpTypeLabel } from "~/domain/marketplace/help-types.ts";
import { pledgeStatusLabel } from "~/domain/marketplace/pledge-lifecycle.ts";
import { statusLabel } from "~/domain/marketplace/request-lifecycle.ts";
import { supplierDashboard, vcseDashboard } from "~/domain/reporting/dashboard-people.server.ts";
import { PIPELINE_NOT_COUNTED } from "~/domain/reporting/progress-format.ts";
import { RETURN_STATUS_LABELS } from "~/domain/reporting/returns-rules.ts";
import type { PledgeStatus, RequestStatus, VerificationStatus } from "~/generated/prisma/enums.ts";
import { ContractProgress, measureDeliveryColumns } from "~/ui/charts/delivery-columns.tsx";
import { PageHeading, PlainLink, Table, Tag } from "~/ui/components.tsx";
import { countOf, formatDate, formatDateTime, formatNumber, plural } from "~/ui/format.ts";
import { stillNeededText } from "~/ui/still-needed.tsx";

export const meta: MetaFunction = () => [{ title: "Dashboard – Social Value Marketplace" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const membership = actingMembership(viewer, request, { kinds: ["COUNCIL", "SUPPLIER", "VCSE"] });
  if (!membership)
    return json({
      view: "none" as const,
      name: viewer.user.name,
      platformAdmin: viewer.user.isPlatformAdmin,
    });
  if (membership.kind === "COUNCIL") throw redirect("/council/dashboard");
  if (membership.kind === "SUPPLIER")
    return json({
      view: "supplier" as const,
      organisationName: membership.organisationName,
      organisationId: membership.organisationId,
      status: membership.status,
      supplier: await supplierDashboard(membership.organisationId, new Date(), {
        notPostedBy: ownMemberships(viewer).map((m) => m.organisationId),
      }),
    });
  return json({
    view: "vcse" as const,
    organisationName: membership.organisationName,
    organisationId: membership.organisationId,
    status: membership.status,
    vcse: await vcseDashboard(membership.organisationId),
  });
}

// An organisation the council rejected was told it was still waiting ("has not verified … yet", "published once
// you are verified"): a rejection is final, and its reason is on the organisation's page.
function NotVerified({
  status,
  organisationId,
  pending,
  rejected,
}: {
  status: VerificationStatus;
  organisationId: string;
  pending: string;
  rejected: string;
}) {
  if (status === "VERIFIED") return null;
  return (
    <p className="mb-6 border-l-8 border-line pl-4">
      {status === "REJECTED" ? (
        <>
          {rejected}{" "}
          <PlainLink to={`/organisations/${organisationId}`}>See the reason the council gave</PlainLink>.
        </>
      ) : (
        pending
      )}
    </p>
  );
}

// Figures shared for a minute (dashboard-cache.server.ts) can be up to two minutes behind the pages they come from:
// the page says when they were worked out, in the council dashboard's words. The suggested requests are worked out
// with the figures, and say so in the same words.
function FiguresAsAt({ asOf, what = "Figures" }: { asOf: string; what?: "Figures" | "Suggestions" }) {
  return (
    <p className="mb-4 text-muted">
      {what} as at {formatDateTime(asOf)}; they are refreshed every minute.
    </p>
  );
}

// A disputed pledge is on the same list as the others but needs a different kind of attention.
function PledgeStatusTag({ status }: { status: PledgeStatus }) {
  return <Tag colour={status === "DISPUTED" ? "orange" : "blue"}>{pledgeStatusLabel(status)}</Tag>;
}

// `label` reads after the number: one form, or [for one, for any other number]. A plain anchor, as the dashboards'
// other links (decisions 047 and 048).
function Count({ value, label, to }: { value: number; label: string | [string, string]; to?: string }) {
  const body = (
    <>
      <span className="block text-4xl font-bold">{formatNumber(value)}</span>
      <span className="block">{typeof label === "string" ? label : plural(value, ...label)}</span>
    </>
  );
  return (
    <li className="border-l-8 border-brand bg-brand-light p-4">
      {to ? <PlainLink to={to}>{body}</PlainLink> : body}
    </li>
  );
}

export default function Dashboard() {
  const data = useLoaderData<typeof loader>();
  // the platform admin runs the service rather than joining an organisation: their work is councils and partnerships
  if (data.view === "none" && data.platformAdmin)
    return (
      <>
        <PageHeading>Your dashboard</PageHeading>
        <p className="mb-4">
          You are the platform admin: you add councils, invite their first admins and manage partnerships.
        </p>
        <p>
          <Link to="/admin/councils">Go to councils and partnerships</Link>
        </p>
      </>
    );
  if (data.view === "none")
    return (
      <>
        <PageHeading>Your dashboard</PageHeading>
        <p className="mb-4">You are not a member of an organisation yet.</p>
        <p>
          <Link to="/organisations/new">Register your organisation</Link> or ask a colleague to invite you.
        </p>
      </>
    );
  if (data.view === "supplier") return <SupplierDashboard data={data} />;
  return <VcseDashboard data={data} />;
}

type SupplierData = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { view: "supplier" }>;
type VcseData = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { view: "vcse" }>;

// Offers not answered yet, by a group or by a council team that posted the request: "waiting to be accepted" is
// true of both. With one, the sentence said "1 of your pledges are waiting".
function awaitingAcceptance(count: number) {
  if (count === 0) return "None of your pledges are waiting to be accepted.";
  return count === 1
    ? "1 of your pledges is waiting to be accepted."
    : `${formatNumber(count)} of your pledges are waiting to be accepted.`;
}

function SupplierDashboard({ data }: { data: SupplierData }) {
  const s = data.supplier;
  return (
    <>
      <PageHeading caption={data.organisationName}>Your dashboard</PageHeading>
      <NotVerified
        status={data.status}
        organisationId={data.organisationId}
        pending="The council has not verified your organisation yet. You can browse requests but cannot pledge."
        rejected="The council did not verify your organisation, so it cannot pledge to requests."
      />
      <section aria-labelledby="action" className="mb-10">
        <h2 id="action" className="mb-4 text-2xl font-bold">
          Needs your action
        </h2>
        <ul className="mb-6 grid gap-4 sm:grid-cols-3">
          <Count
            value={s.returnsDueCount}
            label={["quarterly return to complete", "quarterly returns to complete"]}
            to="/returns"
          />
          {/* a link's words stand alone in a list of links (WCAG 2.4.4): "0 of them overdue" said not what "them" was */}
          <Count
            value={s.overdueCount}
            label={["overdue quarterly return", "overdue quarterly returns"]}
            to="/returns"
          />
          <Count
            value={s.pledgesToDeliverCount}
            label={["pledge to deliver, accepted or disputed", "pledges to deliver, accepted or disputed"]}
            to="/pledges?status=to-deliver"
          />
        </ul>
        <p className="mb-6">
          {awaitingAcceptance(s.pledgesAwaitingRequestor)}
          {s.pledgesAwaitingRequestor > 0 ? (
            <>
              {" "}
              <PlainLink to="/pledges?status=OFFERED">
                {s.pledgesAwaitingRequestor === 1 ? "See it" : "See them"}
                <span className="sr-only"> in your pledges</span>
              </PlainLink>
            </>
          ) : null}
        </p>
        <Table
          caption="Returns to complete"
          rows={s.returnsDue}
          rowKey={(r) => r.id}
          empty="No returns to complete."
          columns={[
            {
              header: "Return",
              rowHeader: true,
              cell: (r) => (
                <PlainLink to={`/returns/${r.id}`}>
                  {`${r.contract.reference} ${r.contract.title}, ${quarterLabel(r.financialYear, r.quarter as 1)}`}
                </PlainLink>
              ),
            },
            { header: "Status", cell: (r) => RETURN_STATUS_LABELS[r.status] },
            {
              header: "Due",
              cell: (r) => (
                <>
                  {`${formatDate(r.dueDate)} `}
                  {r.overdue ? <Tag colour="red">Overdue</Tag> : null}
                </>
              ),
            },
          ]}
        />
        <Table
          caption="Pledges to deliver"
          rows={s.pledgesToDeliver}
          rowKey={(p) => p.id}
          empty="No pledges waiting for delivery."
          columns={[
            {
              header: "Request",
              rowHeader: true,
              cell: (p) => <PlainLink to={`/pledges/${p.id}`}>{p.request.title}</PlainLink>,
            },
            { header: "Status", cell: (p) => <PledgeStatusTag status={p.status} /> },
            {
              header: "Pledged",
              numeric: true,
              cell: (p) => formatQuantity(p.request.helpType, p.quantity, p.request.unitLabel),
            },
            { header: "Expected by", cell: (p) => formatDate(p.expectedDeliveryDate) },
          ]}
        />
      </section>
      <section aria-labelledby="delivery" className="mb-10">
        <h2 id="delivery" className="mb-4 text-2xl font-bold">
          Delivered against committed
        </h2>
        <FiguresAsAt asOf={s.figuresAsOf} />
        <p className="mb-4 max-w-3xl">{PIPELINE_NOT_COUNTED}</p>
        <Table
          caption="Your contracts"
          rows={s.contracts}
          rowKey={(k) => k.id}
          empty="You have no council contracts recorded."
          columns={[
            {
              header: "Contract",
              rowHeader: true,
              cell: (k) => <PlainLink to={`/contracts/${k.id}`}>{`${k.reference} ${k.title}`}</PlainLink>,
            },
            { header: "Council", cell: (k) => k.council },
            {
              header: "Progress",
              cell: (k) =>
                k.inPipeline ? (
                  "Not yet awarded (in the pipeline): not counted"
                ) : k.commitments === 0 ? (
                  "No commitments recorded"
                ) : (
                  <ContractProgress worst={k.worst} statuses={k.statuses} />
                ),
            },
          ]}
        />
        <Table
          caption="By measure, to date"
          rows={s.measures}
          rowKey={(m) => m.measureId}
          empty="No commitments yet."
          columns={[
            { header: "Measure", rowHeader: true, cell: (m) => m.name },
            { header: "Council", cell: (m) => m.council },
            ...measureDeliveryColumns<(typeof s.measures)[number]>(),
          ]}
        />
      </section>
      <section aria-labelledby="matching" className="mb-10">
        <h2 id="matching" className="mb-4 text-2xl font-bold">
          Requests that fit your open commitments
        </h2>
        <FiguresAsAt asOf={s.figuresAsOf} what="Suggestions" />
        {s.matches.length === 0 ? (
          <p>No open requests match your commitments at the moment.</p>
        ) : (
          <ul className="mb-4 space-y-3">
            {s.matches.map((m) => (
              <li key={m.id}>
                <PlainLink to={`/requests/${m.id}`} className="font-bold">
                  {m.title}
                </PlainLink>
                {/* each one text, so React writes no separators inside it */}
                <span className="block text-muted">{`${helpTypeLabel(m.helpType)} · ${m.category} · ${m.council}`}</span>
                <span className="block">{`${stillNeededText(m.need)}. Needed by ${formatDate(m.neededBy)}`}</span>
              </li>
            ))}
          </ul>
        )}
        <p>
          <PlainLink to="/matching">See all matching requests</PlainLink>
        </p>
      </section>
    </>
  );
}

// Requests the council sent back wait on the group alone: shown only while there are any, each linked to where the
// changes are made (the council's comment is shown there).
// A short list of the group's requests that wait for it, with a link to all of them when the list is cut short.
function RequestsToAct({
  id,
  heading,
  lead,
  count,
  shown,
  highlighted = false,
  children,
}: {
  id?: string;
  heading: string;
  lead: string;
  count: number;
  shown: number;
  highlighted?: boolean;
  children: ReactNode;
}) {
  if (count === 0) return null;
  return (
    <div className={highlighted ? "mb-6 border-l-8 border-brand bg-brand-light p-4" : "mb-6"}>
      <h3 id={id} className="mb-2 text-xl font-bold">
        {heading}
      </h3>
      <p className="mb-2">{lead}</p>
      {children}
      {count > shown ? (
        <p className="mt-2">
          <PlainLink to="/my-requests">See all your requests</PlainLink>
        </p>
      ) : null}
    </div>
  );
}

function SentBack({ requests, count }: { requests: { id: string; title: string }[]; count: number }) {
  return (
    <RequestsToAct
      heading={countOf(
        count,
        "request the council sent back for changes",
        "requests the council sent back for changes",
      )}
      lead={`${count === 1 ? "It is" : "They are"} not published until you make the changes the council asked for and send ${count === 1 ? "it" : "them"} again.`}
      count={count}
      shown={requests.length}
      highlighted
    >
      <ul className="space-y-1">
        {requests.map((r) => (
          <li key={r.id}>
            <PlainLink to={`/requests/${r.id}/edit`}>
              {r.title}
              <span className="sr-only"> – make the changes</span>
            </PlainLink>
          </li>
        ))}
      </ul>
    </RequestsToAct>
  );
}

// Requests that close when their needed-by date passes, soonest first: the group extends one (once), or
// answers its offers, before then. Shown only while there are any, each linked to its manage page.
function ClosingSoon({
  requests,
  count,
  days,
}: {
  requests: VcseData["vcse"]["closingSoon"];
  count: number;
  days: number;
}) {
  return (
    <RequestsToAct
      id="closing"
      heading={`Requests closing in the next ${days} days`}
      lead="A request closes when its needed-by date has passed. You can extend a request once, from its page."
      count={count}
      shown={requests.length}
    >
      <ul className="space-y-2">
        {requests.map((r) => (
          <li key={r.id}>
            <PlainLink to={`/requests/${r.id}/manage`} className="font-bold">
              {r.title}
            </PlainLink>{" "}
            <Tag colour="blue">{statusLabel(r.status)}</Tag>
            {/* one text, so React writes no separator between its two sentences */}
            <span className="block">{`${
              r.passed
                ? `Needed by ${formatDate(r.neededBy)}, which has passed: it closes tonight.`
                : `Needed by ${formatDate(r.neededBy)}.`
            } ${
              r.canExtend
                ? "You can extend it once."
                : "It has already been extended, so it cannot be extended again."
            }`}</span>
          </li>
        ))}
      </ul>
    </RequestsToAct>
  );
}

// The dashboard shows the oldest ten pledges of each queue; the rest are on the full list (dashboard_.pledges.tsx).
// A count links to the table on this page when it shows them all, and to the full list when it does not. The full
// list is the group's the dashboard was shown for, whatever the switcher is on when the link is followed.
type Queue = "to-answer" | "to-confirm";
const queueHref = (queue: Queue, organisationId: string) =>
  `/dashboard/pledges?queue=${queue}&organisation=${encodeURIComponent(organisationId)}`;

// the table on this page is addressed in full, as a Remix link wrote it, since the counts are plain anchors
function queueLink(queue: Queue, count: number, shown: number, organisationId: string) {
  if (count === 0) return undefined;
  return count > shown ? queueHref(queue, organisationId) : `/dashboard#${queue}`;
}

// a table cut short says so in its caption, so it is not read as all of them
const shownOf = (caption: string, shown: number, count: number) =>
  count > shown ? `${caption}: the oldest ${formatNumber(shown)} of ${formatNumber(count)}` : caption;

type QueuedPledge = VcseData["vcse"]["deliveriesToConfirm"][number];

// One of the requestor's two pledge queues: the oldest pledges in it, and a link to all of them when some are not shown.
function PledgeQueue({
  queue,
  caption,
  rows,
  count,
  empty,
  action,
  what,
  organisationId,
}: {
  queue: Queue;
  caption: string;
  rows: QueuedPledge[];
  count: number;
  empty: string;
  action: string;
  what: string;
  organisationId: string;
}) {
  return (
    <div id={queue}>
      <Table
        caption={shownOf(caption, rows.length, count)}
        rows={rows}
        rowKey={(p) => p.id}
        empty={empty}
        columns={[
          {
            header: "Request",
            rowHeader: true,
            cell: (p) => (
              <PlainLink to={`/pledges/${p.id}`}>
                {p.request.title}
                <span className="sr-only">{` – ${action}`}</span>
              </PlainLink>
            ),
          },
          { header: "From", cell: (p) => p.supplierOrganisation.name },
          { header: "Status", cell: (p) => <PledgeStatusTag status={p.status} /> },
          {
            header: "Quantity",
            numeric: true,
            cell: (p) =>
              formatQuantity(p.request.helpType, p.deliveredQuantity ?? p.quantity, p.request.unitLabel),
          },
        ]}
      />
      {count > rows.length ? (
        <p className="-mt-4 mb-8">
          <PlainLink
            to={queueHref(queue, organisationId)}
          >{`View all ${formatNumber(count)} ${what}`}</PlainLink>
        </p>
      ) : null}
    </div>
  );
}

function VcseDashboard({ data }: { data: VcseData }) {
  const v = data.vcse;
  return (
    <>
      <PageHeading caption={data.organisationName}>Your dashboard</PageHeading>
      <NotVerified
        status={data.status}
        organisationId={data.organisationId}
        pending="The council has not verified your group yet. You can draft requests now, and submit them for the council to approve once it has verified you."
        rejected="The council did not verify your group, so its requests cannot be submitted for approval or published. You can still save them as drafts."
      />
      <section aria-labelledby="action" className="mb-10">
        <h2 id="action" className="mb-4 text-2xl font-bold">
          Needs your action
        </h2>
        <SentBack requests={v.changesRequested} count={v.changesRequestedCount} />
        <ul className="mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Count
            value={v.pledgesAwaitingResponseCount}
            label={["pledge waiting for your answer", "pledges waiting for your answer"]}
            to={queueLink(
              "to-answer",
              v.pledgesAwaitingResponseCount,
              v.pledgesAwaitingResponse.length,
              data.organisationId,
            )}
          />
          <Count
            value={v.deliveriesToConfirmCount}
            label={[
              "delivery to confirm, disputed ones included",
              "deliveries to confirm, disputed ones included",
            ]}
            to={queueLink(
              "to-confirm",
              v.deliveriesToConfirmCount,
              v.deliveriesToConfirm.length,
              data.organisationId,
            )}
          />
          <Count
            value={v.closingSoonCount}
            label={[
              `request closing in the next ${v.closingSoonDays} days`,
              `requests closing in the next ${v.closingSoonDays} days`,
            ]}
            to={v.closingSoonCount > 0 ? "/dashboard#closing" : undefined}
          />
          <Count
            value={Object.values(v.requestsByStatus).reduce((a, b) => a + b, 0)}
            label={["request in total", "requests in total"]}
            to="/my-requests"
          />
        </ul>
        <ClosingSoon requests={v.closingSoon} count={v.closingSoonCount} days={v.closingSoonDays} />
        {/* the counts above link here */}
        <PledgeQueue
          organisationId={data.organisationId}
          queue="to-answer"
          caption="Pledges waiting for your answer"
          rows={v.pledgesAwaitingResponse}
          count={v.pledgesAwaitingResponseCount}
          empty="No pledges are waiting for an answer."
          action="accept or decline"
          what="pledges waiting for your answer"
        />
        <PledgeQueue
          organisationId={data.organisationId}
          queue="to-confirm"
          caption="Deliveries to confirm"
          rows={v.deliveriesToConfirm}
          count={v.deliveriesToConfirmCount}
          empty="No deliveries are waiting for you to confirm."
          action="confirm receipt"
          what="deliveries to confirm"
        />
      </section>
      <section aria-labelledby="requests" className="mb-10">
        <h2 id="requests" className="mb-4 text-2xl font-bold">
          Your requests
        </h2>
        <Table
          caption="Recently updated requests"
          rows={v.requests}
          rowKey={(r) => r.id}
          empty="You have not posted any requests yet."
          columns={[
            {
              header: "Request",
              rowHeader: true,
              cell: (r) => <PlainLink to={`/requests/${r.id}/manage`}>{r.title}</PlainLink>,
            },
            {
              header: "Status",
              cell: (r) => <Tag colour="blue">{statusLabel(r.status as RequestStatus)}</Tag>,
            },
            // how much is still needed, or once closed what it came to, as the request's own page says it
            { header: "Amount", cell: (r) => stillNeededText(r.need) },
            { header: "Needed by", cell: (r) => formatDate(r.neededBy) },
          ]}
        />
        <p className="flex flex-wrap gap-6">
          <PlainLink to="/my-requests">All your requests</PlainLink>
          <PlainLink to="/requests/new">Post a new request</PlainLink>
        </p>
      </section>
    </>
  );
}
