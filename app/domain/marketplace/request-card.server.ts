// The words of the public pages' help types, quantities and cards (the request list and a request's page, the
// home page's newest needs, the impact page and the case studies), and of how much of a request is needed on every
// page that says it (stillNeeded), worked out on the server: help-types.ts brings the pluralize library (6 KB) with
// it, and a route importing it ships both to the browser even when only its loader uses them. The pages' data
// carries the text instead (decision 045; javascript-budget.spec.ts).
import { formatDate, listInWords } from "~/domain/format.ts";
import type { HelpType, RequestStatus } from "~/generated/prisma/enums.ts";
import { formatQuantity, HELP_TYPES, helpTypeLabel } from "./help-types.ts";
import { CLOSED_STATUSES } from "./request-lifecycle.ts";
import type { SearchResult } from "./search.server.ts";

// A request's card on the public list: its title and link, and each line of what it says, as text.
export function requestCard(r: SearchResult["requests"][number]) {
  return {
    id: r.id,
    title: r.title,
    // its lead council and then the others it is also for (decision 050)
    about: [helpTypeLabel(r.helpType), r.category.name, placeOf(r), listInWords(r.councilNames)]
      .filter(Boolean)
      .join(" · "),
    need: stillNeeded(r),
    neededBy: formatDate(r.neededBy),
  };
}

type Quantities = {
  helpType: HelpType;
  unitLabel: string | null;
  quantity: number;
  pledgedQuantity: number;
  // not given: a request that is running (every card on the public list is)
  status?: RequestStatus;
  // a closed request's confirmed deliveries, a delivery confirmed short counting what was delivered (its share of
  // pledgedQuantity; deliveredToClosed): not given, none
  delivered?: number;
};

/** How much of a request is still needed, worded for each state: nothing pledged ("Still needed: 15 laptops, none
 * pledged yet"), part pledged ("Still needed: 5 laptops of the 15 laptops asked for") and all of it pledged ("Fully
 * pledged: 30 hours, none still needed"). "15 laptops of 15 laptops" and "0 hours of 30 hours" read badly. A closed
 * request needs nothing more, so it says what it came to: "Met in full: 15 laptops delivered" (fulfilled), "Pledged
 * before it closed: 5 laptops of the 15 laptops asked for", "Asked for: 15 laptops, none pledged before it closed".
 * Once deliveries were confirmed it says what was delivered, then what is still pledged: "Delivered: 45 tins of
 * food of the 120 tins of food asked for, and 30 tins of food more pledged before it closed". A pledge of 50 confirmed
 * short at 45 holds 45 of pledgedQuantity, so "Pledged before it closed: 45" named neither what was pledged nor
 * that it was delivered.
 * Every list and page that says how much of a request is needed says it so; they show `figure` in bold between
 * `label` and `rest` (app/ui/still-needed.tsx). */
export function stillNeeded(r: Quantities) {
  const amount = (quantity: number) => formatQuantity(r.helpType, quantity, r.unitLabel);
  const left = r.quantity - r.pledgedQuantity;
  if (r.status && CLOSED_STATUSES.includes(r.status)) {
    // fulfilled: every pledge's delivery confirmed, and a delivery confirmed short gave its shortfall back
    if (r.status === "FULFILLED" && left <= 0)
      return { label: "Met in full", figure: amount(r.quantity), rest: " delivered" };
    if (r.pledgedQuantity <= 0)
      return { label: "Asked for", figure: amount(r.quantity), rest: ", none pledged before it closed" };
    const delivered = Math.min(r.delivered ?? 0, r.pledgedQuantity);
    if (delivered > 0) {
      const pledgedOnly = r.pledgedQuantity - delivered;
      return {
        label: "Delivered",
        figure: amount(delivered),
        rest:
          (delivered >= r.quantity ? ", all that was asked for" : ` of the ${amount(r.quantity)} asked for`) +
          (pledgedOnly > 0 ? `, and ${amount(pledgedOnly)} more pledged before it closed` : ""),
      };
    }
    if (left <= 0)
      return {
        label: "Pledged before it closed",
        figure: amount(r.quantity),
        rest: ", all that was asked for",
      };
    return {
      label: "Pledged before it closed",
      figure: amount(r.pledgedQuantity),
      rest: ` of the ${amount(r.quantity)} asked for`,
    };
  }
  if (left <= 0) return { label: "Fully pledged", figure: amount(r.quantity), rest: ", none still needed" };
  if (r.pledgedQuantity <= 0)
    return { label: "Still needed", figure: amount(left), rest: ", none pledged yet" };
  return { label: "Still needed", figure: amount(left), rest: ` of the ${amount(r.quantity)} asked for` };
}

