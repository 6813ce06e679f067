// The marketplace's forms posted as their pages send them (without JavaScript), for tests of what each answers.
import { londonToday, ukDate } from "./london-days.ts";
import { formOf, postPage } from "./render-page.ts";
import { requestForm } from "./request-form.ts";

/** The new-request form (requestForm's draft, with `overrides` on top) posted by `cookie`. */
export const postNewRequest = (
  world: Parameters<typeof requestForm>[0],
  cookie: string,
  overrides: Record<string, string>,
) => postPage("/requests/new", formOf(requestForm(world, overrides)), cookie);

/** "Pledge" on a request's pledge page. */
export const postPledge = (
  cookie: string,
  requestId: string,
  fields: { submissionKey: string; quantity: string; expectedDeliveryDate: string },
) => postPage(`/requests/${requestId}/pledge`, formOf(fields), cookie);

/** "Report delivery" on an accepted pledge's page, delivered today unless `deliveredOn` gives another day. */
export const postDeliveryReport = (
  cookie: string,
  pledgeId: string,
  {
    deliveredOn = ukDate(londonToday()),
    ...fields
  }: { deliveredQuantity: string; deliveredOn?: string; deliveryNote: string },
) => postPage(`/pledges/${pledgeId}`, formOf({ intent: "reportDelivery", deliveredOn, ...fields }), cookie);
