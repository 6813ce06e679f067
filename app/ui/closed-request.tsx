// What a link to a closed marketplace request shows: that it is closed, how and when, and where to find open ones.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { RequestStatus } from "~/generated/prisma/enums.ts";
import { statusLabel } from "~/domain/marketplace/request-lifecycle.ts";
import { PageHeading, Tag } from "~/ui/components.tsx";
import { formatDate } from "~/ui/format.ts";

/** How a request closed, after "it" or "the request": "expired", "was withdrawn", "was fulfilled". */
export function howItClosed(status: RequestStatus) {
  return status === "EXPIRED" ? "expired" : `was ${statusLabel(status)}`;
}

export function ClosedRequestNotice({
  status,
  closedOn,
  pledgesUnderWay = 0,
}: {
  status: RequestStatus;
  closedOn: string | Date | null;
  // accepted but not yet confirmed: that work goes on after the request closes
  pledgesUnderWay?: number;
}) {
  return (
    <div className="mb-8 border-l-8 border-line bg-gray-100 p-4">
      <p className="mb-2 text-xl font-bold">
        This request is closed: it {howItClosed(status)}
        {closedOn ? ` on ${formatDate(closedOn)}` : ""}.
      </p>
      <p>
        It is no longer taking pledges.{" "}
        {pledgesUnderWay > 0 ? (
          <>
            {pledgesUnderWay === 1
              ? "The pledge accepted before it closed can still be delivered and confirmed. "
              : `The ${pledgesUnderWay} pledges accepted before it closed can still be delivered and confirmed. `}
          </>
        ) : null}
        <Link to="/requests">Browse open requests</Link>
      </p>
    </div>
  );
}

// The whole page for someone who may not see the request itself any more: its title and the notice only.
// Answering a form sent to the request (a pledge) that closed meanwhile: `refused` says it was not sent, above the
// notice, and `children` (what was written, so it is not lost) follow the notice.
export function ClosedRequestPage({
  request,
  refused,
  children,
}: {
  request: {
    title: string;
    status: RequestStatus;
    closedOn: string | Date | null;
    council: { name: string };
  };
  refused?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <>
      <PageHeading caption={request.council.name}>{request.title}</PageHeading>
      <p className="mb-6">
        <Tag colour="grey">{statusLabel(request.status)}</Tag>
      </p>
      {refused}
      <ClosedRequestNotice status={request.status} closedOn={request.closedOn} />
      {children}
    </>
  );
}