// Where a request is: its district (or, placed by a postcode area no district lists, that area), or remote;
// nothing when it gives no place.
function placeOf(r: { district: { name: string } | null; postcodeArea: string | null; isRemote: boolean }) {
  const place = r.district?.name ?? r.postcodeArea;
  if (place) return r.isRemote ? `${place} or remote` : place;
  return r.isRemote ? "Remote" : null;
}

// The public list's "Type of help" filter: each help type's value and label.
export function helpTypeOptions() {
  return HELP_TYPES.map((h) => ({ value: h.value, label: h.label }));
}

// A request's type of help and quantities on its own page, in its unit ("1 laptop", "3 laptops"): how much is still
// needed, or once closed what it came to (as stillNeeded words it), and each pledge's in the given lists
// (`{ own: [...], council: [...] }`), list by list.
// A pledge confirmed short of what was pledged (6 of 8 hours delivered) has `deliveredShort` ("6 hours"): "8 hours,
// confirmed" said more was delivered than counts. `pledgedText` is the pledge as a supplier's own list of its pledges
// names it, both figures when confirmed short ("8 hours pledged, 6 hours delivered"), else its amount.
export function requestAmounts<
  L extends Record<string, { quantity: number; status?: string; deliveredQuantity?: number | null }[]>,
>(request: Quantities, pledgeLists: L) {
  const amount = (quantity: number) => formatQuantity(request.helpType, quantity, request.unitLabel);
  return {
    helpType: helpTypeLabel(request.helpType),
    need: stillNeeded(request),
    pledges: Object.fromEntries(
      Object.entries(pledgeLists).map(([name, pledges]) => [
        name,
        pledges.map((p) => {
          const deliveredShort =
            p.status === "CONFIRMED" && p.deliveredQuantity != null && p.deliveredQuantity < p.quantity
              ? amount(p.deliveredQuantity)
              : null;
          return {
            ...p,
            amount: amount(p.quantity),
            deliveredShort,
            pledgedText: deliveredShort
              ? `${amount(p.quantity)} pledged, ${deliveredShort} delivered`
              : amount(p.quantity),
          };
        }),
      ]),
    ) as {
      [K in keyof L]: (L[K][number] & {
        amount: string;
        deliveredShort: string | null;
        pledgedText: string;
      })[];
    },
  };
}

// A request's card among the home page's newest needs, as text: its type of help, category and place (its
// district, else "Remote", else its council), what is still needed (as stillNeeded words it), and by when.
export function newestNeedCard(r: {
  id: string;
  title: string;
  helpType: HelpType;
  unitLabel: string | null;
  quantity: number;
  pledgedQuantity: number;
  neededBy: Date;
  isRemote: boolean;
  category: { name: string };
  district: { name: string } | null;
  council: { name: string };
}) {
  return {
    id: r.id,
    title: r.title,
    about: [
      helpTypeLabel(r.helpType),
      r.category.name,
      r.district?.name ?? (r.isRemote ? "Remote" : r.council.name),
    ].join(" · "),
    need: stillNeeded(r),
    neededBy: formatDate(r.neededBy),
  };
}

// A total on the impact page (a council's help of one type, or of one type in a category or district), with its
// type of help and the quantity delivered as text: "Volunteering", "1 hour", "£2,500".
export function impactTotal<T extends { helpType: HelpType; quantity: number }>(total: T) {
  return {
    ...total,
    helpTypeLabel: helpTypeLabel(total.helpType),
    delivered: formatQuantity(total.helpType, total.quantity),
  };
}

// A case study (a fulfilled request its requestor agreed to show) with the help it was given as one line:
// "Volunteering: 12 hours, met 3 October 2026", "Goods: 40 coats". The type comes first, as "40 coats of goods"
// or "3 places of work placements and training" read badly.
export function caseStudy<
  S extends {
    helpType: HelpType;
    quantity: number;
    unitLabel: string | null;
    fulfilledAt: Date | null;
  },
>(story: S) {
  const given = `${helpTypeLabel(story.helpType)}: ${formatQuantity(story.helpType, story.quantity, story.unitLabel)}`;
  return {
    ...story,
    helpGiven: story.fulfilledAt ? `${given}, met ${formatDate(story.fulfilledAt)}` : given,
  };
}
