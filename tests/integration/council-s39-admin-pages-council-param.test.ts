// An admin of two councils of a partnership, looking at council A's dashboard (`?council=A`) with council B in the
// header switcher, followed its "Council settings", "Guidance pages" or "Audit log" link and got council B's: those
// pages followed the switcher only. They now act for the council the address names (its admins only, as before;
// 404 to anyone else), their forms act for the council they were shown for, and the pages they lead back to keep it.
// The moderation page's links to the categories and districts name its council too, and those lists take it.
import { beforeAll, describe, expect, it } from "vitest";
import { ORGANISATION_COOKIE } from "~/auth/permissions.server.ts";
import { SWITCHER_FIELD } from "~/auth/switcher-field.ts";
import { db } from "~/db.server.ts";
import {
  addMember,
  createCouncil,
  createGuidancePage,
  createMember,
  createPartnership,
  createPartnershipMember,
  createUser,
  sessionCookieFor,
  unique,
} from "../helpers/factories.ts";
import { postRawPage, readableMainText, renderPage } from "../helpers/render-page.ts";

let councilA: { id: string; name: string };
let councilB: { id: string; name: string };
let onB: string;
let adminOfC: string;
let sharedStaff: string;

beforeAll(async () => {
  const partnership = await createPartnership();
  councilA = await createCouncil({ name: unique("Council A"), partnershipId: partnership.id });
  councilB = await createCouncil({ name: unique("Council B"), partnershipId: partnership.id });
  const admin = await createUser();
  await addMember(councilA.id, admin.id, "ADMIN");
  await addMember(councilB.id, admin.id, "ADMIN");
  onB = `${await sessionCookieFor(admin.id)}; ${ORGANISATION_COOKIE}=${councilB.id}`;
  const elsewhere = await createCouncil();
  adminOfC = await sessionCookieFor((await createMember(elsewhere.id, "ADMIN")).id);
  // council B's officer working for the whole partnership: an officer of A, not an admin of it
  const officer = await createPartnershipMember(councilB.id, "ADMIN");
  sharedStaff = `${await sessionCookieFor(officer.id)}; ${ORGANISATION_COOKIE}=${councilB.id}`;
  for (const [council, ip] of [
    [councilA, "203.0.113.41"],
    [councilB, "203.0.113.42"],
  ] as const)
    await db.auditLog.create({
      data: {
        organisationId: council.id,
        councilId: council.id,
        action: "category.create",
        entityType: "Category",
        ipAddress: ip,
      },
    });
});

const mainOf = (html: string) => html.slice(html.indexOf("<main"), html.indexOf("</main>"));
const hrefs = (html: string) =>
  [...mainOf(html).matchAll(/href="([^"]+)"/g)].map(([, href]) => href!.replaceAll("&amp;", "&"));
// as a browser sends the form: URL-encoded, naming the switcher's council when the page was shown (B)
const post = (location: string, values: Record<string, string>, cookie = onB, shownFor = councilB.id) =>
  postRawPage(
    location,
    new URLSearchParams({ ...values, [SWITCHER_FIELD]: shownFor }).toString(),
    "application/x-www-form-urlencoded",
    cookie,
  );
const settingsOf = (councilId: string) =>
  db.councilSettings.findUniqueOrThrow({ where: { organisationId: councilId } });

