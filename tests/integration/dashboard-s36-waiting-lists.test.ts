// A group's dashboard shows the oldest ten pledges waiting for its answer and the oldest ten deliveries waiting for it
// to confirm. With more than ten, its count linked to a table of ten and no page listed them all. Now a count over
// what the table shows opens the full list (/dashboard/pledges), a "View all N" link sits under a table cut short,
// and the list shows every one of the group's own (and only those), a page at a time, each linked to the pledge's
// page where the group acts on it. The group's requests page links to the lists too.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import type { PledgeStatus } from "~/generated/prisma/enums.ts";
import { createPledge, createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { lastPageLink, pageHtmlAs, readableText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
// oldest first, as the lists show them
const toAnswer: { id: string; title: string }[] = [];
const toConfirm: { id: string; title: string }[] = [];
let otherGroupsPledge: { id: string; title: string };

const ANSWER = 27; // more than a page (25) of the full list
const CONFIRM = 12;
const BASE = Date.UTC(2026, 0, 1);

async function pledgeOn(organisationId: string, label: string, status: PledgeStatus, order: number) {
  const request = await createRequest({
    councilId: world.councilA.id,
    organisationId,
    categoryId: world.category.id,
    title: `${label} ${Math.random().toString(36).slice(2, 8)}`,
    status: "PARTIALLY_PLEDGED",
  });
  const pledge = await createPledge({
    requestId: request.id,
    supplierOrganisationId: world.supplier.id,
    status,
  });
  // the queues' order: offers by when made, deliveries by when last changed
  const at = new Date(BASE + order * 60_000);
  await db.$executeRaw`UPDATE "Pledge" SET "createdAt" = ${at}, "updatedAt" = ${at} WHERE id = ${pledge.id}`;
  return { id: pledge.id, title: request.title };
}

beforeAll(async () => {
  world = await createWorld();
  for (let i = 0; i < ANSWER; i++) toAnswer.push(await pledgeOn(world.vcse.id, `Offer ${i}`, "OFFERED", i));
  for (let i = 0; i < CONFIRM; i++)
    toConfirm.push(
      await pledgeOn(world.vcse.id, `Delivery ${i}`, i === 3 ? "DISPUTED" : "DELIVERED", 100 + i),
    );
  // settled: waits on nobody
  await pledgeOn(world.vcse.id, "Confirmed already", "CONFIRMED", 500);
  otherGroupsPledge = await pledgeOn(world.otherVcse.id, "Another group's offer", "OFFERED", 0);
}, 120_000);

const hrefOfCount = (html: string, label: string) =>
  html.match(
    new RegExp(`<a [^>]*href="([^"]*)"><span[^>]*>[\\d,]+</span><span[^>]*>${label}</span></a>`),
  )?.[1];
const decode = (href: string | undefined) => href?.replace(/&amp;/g, "&");

describe("the group's dashboard, with more waiting than its tables show", () => {
  it("links each count to the full list, and says under each table how many there are in all", async () => {
    const html = await pageHtmlAs("/dashboard", world.users.vcseOwner.id);
    // naming the group the dashboard is of (session 41)
    const group = `organisation=${world.vcse.id}`;
    expect(decode(hrefOfCount(html, "pledges waiting for your answer"))).toBe(
      `/dashboard/pledges?queue=to-answer&${group}`,
    );
    expect(decode(hrefOfCount(html, "deliveries to confirm, disputed ones included"))).toBe(
      `/dashboard/pledges?queue=to-confirm&${group}`,
    );
    expect(html).toContain(
      `href="/dashboard/pledges?queue=to-answer&amp;${group}">View all 27 pledges waiting for your answer</a>`,
    );
    expect(html).toContain(
      `href="/dashboard/pledges?queue=to-confirm&amp;${group}">View all 12 deliveries to confirm</a>`,
    );
    // a table cut short says so
    expect(html).toContain(">Pledges waiting for your answer: the oldest 10 of 27</caption>");
    expect(html).toContain(">Deliveries to confirm: the oldest 10 of 12</caption>");
  });

  it("keeps a count that its table shows in full linked to the table on the page", async () => {
    const html = await pageHtmlAs("/dashboard", world.users.otherVcseOwner.id);
    expect(hrefOfCount(html, "pledge waiting for your answer")).toMatch(/^(\/dashboard)?#to-answer$/);
    expect(html).not.toContain("View all");
  });
});

describe("the full list of pledges waiting for the group's answer", () => {
  it("shows every one, oldest first, a page at a time, each linked to where the group answers it", async () => {
    const first = await pageHtmlAs("/dashboard/pledges?queue=to-answer", world.users.vcseOwner.id);
    const second = await pageHtmlAs("/dashboard/pledges?queue=to-answer&page=2", world.users.vcseOwner.id);
    const rowsOf = (html: string) =>
      [...html.matchAll(/<th scope="row"[^>]*><a [^>]*href="\/pledges\/([^"]+)">/g)].map((m) => m[1]);
    expect([...rowsOf(first), ...rowsOf(second)]).toEqual(toAnswer.map((p) => p.id));
    expect(rowsOf(first)).toHaveLength(25);
    // the link says what is done there
    expect(readableText(first)).toContain(`${toAnswer[0].title} – accept or decline`);
    // a table with a caption and headed columns
    expect(first).toMatch(
      /<caption[^>]*>Pledges waiting for your answer \(27\), oldest offer first<\/caption>/,
    );
    expect(first).toContain('<th scope="col"');
    // plain links between the pages, no script needed
    expect(first).toContain('href="/dashboard/pledges?queue=to-answer&amp;page=2"');
    // the other list, with its count
    expect(first).toMatch(
      /<a [^>]*href="\/dashboard\/pledges\?queue=to-confirm"[^>]*>Deliveries to confirm \(12\)<\/a>/,
    );
  });

  it("past its last page says how many there are and links to the last page", async () => {
    const html = await pageHtmlAs("/dashboard/pledges?queue=to-answer&page=9", world.users.vcseOwner.id);
    expect(html).toMatch(lastPageLink("/dashboard/pledges?queue=to-answer&amp;page=2", 2));
  });
});

describe("the full list of deliveries to confirm", () => {
  it("shows every one, disputed ones included, each linked to where the group confirms it", async () => {
    const html = await pageHtmlAs("/dashboard/pledges?queue=to-confirm", world.users.vcseOwner.id);
    const ids = [...html.matchAll(/<th scope="row"[^>]*><a [^>]*href="\/pledges\/([^"]+)">/g)].map(
      (m) => m[1],
    );
    expect(ids).toEqual(toConfirm.map((p) => p.id));
    const text = readableText(html);
    expect(text).toContain(`${toConfirm[0].title} – confirm receipt`);
    expect(text).not.toContain("Confirmed already");
    expect(text).not.toContain(toAnswer[0].title);
  });
});

describe("who may see the lists", () => {
  const lists = ["/dashboard/pledges?queue=to-answer", "/dashboard/pledges?queue=to-confirm"];

  it("another group sees only its own pledges", async () => {
    for (const list of lists) {
      const text = readableText(await pageHtmlAs(list, world.users.otherVcseOwner.id));
      for (const p of [...toAnswer, ...toConfirm]) expect(text).not.toContain(p.title);
    }
    const own = readableText(await pageHtmlAs(lists[0], world.users.otherVcseOwner.id));
    expect(own).toContain(otherGroupsPledge.title);
  });

  it("a member of the group sees them too", async () => {
    const text = readableText(await pageHtmlAs(lists[0], world.users.vcseMember.id));
    expect(text).toContain(toAnswer[0].title);
  });

  it.each(["supplierOwner", "officerA", "councilAdmin"] as const)(
    "%s is not shown them (404)",
    async (user) => {
      for (const list of lists) {
        const response = await renderPage(list, await sessionCookieFor(world.users[user].id));
        expect(response.status).toBe(404);
        const body = await response.text();
        for (const p of [...toAnswer, ...toConfirm]) expect(body).not.toContain(p.title);
      }
    },
  );

  it("someone signed out is sent to sign in", async () => {
    for (const list of lists) {
      const response = await renderPage(list);
      expect([302, 303]).toContain(response.status);
      expect(response.headers.get("location")).toMatch(/^\/sign-in/);
    }
  });
});

describe("the group's requests page", () => {
  it("links to both lists with their counts", async () => {
    const html = await pageHtmlAs("/my-requests", world.users.vcseOwner.id);
    const group = `organisation=${world.vcse.id}`;
    expect(html).toContain(
      `href="/dashboard/pledges?queue=to-answer&amp;${group}">27 pledges waiting for your answer</a>`,
    );
    expect(html).toContain(
      `href="/dashboard/pledges?queue=to-confirm&amp;${group}">12 deliveries to confirm</a>`,
    );
  });

  it("links no list that is empty", async () => {
    const html = await pageHtmlAs("/my-requests", world.users.otherVcseOwner.id);
    expect(html).toContain(
      `href="/dashboard/pledges?queue=to-answer&amp;organisation=${world.otherVcse.id}"`,
    );
    expect(html).not.toContain("/dashboard/pledges?queue=to-confirm");
  });
});
