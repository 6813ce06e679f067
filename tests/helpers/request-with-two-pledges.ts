// The request page's list of pledges for its council's officers (session 46) and its marking of an officer's own
// supplier's pledges (session 47) are tested on the same records: a request of council A with two pledges, the
// world's supplier's accepted (4 hours) and the other supplier's on offer (3 hours).
import { createPledge, createWorld } from "./factories.ts";
import { createPartlyPledgedRequest } from "./pledged-request.ts";
import { readableMainText } from "./render-page.ts";

export async function requestWithTwoPledges() {
  const world = await createWorld();
  const { need, pledge } = await createPartlyPledgedRequest(world, { pledge: { status: "ACCEPTED" } });
  const other = await createPledge({
    requestId: need.id,
    supplierOrganisationId: world.otherSupplier.id,
    quantity: 3,
  });
  return { world, needId: need.id, pledgeIds: { own: pledge.id, other: other.id } };
}

/** The page's main text as a reader hears it: the readable text puts a space between an element and the next, so a
 * supplier's name and its hidden "’s pledge" are joined again. */
export function pledgesText(html: string) {
  return readableMainText(html).replaceAll(" ’s pledge", "’s pledge");
}
