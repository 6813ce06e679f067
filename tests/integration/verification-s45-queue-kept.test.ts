// An officer who opened an organisation from another page of the queue, or from a partner council's queue
// (/council/verification?council=<id>&page=2), was led back after verifying or rejecting it, and by the page's "Back
// to organisations to verify", to /council/verification: the first page of the council the header switcher was on.
// The queue's links now name its council and page, the organisation's page keeps them in its way back and its forms,
// and a decision leads back to the same queue on the same page, or its last page if that one is now past the end.
// Only ever the queue's own address: a council the officer does not verify for, or anything else sent, is dropped.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { QUEUE_PAGE_SIZE } from "~/domain/accounts/organisations.server.ts";
import { HIDDEN_SENT_TWICE } from "~/server/parse-form.server.ts";
import {
  createCouncil,
  createOrganisation,
  createPartnershipMember,
  createWorld,
  sessionCookieFor,
  unique,
} from "../helpers/factories.ts";
import { formOf, pageHtmlAs, postPage } from "../helpers/render-page.ts";

afterAll(() => closeRateLimits());

let world: Awaited<ReturnType<typeof createWorld>>;
let officerId: string;
let cookie: string;
// the partner council's queue, two pages of it: the officer's own council is A, so its plain queue is A's
let waiting: { id: string; name: string }[];

beforeAll(async () => {
  world = await createWorld();
  officerId = (await createPartnershipMember(world.councilA.id, "OFFICER")).id;
  cookie = await sessionCookieFor(officerId);
  waiting = [];
  for (let i = 0; i < QUEUE_PAGE_SIZE + 3; i++) {
    const organisation = await createOrganisation({
      kind: i % 2 ? "SUPPLIER" : "VCSE",
      name: unique("Waiting"),
      councilId: world.councilB.id,
      status: "PENDING",
    });
    // oldest first, in the order made (two made in the same millisecond would otherwise go by id)
    await db.organisation.update({
      where: { id: organisation.id },
      data: { createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)) },
    });
    waiting.push(organisation);
  }
});

const queueOfB = () => `/council/verification?council=${world.councilB.id}&page=2`;
const escaped = (text: string) => text.replace(/&/g, "&amp;");

describe("the verification queue of a partner council, on its second page", () => {
  it("links each organisation naming the queue's council and page", async () => {
    const html = await pageHtmlAs(queueOfB(), officerId);
    const onPage2 = waiting[QUEUE_PAGE_SIZE];
    expect(html).toContain(
      `href="${escaped(`/council/verification/${onPage2.id}?council=${world.councilB.id}&page=2`)}"`,
    );
  });

  it("leads back to that queue from the organisation's page, whose forms carry it", async () => {
    const organisation = waiting[QUEUE_PAGE_SIZE];
    const html = await pageHtmlAs(
      `/council/verification/${organisation.id}?council=${world.councilB.id}&page=2`,
      officerId,
    );
    expect(html).toMatch(
      new RegExp(
        `<a [^>]*href="${escaped(queueOfB()).replace(/[?]/g, "\\?")}"[^>]*>Back to organisations to verify`,
      ),
    );
    // the verify and reject forms each carry the queue
    expect(
      html.match(new RegExp(`<input type="hidden" name="council" value="${world.councilB.id}"/>`, "g")),
    ).toHaveLength(2);
    expect(html.match(/<input type="hidden" name="page" value="2"\/>/g)).toHaveLength(2);
  });
});

describe("deciding on an organisation opened from that queue", () => {
  it("leads back to the same council's queue on the same page", async () => {
    const response = await postPage(
      `/council/verification/${waiting[QUEUE_PAGE_SIZE].id}?council=${world.councilB.id}&page=2`,
      formOf({ intent: "verify", council: world.councilB.id, page: "2" }),
      cookie,
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(queueOfB());
  });

  it("leads to the queue's last page when the page it was on is now past the end", async () => {
    // 27 waiting: two rejected leave 25, one page
    await postPage(
      `/council/verification/${waiting[QUEUE_PAGE_SIZE + 1].id}`,
      formOf({
        intent: "reject",
        reason: "No such charity is registered",
        council: world.councilB.id,
        page: "2",
      }),
      cookie,
    );
    const response = await postPage(
      `/council/verification/${waiting[QUEUE_PAGE_SIZE + 2].id}`,
      formOf({
        intent: "reject",
        reason: "No such company is registered",
        council: world.councilB.id,
        page: "2",
      }),
      cookie,
    );
    expect(response.headers.get("location")).toBe(`/council/verification?council=${world.councilB.id}`);
    const html = await pageHtmlAs(response.headers.get("location")!, officerId);
    expect(html).toContain(waiting[0].name);
  });

  it("drops a council the officer does not verify for, or one that is no id", async () => {
    const elsewhere = await createCouncil();
    for (const council of [elsewhere.id, "https://evil.example/", "//evil.example"]) {
      const organisation = await createOrganisation({
        kind: "VCSE",
        councilId: world.councilB.id,
        status: "PENDING",
      });
      const response = await postPage(
        `/council/verification/${organisation.id}`,
        formOf({ intent: "verify", council, page: "1" }),
        cookie,
      );
      expect(response.headers.get("location")).toBe("/council/verification");
    }
  });

  it("refuses a form that names two queues, keeping the organisation waiting", async () => {
    const organisation = await createOrganisation({
      kind: "VCSE",
      councilId: world.councilB.id,
      status: "PENDING",
    });
    const form = formOf({ intent: "verify", council: world.councilB.id, page: "2" });
    form.append("page", "3");
    const response = await postPage(`/council/verification/${organisation.id}`, form, cookie);
    expect(response.status).toBe(400);
    expect((await response.text()).replace(/<!-- -->/g, "")).toContain(HIDDEN_SENT_TWICE);
  });

  it("leads an officer who opened it from their own plain queue back to it as before", async () => {
    const organisation = await createOrganisation({
      kind: "VCSE",
      councilId: world.councilA.id,
      status: "PENDING",
    });
    const html = await pageHtmlAs("/council/verification", officerId);
    expect(html).toContain(`href="/council/verification/${organisation.id}"`);
    const response = await postPage(
      `/council/verification/${organisation.id}`,
      formOf({ intent: "verify" }),
      cookie,
    );
    expect(response.headers.get("location")).toBe("/council/verification");
  });
});
