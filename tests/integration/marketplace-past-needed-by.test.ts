// An open or partly pledged request whose needed-by date (London day) has passed takes no pledges, though it
// stays open until the nightly expiry run. The public list, the home page, matching and the request page agree
// with the pledge action: it is left out of the lists, and its page says it is closed to new pledges instead of
// offering the button. A request needed by today is still listed and still takes pledges.
import { beforeAll, describe, expect, it } from "vitest";
import { londonDay } from "~/domain/calendar.ts";
import { db } from "~/db.server.ts";
import type { RequestStatus } from "~/generated/prisma/enums.ts";
import { loader as homeLoader } from "~/routes/_index.tsx";
import { loader as matchingLoader } from "~/routes/matching.tsx";
import { action as pledgeAction, loader as pledgeLoader } from "~/routes/requests.$id.pledge.tsx";
import { loader as requestLoader } from "~/routes/requests.$id._index.tsx";
import { loader as listLoader } from "~/routes/requests._index.tsx";
import {
  createCommitment,
  createContract,
  createMeasure,
  createRequest,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
const cookies: Record<string, string> = {};
const DAY = 86_400_000;
const word = `qz${Date.now().toString(36).replace(/[0-9]/g, "")}`;

beforeAll(async () => {
  world = await createWorld();
  for (const [name, user] of Object.entries(world.users)) cookies[name] = await sessionCookieFor(user.id);
  const measure = await createMeasure({
    councilId: world.councilA.id,
    contributingHelpTypes: ["VOLUNTEERING"],
  });
  const contract = await createContract({
    councilId: world.councilA.id,
    supplierOrganisationId: world.supplier.id,
  });
  await createCommitment({ contractId: contract.id, measureId: measure.id, targetQuantity: 500 });
});

const today = () => londonDay(new Date());

function needed(neededBy: Date, status: RequestStatus, title: string) {
  return createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    title: `${title} ${word}`,
    status,
    quantity: 10,
    pledgedQuantity: status === "PARTIALLY_PLEDGED" ? 4 : 0,
    neededBy,
  });
}

const pledge = (id: string, key: string) =>
  callAction(pledgeAction, {
    path: `/requests/${id}/pledge`,
    params: { id },
    cookie: cookies.supplierOwner,
    form: {
      submissionKey: `${key}-${id}`,
      quantity: "1",
      expectedDeliveryDate: londonDay(new Date()).toISOString().slice(0, 10),
    },
  });

describe("a request past its needed-by date, before the expiry run closes it", () => {
  it("is left out of the public list, the home page and matching; one needed by today is in them", async () => {
    const pastOpen = await needed(new Date(today().getTime() - DAY), "OPEN", "Past open");
    const pastPartly = await needed(new Date(today().getTime() - DAY), "PARTIALLY_PLEDGED", "Past partly");
    const dueToday = await needed(today(), "OPEN", "Due today");

    const listed = async (query: string) =>
      (
        await jsonOf<{ requests: { id: string }[] }>(
          await callLoader(listLoader, { path: `/requests?${query}` }),
        )
      ).requests.map((r) => r.id);
    for (const query of [
      `q=${word}`,
      `q=${word}&sort=closing`,
      `council=${world.councilA.id}`,
      `council=${world.councilA.id}&sort=closing`,
      "",
    ]) {
      const ids = await listed(query);
      expect(ids, query).toContain(dueToday.id);
      expect(ids, query).not.toContain(pastOpen.id);
      expect(ids, query).not.toContain(pastPartly.id);
    }

    const home = await jsonOf<{ requests: { id: string }[] }>(await callLoader(homeLoader, { path: "/" }));
    expect(home.requests.map((r) => r.id)).not.toContain(pastOpen.id);

    const matching = await jsonOf<{ matches: { request: { id: string } }[] }>(
      await callLoader(matchingLoader, { path: "/matching", cookie: cookies.supplierOwner }),
    );
    const matched = matching.matches.map((m) => m.request.id);
    expect(matched).toContain(dueToday.id);
    expect(matched).not.toContain(pastOpen.id);
    expect(matched).not.toContain(pastPartly.id);
  });

  it("says on its page that it is closed to new pledges, with no button, and the pledge is refused", async () => {
    const past = await needed(new Date(today().getTime() - DAY), "PARTIALLY_PLEDGED", "Past page");
    const data = await jsonOf<{ canPledge: boolean; takingPledges: boolean }>(
      await callLoader(requestLoader, {
        path: `/requests/${past.id}`,
        params: { id: past.id },
        cookie: cookies.supplierOwner,
      }),
    );
    expect(data).toMatchObject({ canPledge: false, takingPledges: false });
    for (const cookie of [cookies.supplierOwner, undefined]) {
      const html = await (await renderPage(`/requests/${past.id}`, cookie)).text();
      expect(html).toContain("closed to new pledges");
      expect(html).not.toContain("Pledge to this request");
      expect(html).not.toContain("to pledge.");
    }

    const form = await jsonOf<{ takingPledges: boolean }>(
      await callLoader(pledgeLoader, { path: "/", params: { id: past.id }, cookie: cookies.supplierOwner }),
    );
    expect(form.takingPledges).toBe(false);
    const formHtml = await (await renderPage(`/requests/${past.id}/pledge`, cookies.supplierOwner)).text();
    expect(formHtml).toContain("This request is closed to new pledges.");
    expect(formHtml).not.toContain('name="quantity"');

    const refused = await pledge(past.id, "past");
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain("This request is closed to new pledges.");
    expect(await db.pledge.count({ where: { requestId: past.id } })).toBe(0);
  });

  it("still offers and takes pledges on its needed-by day", async () => {
    const due = await needed(today(), "OPEN", "Due page");
    const data = await jsonOf<{ canPledge: boolean }>(
      await callLoader(requestLoader, {
        path: `/requests/${due.id}`,
        params: { id: due.id },
        cookie: cookies.supplierOwner,
      }),
    );
    expect(data.canPledge).toBe(true);
    const html = await (await renderPage(`/requests/${due.id}`, cookies.supplierOwner)).text();
    expect(html).toContain("Pledge to this request");
    expect((await pledge(due.id, "due")).status).toBe(302);
  });
});
