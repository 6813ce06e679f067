// "Your requests" lists the requests of the organisation the person is acting for: the one the header switcher is on
// when it posts requests, else their first that does, as "Post a request" chooses. Someone in two groups and a
// supplier was told which only by the caption over the heading, and "Requests posted by your organisation" did not
// say which. The lead text and the table now name it and the person's other groups, "Post a request" posts for the
// same one, and nothing in the address shows another organisation's requests.
import { beforeAll, describe, expect, it } from "vitest";
import { ORGANISATION_COOKIE } from "~/auth/permissions.server.ts";
import { db } from "~/db.server.ts";
import {
  addMember,
  createMember,
  createOrganisation,
  createRequest,
  createWorld,
  sessionCookieFor,
  unique,
} from "../helpers/factories.ts";
import { formOf, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let first: { id: string; name: string };
let second: { id: string; name: string };
let supplier: { id: string; name: string };
let session: string;
const titles = { first: unique("First group need"), second: unique("Second group need") };
let othersTitle: string;

beforeAll(async () => {
  await renderPage("/");
  world = await createWorld();
  first = await createOrganisation({
    kind: "VCSE",
    councilId: world.councilA.id,
    name: unique("First Group"),
  });
  second = await createOrganisation({
    kind: "VCSE",
    councilId: world.councilA.id,
    name: unique("Second Group"),
  });
  supplier = await createOrganisation({
    kind: "SUPPLIER",
    councilId: world.councilA.id,
    name: unique("Their Supplier"),
  });
  const person = await createMember(first.id, "OWNER");
  // joined in this order: the first group is the one acted for when the switcher names none that posts requests
  const joined = await db.membership.findFirstOrThrow({ where: { userId: person.id } });
  await addMember(second.id, person.id, "MEMBER");
  await addMember(supplier.id, person.id, "MEMBER");
  await db.membership.updateMany({
    where: { userId: person.id, NOT: { id: joined.id } },
    data: { createdAt: new Date(joined.createdAt.getTime() + 60_000) },
  });
  session = await sessionCookieFor(person.id);
  const base = { councilId: world.councilA.id, categoryId: world.category.id };
  await createRequest({ ...base, organisationId: first.id, title: titles.first });
  await createRequest({ ...base, organisationId: second.id, title: titles.second });
  othersTitle = unique("Another group need");
  await createRequest({ ...base, organisationId: world.otherVcse.id, title: othersTitle });
});

const switchedTo = (organisationId: string) => `${session}; ${ORGANISATION_COOKIE}=${organisationId}`;

async function mainText(location: string, cookie: string) {
  const response = await renderPage(location, cookie);
  expect(response.status, location).toBe(200);
  return readableMainText(await response.text());
}

describe("Your requests for someone in two groups and a supplier", () => {
  it("shows the requests of the group the switcher is on, and says which group that is", async () => {
    const text = await mainText("/my-requests", switchedTo(second.id));
    expect(text).toContain(`The requests ${second.name} has posted`);
    expect(text).toContain(`Requests posted by ${second.name} (1)`);
    expect(text).toContain(titles.second);
    expect(text).not.toContain(titles.first);
    // the other group, and where to choose it
    expect(text).toContain(`You also work for ${first.name}`);
    expect(text).toContain("choose the organisation you are working for");
  });

  it("shows the first group's when the switcher is on the supplier, which posts no requests", async () => {
    const text = await mainText("/my-requests", switchedTo(supplier.id));
    expect(text).toContain(`The requests ${first.name} has posted`);
    expect(text).toContain(titles.first);
    expect(text).not.toContain(titles.second);
    expect(text).not.toContain(supplier.name);
  });

  it("posts a request for the organisation the list is of", async () => {
    for (const [cookie, shown] of [
      [switchedTo(second.id), second],
      [switchedTo(supplier.id), first],
      [session, first],
    ] as const) {
      const list = await mainText("/my-requests", cookie);
      expect(list).toContain(`The requests ${shown.name} has posted`);
      const form = await mainText("/requests/new", cookie);
      expect(form).toContain(shown.name);
      expect(form).not.toContain(shown === first ? second.name : first.name);
    }
  });

  it("shows no other organisation's requests, whatever the address says", async () => {
    for (const query of [
      `organisation=${world.otherVcse.id}`,
      `organisationId=${world.otherVcse.id}`,
      `org=${world.otherVcse.id}`,
      `${ORGANISATION_COOKIE}=${world.otherVcse.id}`,
      `organisation=${first.id}`,
    ]) {
      const text = await mainText(`/my-requests?${query}`, switchedTo(second.id));
      expect(text, query).toContain(`The requests ${second.name} has posted`);
      expect(text, query).toContain(titles.second);
      expect(text, query).not.toContain(titles.first);
      expect(text, query).not.toContain(othersTitle);
      expect(text, query).not.toContain(world.otherVcse.name);
    }
    // a council named in the address (as a council dashboard's links name theirs) is listed only for its own
    // members: to a group's member it is not found, as the council's other pages answer (session 46)
    const named = await renderPage(`/my-requests?council=${world.councilA.id}`, switchedTo(second.id));
    expect(named.status).toBe(404);
    expect(await named.text()).not.toContain(othersTitle);
  });

  it("does not act for an organisation the person is not a member of, named in the switcher's cookie", async () => {
    const text = await mainText("/my-requests", switchedTo(world.otherVcse.id));
    expect(text).toContain(`The requests ${first.name} has posted`);
    expect(text).not.toContain(othersTitle);
  });
});

describe("Your requests for someone in one group", () => {
  it("names the group and no other", async () => {
    const text = await mainText("/my-requests", await sessionCookieFor(world.users.vcseOwner.id));
    expect(text).toContain(`The requests ${world.vcse.name} has posted`);
    expect(text).not.toContain("You also work for");
  });
});

// "Post a request" on the list of one group, followed after a switch to the other in another window, posted the
// request for the other: the link names the group it was shown for, and the page and its post act for that one.
describe("Post a request, followed from Your requests", () => {
  it("names the group the list is of, and the page posts for that group whatever the switcher is on", async () => {
    const list = await renderPage("/my-requests", switchedTo(second.id));
    const html = await list.text();
    const href = `/requests/new?organisation=${second.id}`;
    expect(html).toContain(`href="${href}"`);
    // switched to the first group in another window since
    const page = await renderPage(href, switchedTo(first.id));
    expect(page.status).toBe(200);
    const pageHtml = await page.text();
    expect(readableMainText(pageHtml)).toContain(second.name);
    expect(readableMainText(pageHtml)).not.toContain(first.name);
    // the form posts back to the same address, the group named
    expect(pageHtml).toMatch(new RegExp(`<form[^>]*action="${href.replace(/[?]/g, "\\?")}"`));
    const title = unique("Posted for the second group");
    const posted = await postPage(
      href,
      formOf({
        intent: "draft",
        title,
        description: "Twenty refurbished laptops for children without one at home.",
        councilId: world.councilA.id,
        categoryId: world.category.id,
        helpType: "GOODS",
        quantity: "20",
        districtId: world.district.id,
        neededBy: new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10),
        submissionKey: unique("post-for-second"),
      }),
      switchedTo(first.id),
    );
    expect(posted.status).toBe(302);
    const made = await db.request.findFirstOrThrow({ where: { title } });
    expect(made.organisationId).toBe(second.id);
  });

  it("is not found for a group the person is not in, or an organisation of theirs that does not post requests", async () => {
    expect((await renderPage(`/requests/new?organisation=${world.otherVcse.id}`, session)).status).toBe(404);
    expect((await renderPage(`/requests/new?organisation=${supplier.id}`, session)).status).toBe(404);
    expect((await renderPage(`/requests/new?organisation=nonsense`, session)).status).toBe(404);
  });
});
