// A request's history on its manage page named the supplier's staff whose pledge moved it (the person who pledged,
// or who withdrew the pledge): personal data of another organisation, which the pledge's own page already shows
// by the supplier's name (marketplace-s20-pledge-history-names). The manage page now does the same: the requestor's
// own people and the council's officers by name, a supplier's people by their organisation.
import { beforeAll, describe, expect, it } from "vitest";
import { loader as manageLoader } from "~/routes/requests.$id.manage.tsx";
import { action as pledgeDetailAction } from "~/routes/pledges.$id.tsx";
import { action as pledgeAction } from "~/routes/requests.$id.pledge.tsx";
import { createMember, createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { callAction, callLoader } from "../helpers/routes.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
const inDays = (days: number) => new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);

beforeAll(async () => {
  world = await createWorld();
});

type Page = { need: { events: { toStatus: string; reason: string | null; who?: string | null }[] } };

describe("the history on a request's manage page", () => {
  it("shows a supplier's changes under the supplier's name, not the name of the person who made them", async () => {
    const pledger = await createMember(world.supplier.id, "MEMBER", { name: "Priya Pledger" });
    const withdrawer = await createMember(world.supplier.id, "MEMBER", { name: "Wes Withdrawer" });
    const requestor = await createMember(world.vcse.id, "MEMBER", { name: "Rita Requestor" });
    const requestorCookie = await sessionCookieFor(requestor.id);
    const need = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      quantity: 10,
    });
    const pledged = await callAction(pledgeAction, {
      path: "/",
      params: { id: need.id },
      cookie: await sessionCookieFor(pledger.id),
      form: { submissionKey: `history-names-${need.id}`, quantity: "4", expectedDeliveryDate: inDays(7) },
    });
    expect(pledged.status).toBe(302);
    const pledgeId = pledged.headers.get("location")!.split("/")[2];
    const withdrawn = await callAction(pledgeDetailAction, {
      path: "/",
      params: { id: pledgeId },
      cookie: await sessionCookieFor(withdrawer.id),
      form: { intent: "withdraw" },
    });
    expect(withdrawn.status).toBe(302);

    const response = await callLoader(manageLoader, {
      path: "/",
      params: { id: need.id },
      cookie: requestorCookie,
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain("Priya Pledger");
    expect(text).not.toContain("Wes Withdrawer");
    const { need: page } = JSON.parse(text) as Page;
    expect(page.events.slice(-2).map((e) => [e.toStatus, e.who])).toEqual([
      ["PARTIALLY_PLEDGED", world.supplier.name],
      ["OPEN", world.supplier.name],
    ]);

    const html = await (await renderPage(`/requests/${need.id}/manage`, requestorCookie)).text();
    expect(html).not.toContain("Priya Pledger");
    expect(readableText(html)).toContain(world.supplier.name);
  });

  it("still names the requestor's own people and the council's officers", async () => {
    const requestor = await createMember(world.vcse.id, "MEMBER", { name: "Rosa Requestor" });
    const cookie = await sessionCookieFor(requestor.id);
    const need = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      status: "SUBMITTED",
    });
    const { changeRequest } = await import("~/domain/marketplace/requests.server.ts");
    const approved = await changeRequest({
      requestId: need.id,
      action: "approve",
      roles: ["OFFICER"],
      actor: { userId: world.users.officerA.id },
    });
    expect(approved.ok).toBe(true);
    const extended = await changeRequest({
      requestId: need.id,
      action: "extend",
      roles: ["REQUESTOR"],
      actor: { userId: requestor.id },
      neededBy: inDays(90),
    });
    expect(extended.ok).toBe(true);
    const response = await callLoader(manageLoader, { path: "/", params: { id: need.id }, cookie });
    const { need: page } = (await response.json()) as Page;
    expect(page.events.slice(-2).map((e) => [e.toStatus, e.who])).toEqual([
      ["OPEN", world.users.officerA.name],
      ["OPEN", "Rosa Requestor"],
    ]);
  });
});
