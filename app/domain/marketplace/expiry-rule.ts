// Which requests close at their needed-by date: one rule for the expiry run, its 7-day reminder and the group's
// "closing soon" list, so what a group is told will close is what the run closes. The run and the reminder read it
// as Prisma conditions, the dashboard as SQL (closesAtNeededBySql); a test holds the two forms to the same answer.
import { Prisma } from "~/generated/prisma/client.ts";
import type { PledgeStatus } from "~/generated/prisma/enums.ts";
import { UNDER_WAY_STATUSES } from "./pledge-lifecycle.ts";
import { statusesAllowing, statusesAllowingOnlyBeforeWork } from "./request-lifecycle.ts";

// A request the state machine keeps from expiring while a pledge's work is under way (fully pledged, a pledge
// accepted, delivered, disputed or confirmed).
export function workUnderWay(): Prisma.RequestWhereInput {
  return {
    status: { in: statusesAllowingOnlyBeforeWork("expire") },
    pledges: { some: { status: { in: UNDER_WAY_STATUSES } } },
  };
}

// The requests the state machine lets expire: live ones, but a fully pledged one only while no pledge's work is
// under way (only offers nobody answered).
export function expirable(): Prisma.RequestWhereInput {
  return { status: { in: statusesAllowing("expire") }, NOT: workUnderWay() };
}

// A fully pledged request with work under way does not expire (the state machine), but an offer on it nobody
// answered by the needed-by date is never going to be: it held its share, and the supplier heard nothing, for
// ever. Those offers are declined as an expiring request's are (the supplier told), and their share goes back:
// the request is then partly pledged, and the same run expires it while the accepted work goes on.
export function offersBesideWork(): Prisma.RequestWhereInput {
  return { AND: [workUnderWay(), { pledges: { some: { status: "OFFERED" } } }] };
}

// What the expiry run closes once the needed-by date passes: requests that expire, and those whose waiting offers
// it declines (and then expires). The reminder and the group's dashboard speak of these.
export function closesAtNeededBy(): Prisma.RequestWhereInput {
  return { OR: [expirable(), offersBesideWork()] };
}

// The same rule as SQL, for the group's dashboard, which reads its landing page in raw SQL (decision 010): Prisma
// compiled the conditions above on every view, and their OR of status lists led PostgreSQL to read every request
// in the table due by the date, whoever posted it (decision 012, addendum). Built from the same status lists, in
// the same two cases: a request whose status expires only before work, with work under way, closes if an offer
// waits beside it (offersBesideWork); any other closes if its status lets it expire (expirable). `alias` is what
// the query calls its "Request" row. Both forms pick the same requests for every request status and every mix of
// pledge statuses (tests/integration/expiry-rule-sql.test.ts).
export function closesAtNeededBySql(alias: string): Prisma.Sql {
  if (!/^[a-z_]+$/.test(alias) || alias === "rule_pledge") throw new Error(`not a table alias: ${alias}`);
  const request = Prisma.raw(alias);
  const hasPledge = (statuses: PledgeStatus[]) =>
    Prisma.sql`EXISTS (SELECT 1 FROM "Pledge" rule_pledge
      WHERE rule_pledge."requestId" = ${request}.id AND rule_pledge.status = ANY(${statuses}::"PledgeStatus"[]))`;
  return Prisma.sql`(CASE
    WHEN ${request}.status = ANY(${statusesAllowingOnlyBeforeWork("expire")}::"RequestStatus"[])
      AND ${hasPledge(UNDER_WAY_STATUSES)}
    THEN ${hasPledge(["OFFERED"])}
    ELSE ${request}.status = ANY(${statusesAllowing("expire")}::"RequestStatus"[])
  END)`;
}
