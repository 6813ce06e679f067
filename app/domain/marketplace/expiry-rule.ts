// Which requests close at their needed-by date, as Prisma conditions: one rule for the expiry run, its 7-day
// reminder and the group's "closing soon" list, so what a group is told will close is what the run closes.
import type { Prisma } from "~/generated/prisma/client.ts";
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
