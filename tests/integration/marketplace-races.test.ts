// Two people acting on the same request at the same moment: each change waits for the other, so the outcome is
// always one a single person could have produced. Every case runs the two actions concurrently over HTTP-shaped
// route calls, several times, because a race that is lost once in a while is still a bug.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as pledgeDetailAction } from "~/routes/pledges.$id.tsx";
import { action as manageAction } from "~/routes/requests.$id.manage.tsx";
import { createPledge, createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { createPartlyPledgedRequest } from "../helpers/pledged-request.ts";
import { callAction } from "../helpers/routes.ts";

type World = Awaited<ReturnType<typeof createWorld>>;
let world: World;
const cookies: Record<string, string> = {};
const ROUNDS = 5;
const inDays = (days: number) => new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);

beforeAll(async () => {
  world = await createWorld();
  for (const [name, user] of Object.entries(world.users)) cookies[name] = await sessionCookieFor(user.id);
});

const onPledge = (pledgeId: string, cookie: string, form: Record<string, string>) =>
  callAction(pledgeDetailAction, { path: "/", params: { id: pledgeId }, cookie, form });
const onRequest = (requestId: string, form: Record<string, string>) =>
  callAction(manageAction, { path: "/", params: { id: requestId }, cookie: cookies.vcseOwner, form });

function fullyPledged(quantity = 10) {
  return createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    quantity,
    pledgedQuantity: quantity,
    status: "FULLY_PLEDGED",
  });
}

describe("simultaneous changes to one request", () => {
  it("fulfils the request when its last two deliveries are confirmed at the same moment", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const need = await fullyPledged();
      const [first, second] = await Promise.all(
        [world.supplier, world.otherSupplier].map((s) =>
          createPledge({
            requestId: need.id,
            supplierOrganisationId: s.id,
            quantity: 5,
            status: "DELIVERED",
          }),
        ),
      );
      const answers = await Promise.all([
        onPledge(first.id, cookies.vcseOwner, { intent: "confirm" }),
        onPledge(second.id, cookies.vcseMember, { intent: "confirm" }),
      ]);
      expect(answers.map((a) => a.status)).toEqual([302, 302]);
      expect(await db.request.findUniqueOrThrow({ where: { id: need.id } })).toMatchObject({
        status: "FULFILLED",
      });
      expect(await db.requestEvent.count({ where: { requestId: need.id, toStatus: "FULFILLED" } })).toBe(1);
    }
  });

  it("never leaves an accepted pledge on a withdrawn request", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { need, pledge } = await createPartlyPledgedRequest(world);
      const [accepted, withdrawn] = await Promise.all([
        onPledge(pledge.id, cookies.vcseMember, { intent: "accept" }),
        onRequest(need.id, { intent: "withdraw", reason: "Found help elsewhere" }),
      ]);
      // exactly one of the two wins, and the records agree with whichever it was
      expect([accepted.status, withdrawn.status].sort()).toEqual([302, 400]);
      const request = await db.request.findUniqueOrThrow({ where: { id: need.id } });
      const after = await db.pledge.findUniqueOrThrow({ where: { id: pledge.id } });
      if (accepted.status === 302) {
        expect(request.status).toBe("PARTIALLY_PLEDGED");
        expect(after.status).toBe("ACCEPTED");
      } else {
        expect(request.status).toBe("WITHDRAWN");
        expect(after.status).toBe("DECLINED");
      }
    }
  });

  it("extends a request once even when the extension is sent twice at the same moment", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const need = await createRequest({
        councilId: world.councilA.id,
        organisationId: world.vcse.id,
        categoryId: world.category.id,
      });
      const answers = await Promise.all([
        onRequest(need.id, { intent: "extend", neededBy: inDays(80) }),
        onRequest(need.id, { intent: "extend", neededBy: inDays(120) }),
      ]);
      expect(answers.map((a) => a.status).sort()).toEqual([302, 400]);
      const won = answers[0].status === 302 ? inDays(80) : inDays(120);
      const request = await db.request.findUniqueOrThrow({ where: { id: need.id } });
      expect(request.neededBy.toISOString().slice(0, 10)).toBe(won);
      expect(
        await db.requestEvent.count({ where: { requestId: need.id, reason: { startsWith: "Extended" } } }),
      ).toBe(1);
    }
  });
});
