// An optional answer made only of characters that show nothing (zero-width spaces, direction marks) was kept: the
// request showed a "Who benefits" and a unit with no words, and a pledge a message with none. It is now taken as no
// answer, as a blank one is.
import { beforeAll, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as pledgeAction } from "~/routes/requests.$id.pledge.tsx";
import { action as newRequestAction } from "~/routes/requests.new/route.tsx";
import { createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
const cookies: Record<string, string> = {};
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const SHOWS_NOTHING = "\u200B\u200F\u200B\u0000";

beforeAll(async () => {
  world = await createWorld();
  cookies.vcse = await sessionCookieFor(world.users.vcseOwner.id);
  cookies.supplier = await sessionCookieFor(world.users.supplierOwner.id);
});

it("saves a request's 'who benefits' and unit of only invisible characters as not given", async () => {
  const title = `Minibus fuel ${Math.random()}`;
  const answer = await callAction(newRequestAction, {
    path: "/requests/new",
    cookie: cookies.vcse,
    form: {
      intent: "draft",
      title,
      description: "Fuel for our minibus so isolated older people can join our day trips.",
      councilId: world.councilA.id,
      categoryId: world.category.id,
      helpType: "GOODS",
      quantity: "5",
      unitLabel: SHOWS_NOTHING,
      beneficiaries: SHOWS_NOTHING,
      districtId: world.district.id,
      neededBy: inDays(40),
      submissionKey: `invisible-optional-${Math.random()}`,
    },
  });
  expect(answer.status).toBe(302);
  const saved = await db.request.findFirstOrThrow({
    where: { title },
    select: { unitLabel: true, beneficiaries: true },
  });
  expect(saved).toEqual({ unitLabel: null, beneficiaries: null });
});

it("saves a pledge's message of only invisible characters as no message, and keeps one with words", async () => {
  for (const [message, kept] of [
    [SHOWS_NOTHING, null],
    ["\u200BWe can deliver on Tuesdays ", "\u200BWe can deliver on Tuesdays"],
  ] as const) {
    const need = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      quantity: 10,
    });
    const answer = await callAction(pledgeAction, {
      path: `/requests/${need.id}/pledge`,
      params: { id: need.id },
      cookie: cookies.supplier,
      form: {
        submissionKey: `invisible-message-${Math.random()}`,
        quantity: "2",
        message,
        expectedDeliveryDate: inDays(20),
      },
    });
    expect(answer.status).toBe(302);
    const pledge = await db.pledge.findFirstOrThrow({
      where: { requestId: need.id },
      select: { message: true },
    });
    expect(pledge.message).toBe(kept);
  }
});
