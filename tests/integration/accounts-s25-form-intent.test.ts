// A form sending none of its page's intents (a hand-made form, or one from a page older than its buttons) was told
// zod's own words: "Invalid discriminator value. Expected 'invite' | 'change-role' | …" on the organisation page,
// "Invalid input: expected \"save\"" on a guidance page, "Invalid option: expected one of \"accept\"|\"query\"" on a
// return's review, and the error summary linked to a field "#intent" no page has. Every page with several forms now
// says the same plain thing, as an error with status 400, not a link.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as categoriesAction } from "~/routes/council.categories.tsx";
import { action as moderationAction } from "~/routes/council.moderation.$id.tsx";
import { createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { formOf, postPage, readableMainText } from "../helpers/render-page.ts";
import { callAction, jsonOf } from "../helpers/routes.ts";

const MESSAGE = "This form was not recognised. Reload the page and try again.";

let world: Awaited<ReturnType<typeof createWorld>>;
let owner: string;
let officer: string;
let admin: string;

beforeAll(async () => {
  world = await createWorld();
  owner = await sessionCookieFor(world.users.vcseOwner.id);
  officer = await sessionCookieFor(world.users.officerA.id);
  admin = await sessionCookieFor(world.users.councilAdmin.id);
});

type Reply = { error?: Record<string, string[] | null> };

describe("the organisation page sent a form with no intent, or one it does not know", () => {
  it.each([
    ["no intent", { email: "colleague@example.test", role: "MEMBER" }],
    ["an unknown intent", { intent: "promote-everyone", email: "colleague@example.test", role: "MEMBER" }],
    ["an empty intent", { intent: "", membershipId: "x" }],
  ])("with %s says so plainly, with status 400, and changes nothing", async (_, fields) => {
    const before = await db.invitation.count({ where: { organisationId: world.vcse.id } });
    const response = await postPage(`/organisations/${world.vcse.id}`, formOf(fields), owner);
    expect(response.status).toBe(400);
    const html = await response.text();
    const text = readableMainText(html);
    expect(text).toContain(`There is a problem ${MESSAGE}`);
    expect(text).not.toMatch(/Invalid|discriminator|Expected/);
    expect(html).not.toContain('href="#intent"');
    expect(await db.invitation.count({ where: { organisationId: world.vcse.id } })).toBe(before);
  });
});

describe("other pages with several forms", () => {
  it("say the same for the council's categories", async () => {
    const response = await callAction(categoriesAction, {
      path: "/council/categories",
      cookie: admin,
      form: { intent: "rename-all", name: "Digital inclusion" },
    });
    expect(response.status).toBe(400);
    expect((await jsonOf<Reply>(response)).error).toEqual({ intent: [MESSAGE] });
  });

  it("say the same for a request's moderation", async () => {
    const request = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      status: "SUBMITTED",
    });
    const response = await callAction(moderationAction, {
      path: `/council/moderation/${request.id}`,
      params: { id: request.id },
      cookie: officer,
      form: {},
    });
    expect(response.status).toBe(400);
    expect((await jsonOf<Reply>(response)).error).toEqual({ intent: [MESSAGE] });
    expect((await db.request.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("SUBMITTED");
  });
});
