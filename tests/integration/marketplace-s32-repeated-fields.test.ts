// A marketplace or council form posted with a field repeated (name=a&name=b), as a hostile or broken client sends
// it. Conform read the field as a list: the page came back with the list as the field's value ("a,b", React warning
// that a value must not be an array) and an "Enter …" message for a field that had been answered. Each form now
// keeps the first answer in the field and says on it that different answers were sent, and writes nothing; the same
// answer twice goes through.
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { SENT_TWICE } from "~/server/parse-form.server.ts";
import {
  createOrganisation,
  createPledge,
  createRequest,
  createWorld,
  sessionCookieFor,
  unique,
} from "../helpers/factories.ts";
import { createPartlyPledgedRequest } from "../helpers/pledged-request.ts";
import { postPage, readableMainText, renderPage } from "../helpers/render-page.ts";
import {
  changesAskedFor,
  errorOn,
  sent,
  shownIn,
  twice,
  watchConsoleErrors,
  type Pairs,
} from "../helpers/sent-twice.ts";

type World = Awaited<ReturnType<typeof createWorld>>;
let world: World;
beforeAll(async () => {
  await renderPage("/");
  world = await createWorld();
});

const consoleErrors = watchConsoleErrors();

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A request of the world's charity to council A, in its category. */
const requestOf = (w: World, data: Partial<Parameters<typeof createRequest>[0]> = {}) =>
  createRequest({ councilId: w.councilA.id, organisationId: w.vcse.id, categoryId: w.category.id, ...data });

/** A request's form as its page sends it, saved as a draft: 12 volunteers in the world's district, in 60 days. */
const draftRequestFields = (w: World, need: { title: string; description: string }): Pairs => [
  ["intent", "draft"],
  ["title", need.title],
  ["description", need.description],
  ["councilId", w.councilA.id],
  ["categoryId", w.category.id],
  ["helpType", "VOLUNTEERING"],
  ["quantity", "12"],
  ["districtId", w.district.id],
  ["neededBy", inDays(60)],
];

// One form: where it is posted, by whom, its answers, and whether what it asks has been done.
type Posted = {
  path: string;
  cookie: string;
  fields: Pairs;
  done: () => Promise<boolean>;
};

type Case = {
  form: string;
  field: string;
  first: string;
  second: string;
  setUp: (w: World) => Promise<Posted>;
};

