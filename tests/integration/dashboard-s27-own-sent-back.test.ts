// A request the council sent back for changes waits on the group alone: nothing happens to it until they change it
// and send it again. The group's dashboard said under "Needs your action" that nothing did (no pledges to answer,
// no deliveries to confirm), the request only a row among "Recently updated requests". It is now listed there,
// linked to where the changes are made, for as long as it is sent back, and only to the group that posted it.
import { beforeAll, describe, expect, it } from "vitest";
import { action as moderationAction } from "~/routes/council.moderation.$id.tsx";
import { action as editAction } from "~/routes/requests.$id.edit.tsx";
import { addMember, createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";
import { callAction } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let cookies: { vcseOwner: string; officerA: string };

beforeAll(async () => {
  world = await createWorld();
  cookies = {
    vcseOwner: await sessionCookieFor(world.users.vcseOwner.id),
    officerA: await sessionCookieFor(world.users.officerA.id),
  };
});

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function dashboard(cookie: string) {
  const response = await renderPage("/dashboard", cookie);
  expect(response.status).toBe(200);
  const html = await response.text();
  const main = html.slice(html.indexOf("<main"), html.indexOf("</main>"));
  const action = main.slice(main.indexOf('id="action"'), main.indexOf('id="requests"'));
  return { html: main, action };
}

describe("a request the council sent back for changes, on the group's dashboard", () => {
  it("needs the group's action until they change it and send it again", async () => {
    const need = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      createdById: world.users.vcseOwner.id,
      status: "SUBMITTED",
      title: "Laptops for the homework club",
    });
    expect((await dashboard(cookies.vcseOwner)).action).not.toContain("sent back");

    const sentBack = await callAction(moderationAction, {
      path: `/council/moderation/${need.id}`,
      params: { id: need.id },
      cookie: cookies.officerA,
      form: { intent: "requestChanges", comment: "Please say how many children benefit" },
    });
    expect(sentBack.status).toBe(302);

    const waiting = await dashboard(cookies.vcseOwner);
    expect(readableText(waiting.action)).toContain("1 request the council sent back for changes");
    expect(waiting.action).toContain(`href="/requests/${need.id}/edit"`);

    const resent = await callAction(editAction, {
      path: `/requests/${need.id}/edit`,
      params: { id: need.id },
      cookie: cookies.vcseOwner,
      form: {
        intent: "submit",
        title: "Laptops for the homework club",
        description: "Refurbished laptops for the 12 children of the homework club.",
        councilId: world.councilA.id,
        categoryId: world.category.id,
        helpType: "GOODS",
        quantity: "6",
        unitLabel: "laptops",
        districtId: world.district.id,
        neededBy: inDays(45),
      },
    });
    expect(resent.status).toBe(302);
    const done = await dashboard(cookies.vcseOwner);
    expect(done.action).not.toContain("sent back");
    expect(done.action).not.toContain(`/requests/${need.id}/edit`);
  });

  it("is shown only for the organisation being acted for, counting every one sent back", async () => {
    const person = world.users.otherVcseOwner;
    await addMember(world.vcse.id, person.id, "MEMBER");
    const titles = Array.from({ length: 12 }, (_, i) => `Sent back ${i + 1}`);
    for (const title of titles)
      await createRequest({
        councilId: world.councilA.id,
        organisationId: world.otherVcse.id,
        categoryId: world.category.id,
        status: "CHANGES_REQUESTED",
        title,
      });
    const cookie = await sessionCookieFor(person.id);
    const own = await dashboard(`${cookie}; svm_org=${world.otherVcse.id}`);
    expect(readableText(own.action)).toContain("12 requests the council sent back for changes");
    expect(own.action.match(/\/requests\/[^/"]+\/edit/g)).toHaveLength(10);
    expect(own.action).toContain('href="/my-requests">See all your requests');
    const other = await dashboard(`${cookie}; svm_org=${world.vcse.id}`);
    expect(other.action).not.toContain("sent back");
  });
});
