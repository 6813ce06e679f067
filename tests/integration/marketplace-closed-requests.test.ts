// A link to a request that has closed (from a digest, or shared) says so instead of a bare 404: the request's
// title and how and when it closed, a way to open requests, no personal data and no pledge form. Requests never
// published stay 404 for the public.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import type { RequestStatus } from "~/generated/prisma/enums.ts";
import { loader as publicLoader } from "~/routes/requests.$id._index.tsx";
import { action as pledgeAction, loader as pledgeLoader } from "~/routes/requests.$id.pledge.tsx";
import { createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";

type World = Awaited<ReturnType<typeof createWorld>>;
let world: World;
const cookies: Record<string, string> = {};
const CLOSED_ON = new Date("2030-02-01T10:30:00Z");
const PRIVATE = "Call Priya on 07700 900123";
const DESCRIPTION = "Our lunch club needs volunteers to serve meals on Tuesdays.";

beforeAll(async () => {
  world = await createWorld();
  for (const [name, user] of Object.entries(world.users)) cookies[name] = await sessionCookieFor(user.id);
});

function requestIn(status: RequestStatus, publishedAt?: Date | null) {
  return createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    createdById: world.users.vcseOwner.id,
    description: DESCRIPTION,
    contactPreference: PRIVATE,
    status,
    publishedAt,
  });
}

type ClosedView = {
  closed: { id: string; title: string; status: string; closedOn: string; council: { name: string } };
};

describe("a link to a withdrawn or expired request", () => {
  it("shows the public its title and how and when it closed, with 410 Gone and nothing more", async () => {
    for (const status of ["WITHDRAWN", "EXPIRED"] as const) {
      const need = await requestIn(status);
      await db.request.update({ where: { id: need.id }, data: { closedAt: CLOSED_ON } });
      for (const cookie of [undefined, cookies.otherSupplierOwner, cookies.officerB]) {
        const response = await callLoader(publicLoader, { path: "/", params: { id: need.id }, cookie });
        expect({ status, code: response.status }).toEqual({ status, code: 410 });
        const body = await response.text();
        expect(JSON.parse(body)).toEqual({
          closed: {
            id: need.id,
            title: need.title,
            status,
            closedOn: CLOSED_ON.toISOString(),
            council: { name: world.councilA.name },
          },
        } satisfies ClosedView);
        for (const secret of [PRIVATE, DESCRIPTION, world.vcse.name, world.users.vcseOwner.email])
          expect(body).not.toContain(secret);
      }
    }
  });

  it("dates it by the event that closed it when closedAt is not kept", async () => {
    const need = await requestIn("WITHDRAWN");
    await db.requestEvent.createMany({
      data: [
        { requestId: need.id, fromStatus: "SUBMITTED", toStatus: "OPEN", createdAt: new Date("2030-01-01") },
        { requestId: need.id, fromStatus: "OPEN", toStatus: "WITHDRAWN", createdAt: CLOSED_ON },
      ],
    });
    const page = await jsonOf<ClosedView>(
      await callLoader(publicLoader, { path: "/", params: { id: need.id } }),
    );
    expect(page.closed.closedOn).toBe(CLOSED_ON.toISOString());
  });

  it("shows a supplier following a 'pledge' link the same page, without the form; a pledge is still refused", async () => {
    const need = await requestIn("EXPIRED");
    const response = await callLoader(pledgeLoader, {
      path: "/",
      params: { id: need.id },
      cookie: cookies.supplierOwner,
    });
    expect(response.status).toBe(410);
    const page = await jsonOf<Record<string, unknown>>(response);
    expect(Object.keys(page)).toEqual(["closed"]);
    expect(page).toMatchObject({ closed: { title: need.title, status: "EXPIRED" } });

    const refused = await callAction(pledgeAction, {
      path: "/",
      params: { id: need.id },
      cookie: cookies.supplierOwner,
      form: {
        submissionKey: `closed-${need.id}`,
        quantity: "1",
        expectedDeliveryDate: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
      },
    });
    expect(refused.status).toBe(400);
    expect(await db.pledge.count({ where: { requestId: need.id } })).toBe(0);
  });
});

describe("a fulfilled request", () => {
  it("stays public, saying when it was fulfilled, with no way to pledge", async () => {
    const need = await requestIn("FULFILLED");
    await db.request.update({
      where: { id: need.id },
      data: { closedAt: CLOSED_ON, fulfilledAt: CLOSED_ON },
    });
    const response = await callLoader(publicLoader, {
      path: "/",
      params: { id: need.id },
      cookie: cookies.supplierOwner,
    });
    expect(response.status).toBe(200);
    const page = await jsonOf<{
      request: { title: string; status: string };
      closedOn: string;
      canPledge: boolean;
    }>(response);
    expect(page).toMatchObject({
      request: { title: need.title, status: "FULFILLED" },
      closedOn: CLOSED_ON.toISOString(),
      canPledge: false,
    });
    const pledgePage = await callLoader(pledgeLoader, {
      path: "/",
      params: { id: need.id },
      cookie: cookies.supplierOwner,
    });
    expect(pledgePage.status).toBe(410);
  });
});

describe("a request never published", () => {
  it("is not found by the public or by suppliers, whatever its status", async () => {
    const unpublished = [
      await requestIn("DRAFT"),
      await requestIn("SUBMITTED"),
      await requestIn("CHANGES_REQUESTED"),
      // withdrawn while still a draft
      await requestIn("WITHDRAWN", null),
    ];
    for (const need of unpublished) {
      for (const cookie of [undefined, cookies.supplierOwner])
        expect({
          status: need.status,
          code: (await callLoader(publicLoader, { path: "/", params: { id: need.id }, cookie })).status,
        }).toEqual({ status: need.status, code: 404 });
      expect(
        (
          await callLoader(pledgeLoader, {
            path: "/",
            params: { id: need.id },
            cookie: cookies.supplierOwner,
          })
        ).status,
      ).toBe(404);
    }
  });
});
