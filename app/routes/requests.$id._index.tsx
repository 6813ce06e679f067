import { json, type LoaderFunctionArgs, type MetaFunction, type SerializeFrom } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { actingMembership, councilIdsOf, getViewer, notFound } from "~/auth/permissions.server.ts";
import { ownMemberships, pledgeOversightCouncilIds } from "~/domain/marketplace/access.server.ts";
import {
  notPledgingYet,
  offersRegisteringToPledge,
  registerToPledgeHref,
} from "~/domain/marketplace/pledge-eligibility.ts";
import { pledgeStatusLabel } from "~/domain/marketplace/pledge-lifecycle.ts";
import { ownPledgesOn } from "~/domain/marketplace/pledges.server.ts";
import { requestAmounts } from "~/domain/marketplace/request-card.server.ts";
import {
  closingDateOf,
  countPledgesUnderWay,
  deliveredToClosed,
  getClosedRequest,
  getRequestPage,
  pledgesOnRequest,
} from "~/domain/marketplace/queries.server.ts";
import {
  CLOSED_STATUSES,
  PLEDGEABLE_STATUSES,
  statusLabel,
  takesPledges,
} from "~/domain/marketplace/request-lifecycle.ts";
import { ClosedRequestNotice, ClosedRequestPage } from "~/ui/closed-request.tsx";
import { InsetText, PageHeading, SummaryList, Table, Tag } from "~/ui/components.tsx";
import { listInWords } from "~/domain/format.ts";
import { countOf, formatDate } from "~/ui/format.ts";
import { StillNeeded } from "~/ui/still-needed.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? "closed" in data
        ? `${data.closed.title} (closed) – Social Value Marketplace`
        : `${data.request.title} – Social Value Marketplace`
      : "Request – Social Value Marketplace",
  },
];

// Public for published requests; the requestor and its council's officers also see unpublished ones. A link to
// a published request that has since closed (withdrawn or expired) says so, with 410 Gone, and nothing more.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const organisationIds = viewer ? ownMemberships(viewer).map((m) => m.organisationId) : [];
  const councilIds = viewer ? councilIdsOf(viewer) : [];
  const page = await getRequestPage(params.id!, organisationIds, councilIds);
  if (!page) {
    const closed = await getClosedRequest(params.id!);
    if (!closed) notFound();
    return json({ closed }, { status: 410 });
  }
  const { organisationId, councilId, closedAt, ...details } = page.request;
  const isRequestor = organisationIds.includes(organisationId);
  const isOfficer = councilIds.includes(councilId);
  // the council's own officers read its pledges, as the pledge page lets them (pledgeOversightCouncilIds); the
  // requestor's own members see them on the manage page, where they act on them
  const readsPledges =
    !isRequestor && Boolean(viewer && pledgeOversightCouncilIds(viewer).includes(councilId));
  // open but past its needed-by date (until the nightly expiry run closes it): no pledge would be taken
  const takingPledges = takesPledges(details);
  // the supplier the pledge form would pledge for (the one chosen in the switcher): one the council has not
  // verified is told so here, not offered a link to a form that refuses it
  const supplier = viewer ? actingMembership(viewer, request, { kinds: ["SUPPLIER"] }) : undefined;
  const offeredToPledge = takingPledges && !isRequestor && Boolean(supplier);
  const notYet = offeredToPledge && supplier ? notPledgingYet(supplier) : null;
  const canPledge = offeredToPledge && !notYet;
  // signed in with no organisation yet (signed up to pledge): a business pledges, so they are offered registering
  // one, which brings them back to pledge
  const registerToPledge = offersRegisteringToPledge(viewer, details);
  // its type of help and quantities in its unit ("1 laptop", "3 laptops") are worked out here: the singular needs
  // the pluralize library, which the page would otherwise ship to every browser
  // closed: what its confirmed deliveries came to, which its figure says
  const delivered = (await deliveredToClosed([details])).get(details.id);
  const { helpType, need, pledges } = requestAmounts(
    { ...details, delivered },
    {
      own: supplier && !isRequestor ? await ownPledgesOn(details.id, supplier.organisationId) : [],
      council: readsPledges ? await pledgesOnRequest(details.id) : [],
    },
  );
  return json({
    request: details,
    closedOn: CLOSED_STATUSES.includes(details.status)
      ? closingDateOf({ ...details, closedAt }, page.events)
      : null,
    events: page.events,
    // an expired request's accepted pledges are still delivered and confirmed: the notice says how many
    pledgesUnderWay: details.status === "EXPIRED" ? await countPledgesUnderWay(details.id) : 0,
    isRequestor,
    isOfficer,
    takingPledges,
    canPledge,
    notPledgingYet: notYet,
    signedIn: Boolean(viewer),
    registerToPledge,
    // the acting supplier's own pledges on it: a supplier coming back to a request it pledged to was offered only
    // "Pledge to this request", with no way to its pledge
    ownPledges: pledges.own,
    // every pledge to it, for its council's own officers only (null: the page has no list of them)
    councilPledges: readsPledges
      ? pledges.council.map((p) => ({
          id: p.id,
          supplierName: p.supplierOrganisation.name,
          amount: p.amount,
          deliveredShort: p.deliveredShort,
          status: p.status,
        }))
      : null,
    helpType,
    // a closed request says what it came to instead (stillNeeded)
    need,
    pledgerName: supplier?.organisationName ?? null,
  });
}

