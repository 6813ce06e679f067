// What the dashboards' figures link to, and how old they say they are. A supplier's "2 pledges to deliver, accepted
// or disputed" linked to every pledge it made; a group's "pledges waiting for your answer" and "deliveries to
// confirm" linked to all its requests, though the tables of those pledges are on the dashboard itself. The
// supplier's delivery figures are shared for a minute and did not say so. A request not yet published had its
// manage page only, with no link to the request as written (description, place, who it helps), which its group
// can open in every status.
import { beforeAll, describe, expect, it } from "vitest";
import type { RequestStatus } from "~/generated/prisma/enums.ts";
import { createPledge, createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { pageHtmlAs, readableText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
const titles: Record<string, string> = {};

beforeAll(async () => {
  world = await createWorld();
  const request = (title: string, status: RequestStatus = "OPEN") =>
    createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      title: `${title} ${Math.random().toString(36).slice(2, 8)}`,
      status,
    });
  for (const status of ["ACCEPTED", "DISPUTED", "OFFERED", "CONFIRMED", "DELIVERED"] as const) {
    const r = await request(`Pledged ${status.toLowerCase()}`, "PARTIALLY_PLEDGED");
    titles[status] = r.title;
    await createPledge({ requestId: r.id, supplierOrganisationId: world.supplier.id, status });
  }
});

const hrefOfCount = (html: string, label: string) => {
  // the count's link holds its number and its label
  const match = html.match(
    new RegExp(`<a [^>]*href="([^"]*)"><span[^>]*>\\d+</span><span[^>]*>${label}</span></a>`),
  );
  return match?.[1];
};

describe("the supplier's dashboard", () => {
  it("links its pledges to deliver to a list of exactly those, a labelled filter on its pledges", async () => {
    const html = await pageHtmlAs("/dashboard", world.users.supplierOwner.id);
    const href = hrefOfCount(html, "pledges to deliver, accepted or disputed");
    expect(href).toBeDefined();
    const list = await pageHtmlAs(href!, world.users.supplierOwner.id);
    const text = readableText(list);
    expect(text).toContain(titles.ACCEPTED);
    expect(text).toContain(titles.DISPUTED);
    for (const other of ["OFFERED", "CONFIRMED", "DELIVERED"]) expect(text).not.toContain(titles[other]);
    // the filter is one of the page's own, marked as the one shown, and a plain link (no script needed)
    const filter = list.match(/<a [^>]*href="([^"]*)">To deliver \(accepted or disputed\) \(2\)<\/a>/);
    expect(filter?.[1]).toBe(href);
    expect(filter?.[0]).toContain('aria-current="page"');
    expect(text).toContain("To deliver (accepted or disputed) (2), newest first");
    // and it is offered on the unfiltered list too
    expect(await pageHtmlAs("/pledges", world.users.supplierOwner.id)).toContain(`href="${href}"`);
  });

  it("an unknown filter still lists every pledge", async () => {
    const text = readableText(await pageHtmlAs("/pledges?status=to-nowhere", world.users.supplierOwner.id));
    for (const status of Object.keys(titles)) expect(text).toContain(titles[status]);
  });

  it("says when its delivery figures were worked out, as the council's dashboard does", async () => {
    const text = readableText(await pageHtmlAs("/dashboard", world.users.supplierOwner.id));
    expect(text).toMatch(/Figures as at .+; they are refreshed every minute\./);
  });
});

describe("the group's dashboard", () => {
  it("links its pledges to answer and deliveries to confirm to their tables on the page", async () => {
    const html = await pageHtmlAs("/dashboard", world.users.vcseOwner.id);
    const answer = hrefOfCount(html, "pledge waiting for your answer");
    const confirm = hrefOfCount(html, "deliveries to confirm, disputed ones included");
    // on this page (a link to a part of the page is written with the page's own path)
    expect(answer).toMatch(/^(\/dashboard)?#./);
    expect(confirm).toMatch(/^(\/dashboard)?#./);
    // the first table after the anchor is the one the count is about
    const captionAfter = (anchor: string) => {
      const at = html.indexOf(`id="${anchor.split("#")[1]}"`);
      expect(at).toBeGreaterThan(-1);
      return html.slice(at).match(/<caption[^>]*>([^<]*)<\/caption>/)?.[1];
    };
    expect(captionAfter(answer!)).toBe("Pledges waiting for your answer");
    expect(captionAfter(confirm!)).toBe("Deliveries to confirm");
  });

  it("links no count of none to a table that is not there", async () => {
    const html = await pageHtmlAs("/dashboard", world.users.otherVcseOwner.id);
    expect(hrefOfCount(html, "pledges waiting for your answer")).toBeUndefined();
    expect(readableText(html)).toContain("0 pledges waiting for your answer");
  });
});

describe("the manage page", () => {
  it.each(["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "OPEN", "WITHDRAWN", "EXPIRED"] as const)(
    "of a %s request links to the request as posted, which its group can open",
    async (status) => {
      const r = await createRequest({
        councilId: world.councilA.id,
        organisationId: world.vcse.id,
        categoryId: world.category.id,
        status,
        // withdrawn before it was ever published
        publishedAt: status === "WITHDRAWN" ? null : undefined,
        description: `What we need, ${status}`,
      });
      const html = await pageHtmlAs(`/requests/${r.id}/manage`, world.users.vcseOwner.id);
      expect(html).toMatch(
        new RegExp(
          `<a [^>]*href="/requests/${r.id}">(View the public page|Preview the request as it will be published|View the request \\(never published\\))`,
        ),
      );
      const full = await renderPage(`/requests/${r.id}`, await sessionCookieFor(world.users.vcseOwner.id));
      expect(full.status).toBe(200);
      expect(readableText(await full.text())).toContain(`What we need, ${status}`);
    },
  );

  it("of a request not yet published says it is not the public page", async () => {
    const r = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      status: "SUBMITTED",
    });
    const text = readableText(await pageHtmlAs(`/requests/${r.id}/manage`, world.users.vcseOwner.id));
    expect(text).toContain("Preview the request as it will be published");
    expect(text).not.toContain("View the public page");
  });
});