const CASES: Case[] = [
  {
    form: "posting a new request",
    field: "title",
    first: "Volunteers for the food bank",
    second: "Drivers for the food bank",
    setUp: async (w) => {
      const description = unique("Help sorting donations on Saturday mornings");
      return {
        path: "/requests/new",
        cookie: await sessionCookieFor(w.users.vcseOwner.id),
        fields: [
          ["submissionKey", crypto.randomUUID()],
          ...draftRequestFields(w, { title: "Volunteers for the food bank", description }),
        ],
        done: async () => (await db.request.count({ where: { description } })) > 0,
      };
    },
  },
  {
    form: "editing a request",
    field: "quantity",
    first: "12",
    second: "13",
    setUp: async (w) => {
      const need = await requestOf(w, { status: "DRAFT", quantity: 20 });
      return {
        path: `/requests/${need.id}/edit`,
        cookie: await sessionCookieFor(w.users.vcseOwner.id),
        fields: draftRequestFields(w, need),
        done: async () => (await db.request.findUniqueOrThrow({ where: { id: need.id } })).quantity !== 20,
      };
    },
  },
  {
    form: "withdrawing a request",
    field: "reason",
    first: "We found volunteers elsewhere.",
    second: "The hall has closed.",
    setUp: async (w) => {
      const need = await requestOf(w);
      return {
        path: `/requests/${need.id}/manage`,
        cookie: await sessionCookieFor(w.users.vcseOwner.id),
        fields: [
          ["intent", "withdraw"],
          ["reason", "We found volunteers elsewhere."],
        ],
        done: async () =>
          (await db.request.findUniqueOrThrow({ where: { id: need.id } })).status === "WITHDRAWN",
      };
    },
  },
  {
    form: "pledging",
    field: "quantity",
    first: "3",
    second: "4",
    setUp: async (w) => {
      const need = await requestOf(w, { quantity: 10 });
      return {
        path: `/requests/${need.id}/pledge`,
        cookie: await sessionCookieFor(w.users.supplierOwner.id),
        fields: [
          ["submissionKey", crypto.randomUUID()],
          ["quantity", "3"],
          ["message", "Our team can help."],
          ["expectedDeliveryDate", inDays(14)],
        ],
        done: async () => (await db.pledge.count({ where: { requestId: need.id } })) > 0,
      };
    },
  },
  {
    form: "declining a pledge",
    field: "reason",
    first: "We have found enough volunteers.",
    second: "The date has moved.",
    setUp: async (w) => {
      const { pledge } = await createPartlyPledgedRequest(w);
      return {
        path: `/pledges/${pledge.id}`,
        cookie: await sessionCookieFor(w.users.vcseOwner.id),
        fields: [
          ["intent", "decline"],
          ["reason", "We have found enough volunteers."],
        ],
        done: async () =>
          (await db.pledge.findUniqueOrThrow({ where: { id: pledge.id } })).status === "DECLINED",
      };
    },
  },
  {
    form: "asking for changes to a request",
    field: "comment",
    first: "Please say which days volunteers are needed.",
    second: "Please give a later date.",
    setUp: async (w) => {
      const { need, ...posted } = await changesAskedFor(w);
      return {
        ...posted,
        done: async () =>
          (await db.request.findUniqueOrThrow({ where: { id: need.id } })).status === "CHANGES_REQUESTED",
      };
    },
  },
  {
    form: "adding a category",
    field: "name",
    first: "Digital inclusion",
    second: "Food poverty",
    setUp: async (w) => ({
      path: "/council/categories",
      cookie: await sessionCookieFor(w.users.officerA.id),
      fields: [
        ["intent", "add"],
        ["name", "Digital inclusion"],
      ],
      done: async () =>
        (await db.category.count({
          where: { councilId: w.councilA.id, name: { in: ["Digital inclusion", "Food poverty"] } },
        })) > 0,
    }),
  },
  {
    form: "adding a district",
    field: "postcodeAreas",
    first: "GU21, GU22",
    second: "GU23",
    setUp: async (w) => ({
      path: "/council/districts",
      cookie: await sessionCookieFor(w.users.officerA.id),
      fields: [
        ["intent", "add"],
        ["name", "Woking"],
        ["postcodeAreas", "GU21, GU22"],
      ],
      done: async () =>
        (await db.district.count({ where: { councilId: w.councilA.id, name: "Woking" } })) > 0,
    }),
  },
  {
    form: "saving a search",
    field: "name",
    first: "Volunteering near me",
    second: "Funding near me",
    setUp: async (w) => ({
      path: "/saved-searches",
      cookie: await sessionCookieFor(w.users.supplierOwner.id),
      fields: [
        ["intent", "create"],
        ["query", "helpType=VOLUNTEERING"],
        ["name", "Volunteering near me"],
      ],
      done: async () => (await db.savedSearch.count({ where: { userId: w.users.supplierOwner.id } })) > 0,
    }),
  },
  {
    form: "rejecting an organisation",
    field: "reason",
    first: "The charity number does not match the register.",
    second: "The address is not in our area.",
    setUp: async (w) => {
      const organisation = await createOrganisation({
        kind: "VCSE",
        councilId: w.councilA.id,
        status: "PENDING",
      });
      return {
        path: `/council/verification/${organisation.id}`,
        cookie: await sessionCookieFor(w.users.officerA.id),
        fields: [
          ["intent", "reject"],
          ["reason", "The charity number does not match the register."],
        ],
        done: async () =>
          (await db.organisation.findUniqueOrThrow({ where: { id: organisation.id } })).status === "REJECTED",
      };
    },
  },
  {
    form: "creating a council",
    field: "name",
    first: "Borough of Elsewhere",
    second: "Borough of Somewhere",
    setUp: async (w) => {
      const adminEmail = `${unique("admin")}@elsewhere.example.test`;
      return {
        path: "/admin/councils",
        cookie: await sessionCookieFor(w.users.platformAdmin.id),
        fields: [
          ["intent", "create-council"],
          ["name", "Borough of Elsewhere"],
          ["adminEmail", adminEmail],
        ],
        done: async () => (await db.invitation.count({ where: { email: adminEmail } })) > 0,
      };
    },
  },
];

describe.each(CASES)("$form with $field sent twice", ({ field, first, second, setUp }) => {
  it("with different answers, shows the first in the field, says so on it, and does nothing", async () => {
    const { path, cookie, fields, done } = await setUp(world);
    const response = await postPage(path, sent(twice(fields, field, first, second)), cookie);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(consoleErrors).not.toHaveBeenCalled();
    expect(shownIn(html, field)).toBe(first);
    expect(errorOn(html, field)).toContain(SENT_TWICE);
    expect(await done()).toBe(false);
  });

  it("with the same answer, goes through", async () => {
    const { path, cookie, fields, done } = await setUp(world);
    const response = await postPage(path, sent(twice(fields, field, first, first)), cookie);
    expect(response.status, readableMainText(await response.clone().text())).toBe(302);
    expect(await done()).toBe(true);
  });
});

describe("a pledge's decline with the reason sent twice, once it is agreed (calling it off)", () => {
  it("says different answers were sent, not to give a reason", async () => {
    const { need } = await createPartlyPledgedRequest(world);
    const pledge = await createPledge({
      requestId: need.id,
      supplierOrganisationId: world.otherSupplier.id,
      status: "ACCEPTED",
    });
    // since session 57 an agreed pledge is called off on the page that asks first
    const response = await postPage(
      `/pledges/${pledge.id}/call-off`,
      sent([
        ["reason", "The date has moved."],
        ["reason", "We have found enough volunteers."],
      ]),
      await sessionCookieFor(world.users.vcseOwner.id),
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(errorOn(html, "reason")).toContain(SENT_TWICE);
    expect(shownIn(html, "reason")).toBe("The date has moved.");
    expect((await db.pledge.findUniqueOrThrow({ where: { id: pledge.id } })).status).toBe("ACCEPTED");
  });
});
