// A pledge's history told the supplier the names of the requestor's staff who accepted, declined or confirmed it
// (and the requestor the names of the supplier's staff): personal data of another organisation. Each side sees
// its own people's names and the other side's organisation; the names are not in the page's data at all.
import { beforeAll, describe, expect, it } from "vitest";
import { loader as pledgeDetailLoader, action as pledgeDetailAction } from "~/routes/pledges.$id.tsx";
import { action as pledgeAction } from "~/routes/requests.$id.pledge.tsx";
import { createMember, createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { callAction, callLoader } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
const inDays = (days: number) => new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);

beforeAll(async () => {
  world = await createWorld();
});

type Page = { pledge: { events: { toStatus: string; who: string | null }[] } };

describe("the history on a pledge's page", () => {
  it("names each side's own people to it, and the other side by its organisation", async () => {
    const pledger = await createMember(world.supplier.id, "MEMBER", { name: "Priya Pledger" });
    const accepter = await createMember(world.vcse.id, "MEMBER", { name: "Alex Accepter" });
    const supplierCookie = await sessionCookieFor(pledger.id);
    const vcseCookie = await sessionCookieFor(accepter.id);
    const need = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      quantity: 10,
    });
    const pledged = await callAction(pledgeAction, {
      path: "/",
      params: { id: need.id },
      cookie: supplierCookie,
      form: { submissionKey: `names-${need.id}`, quantity: "4", expectedDeliveryDate: inDays(7) },
    });
    expect(pledged.status).toBe(302);
    const id = pledged.headers.get("location")!.split("/")[2];
    const accepted = await callAction(pledgeDetailAction, {
      path: "/",
      params: { id },
      cookie: vcseCookie,
      form: { intent: "accept" },
    });
    expect(accepted.status).toBe(302);

    const pageFor = async (cookie: string) => {
      const response = await callLoader(pledgeDetailLoader, { path: "/", params: { id }, cookie });
      expect(response.status).toBe(200);
      const text = await response.text();
      return { text, page: JSON.parse(text) as Page };
    };
    const supplierView = await pageFor(supplierCookie);
    expect(supplierView.page.pledge.events.map((e) => [e.toStatus, e.who])).toEqual([
      ["OFFERED", "Priya Pledger"],
      ["ACCEPTED", world.vcse.name],
    ]);
    expect(supplierView.text).not.toContain("Alex Accepter");

    const requestorView = await pageFor(vcseCookie);
    expect(requestorView.page.pledge.events.map((e) => [e.toStatus, e.who])).toEqual([
      ["OFFERED", world.supplier.name],
      ["ACCEPTED", "Alex Accepter"],
    ]);
    expect(requestorView.text).not.toContain("Priya Pledger");
  });
});