export default function RequestPage() {
  const data = useLoaderData<typeof loader>();
  return "closed" in data ? <ClosedRequestPage request={data.closed} /> : <OpenRequestPage {...data} />;
}

function OpenRequestPage({
  request,
  closedOn,
  events,
  pledgesUnderWay,
  isRequestor,
  isOfficer,
  takingPledges,
  canPledge,
  notPledgingYet,
  signedIn,
  registerToPledge,
  ownPledges,
  councilPledges,
  pledgerName,
  helpType,
  need,
}: Exclude<SerializeFrom<typeof loader>, { closed: unknown }>) {
  const pastNeededBy = PLEDGEABLE_STATUSES.includes(request.status) && !takingPledges;
  const ownPledgeIds = new Set(ownPledges.map((p) => p.id));
  return (
    <>
      <PageHeading caption={`${request.organisation.name} · ${request.council.name}`}>
        {request.title}
      </PageHeading>
      <p className="mb-6">
        <Tag colour={takingPledges ? "green" : "grey"}>
          {pastNeededBy ? "closed to new pledges" : statusLabel(request.status)}
        </Tag>
      </p>
      {pastNeededBy ? (
        <InsetText>
          The needed-by date, {formatDate(request.neededBy)}, has passed, so this request is closed to new
          pledges.
        </InsetText>
      ) : null}
      {CLOSED_STATUSES.includes(request.status) ? (
        <ClosedRequestNotice status={request.status} closedOn={closedOn} pledgesUnderWay={pledgesUnderWay} />
      ) : null}
      <div className="mb-8 border-l-8 border-brand bg-gray-100 p-4">
        <p className="text-xl">
          <StillNeeded need={need} />
        </p>
        <p>Needed by {formatDate(request.neededBy)}</p>
      </div>
      <p className="mb-8 max-w-3xl whitespace-pre-line">{request.description}</p>
      <SummaryList
        rows={[
          { key: "Type of help", value: helpType },
          { key: "Category", value: request.category.name },
          // the lead council first, then the others it is also for (decision 050)
          {
            key: request.councilNames.length > 1 ? "Councils it is for" : "Council it is for",
            value: listInWords(request.councilNames),
          },
          {
            key: "Where",
            value:
              [request.district?.name, request.postcodeArea, request.isRemote ? "Can be done remotely" : null]
                .filter(Boolean)
                .join(", ") || "Not given",
          },
          {
            key: "Who benefits",
            value:
              [
                request.beneficiaries,
                request.beneficiaryCount ? countOf(request.beneficiaryCount, "person", "people") : null,
              ]
                .filter(Boolean)
                .join(" — ") || "Not given",
          },
          {
            key: "Published",
            value: request.publishedAt ? formatDate(request.publishedAt) : "Not yet published",
          },
        ]}
      />
      {ownPledges.length && councilPledges ? (
        // an officer of the council who is also a member of the supplier: its pledges are in the council's list
        // below, marked, rather than listed twice on one page
        <InsetText>
          <p>
            {pledgerName} has pledged to this request: its{" "}
            {ownPledges.length === 1 ? "pledge is" : "pledges are"} marked “your organisation” in the{" "}
            <a href="#pledges-heading">pledges to this request</a> below.
          </p>
        </InsetText>
      ) : ownPledges.length ? (
        <InsetText>
          <p className="mb-2">{pledgerName} has pledged to this request:</p>
          <ul className="list-disc pl-6">
            {ownPledges.map((p) => (
              <li key={p.id}>
                <Link to={`/pledges/${p.id}`}>
                  {p.pledgedText}, {pledgeStatusLabel(p.status)}
                </Link>{" "}
                (pledged on {formatDate(p.createdAt)})
              </li>
            ))}
          </ul>
        </InsetText>
      ) : null}
      {canPledge ? (
        <p className="mb-8">
          <Link
            to={`/requests/${request.id}/pledge`}
            className="inline-block bg-brand px-4 py-2 font-bold text-white no-underline shadow-[0_2px_0_#0b0c0c] hover:bg-brand-dark hover:text-white"
          >
            Pledge to this request
          </Link>
        </p>
      ) : notPledgingYet ? (
        <InsetText>{notPledgingYet}</InsetText>
      ) : takingPledges && !signedIn ? (
        <p className="mb-8">
          <Link to={`/sign-in?redirectTo=${encodeURIComponent(`/requests/${request.id}/pledge`)}`}>
            Sign in as a supplier
          </Link>{" "}
          to pledge.
        </p>
      ) : registerToPledge ? (
        <p className="mb-8">
          Pledges are made by a business registered on this service.{" "}
          <Link to={registerToPledgeHref(request.id)}>Register your business to pledge</Link>: we will bring
          you back to pledge to this request.
        </p>
      ) : null}
      {isRequestor ? (
        <p className="mb-8">
          <Link to={`/requests/${request.id}/manage`}>Manage this request</Link>
        </p>
      ) : null}
      {isOfficer && request.status === "SUBMITTED" ? (
        <p className="mb-8">
          <Link to={`/council/moderation/${request.id}`}>Review this request</Link>
        </p>
      ) : null}
      {councilPledges ? (
        <section aria-labelledby="pledges-heading" className="mb-8">
          <h2 id="pledges-heading" className="mb-4 text-2xl font-bold">
            Pledges
          </h2>
          <Table
            caption="Pledges to this request"
            rows={councilPledges}
            rowKey={(p) => p.id}
            empty="No pledges yet."
            columns={[
              {
                header: "Supplier",
                rowHeader: true,
                cell: (p) => (
                  <>
                    <Link to={`/pledges/${p.id}`}>
                      {p.supplierName}
                      <span className="sr-only">’s pledge</span>
                    </Link>
                    {ownPledgeIds.has(p.id) ? " (your organisation)" : null}
                  </>
                ),
              },
              {
                header: "Pledged",
                cell: (p) => (p.deliveredShort ? `${p.amount} (${p.deliveredShort} delivered)` : p.amount),
              },
              { header: "Status", cell: (p) => <Tag colour="grey">{pledgeStatusLabel(p.status)}</Tag> },
            ]}
          />
        </section>
      ) : null}
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading" className="mb-4 text-2xl font-bold">
          History
        </h2>
        <ol className="space-y-2 border-l-4 border-line pl-4">
          {events.map((e) => (
            <li key={e.id}>
              <strong>{statusLabel(e.toStatus)}</strong> — {formatDate(e.createdAt)}
              {e.note ? (
                <>
                  : {e.note.text}
                  {e.note.date ? ` ${formatDate(e.note.date)}` : null}
                </>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
