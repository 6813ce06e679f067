// The pledge page's loader sent the browser more than the page shows: the ids of the council the request is for and
// of the organisations on each side, the dates only the loader checks (needed by, extended) and each history row's
// earlier state. Loader data is public to whoever gets the page, so it now holds only what the page renders, checked
// whole here (toEqual) for each side and for an officer reading it, so nothing can creep back unseen.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { loader as pledgeLoader } from "~/routes/pledges.$id.tsx";
import { createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { createVolunteeringCommitment } from "../helpers/pledge-commitment.ts";
import { createPartlyPledgedRequest } from "../helpers/pledged-request.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

const CONTACT = "Ring Sam on the office line";
const REFERENCE = "S46-CONTRACT-1";

let world: Awaited<ReturnType<typeof createWorld>>;
let need: Awaited<ReturnType<typeof createPartlyPledgedRequest>>["need"];
let pledge: Awaited<ReturnType<typeof createPartlyPledgedRequest>>["pledge"];
let event: { id: string; createdAt: Date };

beforeAll(async () => {
  world = await createWorld();
  const commitment = await createVolunteeringCommitment(world, REFERENCE);
  ({ need, pledge } = await createPartlyPledgedRequest(world, {
    request: { contactPreference: CONTACT },
    pledge: { status: "ACCEPTED", commitmentId: commitment.id, createdById: world.users.supplierOwner.id },
  }));
  event = await db.pledgeEvent.create({
    data: {
      pledgeId: pledge.id,
      fromStatus: "OFFERED",
      toStatus: "ACCEPTED",
      actorUserId: world.users.vcseOwner.id,
    },
    select: { id: true, createdAt: true },
  });
});

async function loaderDataFor(userId: string) {
  const response = await callLoader(pledgeLoader, {
    path: `/pledges/${pledge.id}`,
    params: { id: pledge.id },
    cookie: await sessionCookieFor(userId),
  });
  expect(response.status).toBe(200);
  return jsonOf<Record<string, unknown>>(response);
}

// how to reach the requestor, for the two sides of the accepted pledge
const shared = () => ({ preference: CONTACT, emails: [world.users.vcseOwner.email] });

// what every reader is sent of the pledge, whichever side they are on
function pledgeShown(view: {
  contact: { preference: string; emails: string[]; source?: string } | null;
  counts: boolean;
  acceptedBy: string | null;
}) {
  return {
    id: pledge.id,
    status: "ACCEPTED",
    quantity: 4,
    message: "Happy to help.",
    expectedDeliveryDate: pledge.expectedDeliveryDate?.toISOString() ?? null,
    deliveredQuantity: null,
    deliveredOn: null,
    deliveryNote: null,
    decisionReason: null,
    calledOff: false,
    disputeReason: null,
    rating: null,
    feedback: null,
    supplierOrganisation: { name: world.supplier.name },
    commitment: view.counts
      ? { measure: { name: "Volunteering hours" }, contract: { reference: REFERENCE } }
      : null,
    request: {
      id: need.id,
      title: need.title,
      status: need.status,
      helpType: need.helpType,
      unitLabel: need.unitLabel,
      contact: view.contact,
    },
    events: [
      {
        id: event.id,
        toStatus: "ACCEPTED",
        calledOff: false,
        reason: null,
        createdAt: event.createdAt.toISOString(),
        who: view.acceptedBy,
      },
    ],
  };
}

describe("the pledge page's loader data", () => {
  it.each([
    {
      who: "the group that asked",
      user: () => world.users.vcseMember,
      actingFor: () => world.vcse.id,
      roles: ["REQUESTOR"],
      // who acted is named by person to their own side, by organisation to the other (and to the council)
      // the request names no poster and the group no address: its owner's is the one given (session 55)
      // the group is also told whose address it is (session 56); the supplier is not
      view: () => ({
        contact: { ...shared(), source: "owners" },
        counts: false,
        acceptedBy: world.users.vcseOwner.name,
      }),
    },
    {
      who: "the supplier that pledged",
      user: () => world.users.supplierMember,
      actingFor: () => world.supplier.id,
      roles: ["SUPPLIER"],
      view: () => ({ contact: shared(), counts: true, acceptedBy: world.vcse.name }),
    },
    {
      who: "an officer of the request's council",
      user: () => world.users.officerA,
      actingFor: () => world.councilA.id,
      roles: [],
      view: () => ({ contact: null, counts: true, acceptedBy: world.vcse.name }),
    },
  ])("holds only what the page shows $who", async ({ user, actingFor, roles, view }) => {
    const data = await loaderDataFor(user().id);
    expect(data).toEqual({
      actingFor: actingFor(),
      pledge: pledgeShown(view()),
      roles,
      overseeing: roles.length === 0,
      today: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      tooLateToAccept: null,
      freedForOthers: true,
      // the needed-by date an unanswered offer closes at, for the supplier's "what happens next" (session 54)
      neededBy: (roles as readonly string[]).includes("SUPPLIER")
        ? expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/)
        : null,
      // the reminders sent of a delivery waiting for the group, for the supplier's page only (session 56): none here
      reminders: [],
    });
    // the council's id is only the header's (actingFor), and only for the officer reading it for the council
    const text = JSON.stringify(data.pledge);
    for (const id of [world.councilA.id, world.vcse.id, world.supplier.id]) expect(text).not.toContain(id);
  });
});
