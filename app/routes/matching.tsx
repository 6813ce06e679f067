import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/permissions.server.ts";
import { formatMeasureQuantity } from "~/domain/contracts/labels.ts";
import { helpTypeLabel } from "~/domain/marketplace/help-types.ts";
import { ownMemberships } from "~/domain/marketplace/access.server.ts";
import { matchingRequests } from "~/domain/marketplace/matching.server.ts";
import { notPledgingYet } from "~/domain/marketplace/pledge-eligibility.ts";
import { stillNeeded } from "~/domain/marketplace/request-card.server.ts";
import { InsetText, PageHeading, Table } from "~/ui/components.tsx";
import { formatDate } from "~/ui/format.ts";
import { StillNeeded } from "~/ui/still-needed.tsx";

export const meta: MetaFunction = () => [
  { title: "Requests that fit your commitments – Social Value Marketplace" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { viewer, membership } = await requireMembership(request, { kinds: ["SUPPLIER"] });
  // not the requests of a group the person belongs to: they may not pledge to those
  const { commitments, matches } = await matchingRequests(
    membership.organisationId,
    new Date(),
    25,
    ownMemberships(viewer).map((m) => m.organisationId),
  );
  // only what the page shows: not who posted a request nor the councils' ids
  return json({
    commitments: commitments.map((c) => ({
      id: c.id,
      measureName: c.measureName,
      contract: c.contract,
      helpTypes: c.helpTypes,
      unit: c.unit,
      remaining: c.remaining,
    })),
    matches: matches.map(({ request: r, reasons }) => ({
      reasons,
      request: {
        id: r.id,
        title: r.title,
        helpType: r.helpType,
        category: r.category.name,
        council: r.council.name,
        // in the words of the request's own page
        need: stillNeeded(r),
        neededBy: r.neededBy,
      },
    })),
    organisationName: membership.organisationName,
    // a supplier the council has not verified sees what fits, told plainly that it cannot pledge yet
    notPledgingYet: notPledgingYet(membership),
  });
}

export default function MatchingPage() {
  const { commitments, matches, organisationName, notPledgingYet } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading caption={organisationName}>Requests that fit your open commitments</PageHeading>
      {notPledgingYet ? <InsetText>{notPledgingYet}</InsetText> : null}
      <p className="mb-6">
        <Link to="/saved-searches">Your saved searches and daily emails</Link>
      </p>
      <Table
        caption="Your commitments that marketplace pledges count towards"
        rows={commitments}
        rowKey={(c) => c.id}
        empty="None of your contracts has a commitment that marketplace pledges count towards."
        columns={[
          { header: "Measure", cell: (c) => c.measureName, rowHeader: true },
          { header: "Contract", cell: (c) => c.contract },
          { header: "Help that counts", cell: (c) => c.helpTypes.map(helpTypeLabel).join(", ") },
          {
            header: "Target left",
            cell: (c) => formatMeasureQuantity(c.unit, Math.max(0, c.remaining)),
            numeric: true,
          },
        ]}
      />
      {commitments.length > 0 ? (
        // the dashboard shows what was delivered; the target left here is less by what is pledged but not yet
        // confirmed, so the two figures did not add up without saying so
        <p className="mb-6 max-w-3xl">
          Target left is the commitment&rsquo;s target less what you have delivered to date and what your
          pledges that are not yet confirmed (offered, accepted, delivered or disputed) would add.
        </p>
      ) : null}
      <h2 className="mb-4 text-2xl font-bold">Best fits first</h2>
      {commitments.length > 0 && commitments.every((c) => c.remaining <= 0) ? (
        // only commitments with target left are matched: with none, "nothing fits right now" would mislead
        <p>
          Your commitments have no target left: what you have delivered and pledged towards them already meets
          their targets, so no requests are suggested. You can still{" "}
          <Link to="/requests">browse every request</Link>.
        </p>
      ) : commitments.length === 0 ? (
        // with no commitment to match, "no open requests fit your commitments right now" read as if some might
        <p>
          Requests are suggested here only for commitments that marketplace pledges count towards, and you
          have none. You can still <Link to="/requests">browse every request</Link> or save a search to hear
          about new ones.
        </p>
      ) : matches.length === 0 ? (
        <p>
          No open requests fit your commitments right now. <Link to="/requests">Browse every request</Link> or
          save a search to hear about new ones.
        </p>
      ) : (
        <ol className="space-y-6">
          {matches.map((m) => (
            <li key={m.request.id} className="border-t-4 border-brand pt-3">
              <h3 className="mb-1 text-xl font-bold">
                <Link to={`/requests/${m.request.id}`}>{m.request.title}</Link>
              </h3>
              <p className="text-muted">
                {helpTypeLabel(m.request.helpType)} · {m.request.category} · {m.request.council}
              </p>
              <p>
                <StillNeeded need={m.request.need} />
              </p>
              <p>Needed by {formatDate(m.request.neededBy)}</p>
              <ul className="mt-1 list-disc pl-6">
                {m.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