describe("council settings asked for a council of the admin's", () => {
  it("shows that council's settings, not the switcher's", async () => {
    const response = await renderPage(`/council/settings?council=${councilA.id}`, onB);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(readableMainText(html)).toContain(councilA.name);
    expect(html).toContain(`value="${councilA.name}"`);
    expect(mainOf(html)).not.toContain(councilB.name);
    expect(html).toMatch(new RegExp(`name="councilId" value="${councilA.id}"`));
  });

  it("saves that council's settings, and leads back to them", async () => {
    const before = await settingsOf(councilB.id);
    const response = await post(`/council/settings?council=${councilA.id}`, {
      councilId: councilA.id,
      councilName: councilA.name,
      contactEmail: "team@a.example",
      returnDueDays: "41",
      reminderDaysBefore: "7",
      overdueReminderDays: "7",
      brandColour: "#1d3d7a",
      proxyValueSource: "",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/council/settings?council=${councilA.id}`);
    expect((await settingsOf(councilA.id)).returnDueDays).toBe(41);
    expect(await settingsOf(councilB.id)).toEqual(before);
  });
});

describe("guidance pages asked for a council of the admin's", () => {
  it("lists that council's pages, with links that keep it", async () => {
    const ofA = await createGuidancePage({ councilId: councilA.id, title: unique("Guide of A") });
    const ofB = await createGuidancePage({ councilId: councilB.id, title: unique("Guide of B") });
    const response = await renderPage(`/council/guidance?council=${councilA.id}`, onB);
    expect(response.status).toBe(200);
    const html = await response.text();
    const text = readableMainText(html);
    expect(text).toContain(ofA.title);
    expect(text).not.toContain(ofB.title);
    expect(hrefs(html)).toContain(`/council/guidance/new?council=${councilA.id}`);
    expect(hrefs(html)).toContain(`/council/guidance/${ofA.id}?council=${councilA.id}`);
  });

  it("adds a new page to that council, and leads back to its list", async () => {
    const html = await (await renderPage(`/council/guidance/new?council=${councilA.id}`, onB)).text();
    expect(readableMainText(html)).toContain(councilA.name);
    expect(html).toMatch(new RegExp(`name="councilId" value="${councilA.id}"`));
    expect(hrefs(html)).toContain(`/council/guidance?council=${councilA.id}`);
    const slug = unique("new-for-a").toLowerCase();
    const response = await post(`/council/guidance/new?council=${councilA.id}`, {
      intent: "save",
      councilId: councilA.id,
      title: "A new page",
      slug,
      audience: "EVERYONE",
      bodyMarkdown: "Text.",
      published: "on",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/council/guidance?council=${councilA.id}`);
    expect((await db.guidancePage.findFirstOrThrow({ where: { slug } })).councilId).toBe(councilA.id);
  });

  it("edits that council's page, and leads back to its list", async () => {
    const page = await createGuidancePage({ councilId: councilA.id, slug: unique("edit-a").toLowerCase() });
    const location = `/council/guidance/${page.id}?council=${councilA.id}`;
    const html = await (await renderPage(location, onB)).text();
    expect(hrefs(html)).toContain(`/council/guidance?council=${councilA.id}`);
    const response = await post(location, {
      intent: "save",
      title: "Edited for A",
      slug: page.slug,
      audience: "EVERYONE",
      bodyMarkdown: "Text.",
      published: "on",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/council/guidance?council=${councilA.id}`);
    expect((await db.guidancePage.findUniqueOrThrow({ where: { id: page.id } })).title).toBe("Edited for A");
  });
});

describe("the audit log asked for a council of the admin's", () => {
  it("shows and filters that council's log, and its filters keep the council", async () => {
    const response = await renderPage(`/council/audit?council=${councilA.id}&action=category.create`, onB);
    expect(response.status).toBe(200);
    const html = await response.text();
    const text = readableMainText(html);
    expect(text).toContain(councilA.name);
    expect(text).toContain("203.0.113.41");
    expect(text).not.toContain("203.0.113.42");
    expect(html).toMatch(new RegExp(`<input type="hidden" name="council" value="${councilA.id}"`));
  });
});

describe("the admin pages asked for a council the person is not an admin of", () => {
  it("are 404 to an admin of a council outside the partnership", async () => {
    for (const path of [
      "/council/settings",
      "/council/guidance",
      "/council/guidance/new",
      "/council/audit",
    ]) {
      const response = await renderPage(`${path}?council=${councilA.id}`, adminOfC);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).not.toContain(councilA.name);
    }
  });

  it("are 404 to a partner's shared staff, who are officers of the council, not admins", async () => {
    for (const path of ["/council/settings", "/council/guidance", "/council/audit"])
      expect((await renderPage(`${path}?council=${councilA.id}`, sharedStaff)).status, path).toBe(404);
  });

  it("do not save settings for it", async () => {
    const before = await settingsOf(councilA.id);
    const response = await post(
      `/council/settings?council=${councilA.id}`,
      {
        councilId: councilA.id,
        councilName: "Taken over",
        contactEmail: "",
        returnDueDays: "30",
        reminderDaysBefore: "7",
        overdueReminderDays: "7",
        brandColour: "#1d3d7a",
        proxyValueSource: "",
      },
      adminOfC,
      "",
    );
    expect(response.status).toBe(404);
    expect(await settingsOf(councilA.id)).toEqual(before);
  });
});

describe("the lists linked from the dashboard and the moderation page", () => {
  it("are linked naming the council shown", async () => {
    const dashboard = hrefs(
      await (await renderPage(`/council/dashboard?council=${councilA.id}`, onB)).text(),
    );
    for (const path of ["/council/settings", "/council/guidance", "/council/audit"])
      expect(dashboard).toContain(`${path}?council=${councilA.id}`);
    const moderation = hrefs(
      await (await renderPage(`/council/moderation?council=${councilA.id}`, onB)).text(),
    );
    for (const path of ["/council/categories", "/council/districts"])
      expect(moderation).toContain(`${path}?council=${councilA.id}`);
  });

  it("categories and districts show and change that council's, and lead back to them", async () => {
    for (const path of ["/council/categories", "/council/districts"]) {
      const response = await renderPage(`${path}?council=${councilA.id}`, onB);
      expect(response.status, path).toBe(200);
      expect(readableMainText(await response.text()), path).toContain(councilA.name);
    }
    const name = unique("Warm spaces");
    const response = await post(`/council/categories?council=${councilA.id}`, {
      intent: "add",
      name,
      description: "",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/council/categories?council=${councilA.id}`);
    expect((await db.category.findFirstOrThrow({ where: { name } })).councilId).toBe(councilA.id);
    // each entry's "Change" link keeps the council, so its form opens on that council's list, not the switcher's
    const category = await db.category.findFirstOrThrow({ where: { name } });
    const list = hrefs(await (await renderPage(`/council/categories?council=${councilA.id}`, onB)).text());
    expect(list).toContain(`/council/categories?council=${councilA.id}&edit=${category.id}#change`);
    const editing = await renderPage(`/council/categories?council=${councilA.id}&edit=${category.id}`, onB);
    expect(readableMainText(await editing.text())).toContain(`Change ${name}`);
  });
});
