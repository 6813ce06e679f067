// Ending a pledge for good is asked first (QA session 57, finding 4): the supplier's "Withdraw pledge" and the group's
// "Call off pledge" were one click on the pledge's page, which emailed the other side and gave the share back at
// once, and the red "Withdraw pledge" came before the supplier's main action, "Report delivery". Each now leads to a
// page of its own that says what ending the pledge does and ends it only on "Yes". A pledge called off after it was
// agreed is then said to be called off everywhere (finding 5), not "declined" as an offer turned down is.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { formatDateTime } from "~/domain/format.ts";
import { createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { flashOfRedirect } from "../helpers/flash.ts";
import { createPartlyPledgedRequest } from "../helpers/pledged-request.ts";
import { formOf, pageHtmlAs, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let supplierCookie: string;
let groupCookie: string;

beforeAll(async () => {
  world = await createWorld();
  supplierCookie = await sessionCookieFor(world.users.supplierMember.id);
  groupCookie = await sessionCookieFor(world.users.vcseOwner.id);
});

const acceptedPledge = () =>
  createPartlyPledgedRequest(world, {
    pledge: { createdById: world.users.supplierOwner.id, status: "ACCEPTED" },
  });

const emailsAbout = (title: string, template: string) =>
  db.emailOutbox.count({ where: { template, text: { contains: title } } });

describe("withdrawing a pledge", () => {
  it("is reached from the pledge's page after the main action, by a link, not a button that withdraws", async () => {
    const { pledge } = await acceptedPledge();
    const html = await pageHtmlAs(`/pledges/${pledge.id}`, world.users.supplierMember.id);
    const text = readableMainText(html);
    expect(text.indexOf("Report delivery")).toBeGreaterThan(-1);
    expect(text.indexOf("Withdraw your pledge")).toBeGreaterThan(text.indexOf("Report delivery"));
    expect(html).toContain(`href="/pledges/${pledge.id}/withdraw"`);
    expect(html).not.toContain('value="withdraw"');
  });

  it("asks first, naming the pledge and what withdrawing does, and changes nothing until asked", async () => {
    const { need, pledge } = await acceptedPledge();
    const html = await pageHtmlAs(`/pledges/${pledge.id}/withdraw`, world.users.supplierMember.id);
    const text = readableMainText(html);
    expect(text).toContain(`Are you sure you want to withdraw your pledge of 4 hours to ${need.title}?`);
    expect(text).toContain(
      `${world.vcse.name} is told, with your reason if you give one, and the 4 hours are needed again, for other suppliers to pledge. You cannot undo this.`,
    );
    expect(text).toContain("Why are you withdrawing it? (optional)");
    expect(text).toContain("Yes, withdraw pledge");
    expect(html).toMatch(new RegExp(`<a [^>]*href="/pledges/${pledge.id}"[^>]*>Cancel</a>`));
    expect((await db.pledge.findUniqueOrThrow({ where: { id: pledge.id } })).status).toBe("ACCEPTED");
    expect(await emailsAbout(need.title, "marketplace.withdraw")).toBe(0);
  });

  it("withdraws on Yes without JavaScript; the same Yes again finds it withdrawn and sends nothing more", async () => {
    const { need, pledge } = await acceptedPledge();
    const yes = () =>
      postPage(`/pledges/${pledge.id}/withdraw`, formOf({ reason: "Our van broke down." }), supplierCookie);
    const first = await yes();
    expect(first.headers.get("location")).toBe(`/pledges/${pledge.id}`);
    expect(await flashOfRedirect(first)).toEqual({ kind: "success", message: "Pledge withdrawn" });
    expect(await db.pledge.findUniqueOrThrow({ where: { id: pledge.id } })).toMatchObject({
      status: "WITHDRAWN",
    });
    expect(await db.request.findUniqueOrThrow({ where: { id: need.id } })).toMatchObject({
      pledgedQuantity: 0,
    });
    expect(await emailsAbout(need.title, "marketplace.withdraw")).toBeGreaterThan(0);
    const emails = await emailsAbout(need.title, "marketplace.withdraw");

    const again = await yes();
    expect(again.headers.get("location")).toBe(`/pledges/${pledge.id}`);
    expect(await flashOfRedirect(again)).toEqual({
      kind: "info",
      message: "This pledge has already been withdrawn: nothing more was done.",
    });
    expect(await emailsAbout(need.title, "marketplace.withdraw")).toBe(emails);
    expect(await db.pledgeEvent.count({ where: { pledgeId: pledge.id } })).toBe(1);
    expect(await db.request.findUniqueOrThrow({ where: { id: need.id } })).toMatchObject({
      pledgedQuantity: 0,
    });
  });

  it("is only for the supplier that pledged: the group, the council's officer and another supplier get 404", async () => {
    const { need, pledge } = await acceptedPledge();
    for (const user of [world.users.vcseOwner, world.users.officerA, world.users.otherSupplierOwner]) {
      const cookie = await sessionCookieFor(user.id);
      expect((await renderPage(`/pledges/${pledge.id}/withdraw`, cookie)).status).toBe(404);
      const posted = await postPage(`/pledges/${pledge.id}/withdraw`, formOf({ reason: "" }), cookie);
      expect(posted.status).toBe(404);
    }
    expect((await db.pledge.findUniqueOrThrow({ where: { id: pledge.id } })).status).toBe("ACCEPTED");
    expect(await emailsAbout(need.title, "marketplace.withdraw")).toBe(0);
  });
});

describe("calling off a pledge the group accepted", () => {
  it("asks first, wants a reason, and keeps what was typed", async () => {
    const { need, pledge } = await acceptedPledge();
    const page = await pageHtmlAs(`/pledges/${pledge.id}`, world.users.vcseOwner.id);
    expect(page).toContain(`href="/pledges/${pledge.id}/call-off"`);
    expect(page).not.toContain("Reason for declining");
    const html = await pageHtmlAs(`/pledges/${pledge.id}/call-off`, world.users.vcseOwner.id);
    expect(readableMainText(html)).toContain(
      `Are you sure you want to call off the pledge of 4 hours from ${world.supplier.name}?`,
    );
    const refused = await postPage(`/pledges/${pledge.id}/call-off`, formOf({ reason: "" }), groupCookie);
    expect(refused.status).toBe(400);
    const text = readableMainText(await refused.text());
    expect(text).toContain("There is a problem");
    expect(text).toContain("Give a reason for calling off the pledge");
    expect((await db.pledge.findUniqueOrThrow({ where: { id: pledge.id } })).status).toBe("ACCEPTED");
    expect(await emailsAbout(need.title, "marketplace.decline")).toBe(0);
  });

  it("is said to be called off on the pledge's page and the supplier's list, where an offer declined is not", async () => {
    const { need, pledge } = await acceptedPledge();
    const done = await postPage(
      `/pledges/${pledge.id}/call-off`,
      formOf({ reason: "The hub is closing early." }),
      groupCookie,
    );
    expect(await flashOfRedirect(done)).toEqual({ kind: "success", message: "Pledge called off" });
    expect(await db.pledge.findUniqueOrThrow({ where: { id: pledge.id } })).toMatchObject({
      status: "DECLINED",
      decisionReason: "The hub is closing early.",
    });
    expect(await emailsAbout(need.title, "marketplace.decline")).toBeGreaterThan(0);

    const { pledge: offer } = await createPartlyPledgedRequest(world, {
      pledge: { createdById: world.users.supplierOwner.id },
    });
    const declined = await postPage(
      `/pledges/${offer.id}`,
      formOf({ intent: "decline", reason: "We have enough already." }),
      groupCookie,
    );
    expect(declined.status).toBe(302);

    for (const user of [world.users.supplierMember, world.users.vcseOwner]) {
      const calledOff = readableMainText(await pageHtmlAs(`/pledges/${pledge.id}`, user.id));
      expect(calledOff).toContain("called off");
      expect(calledOff).toContain("Why it was called off The hub is closing early.");
      expect(calledOff).not.toMatch(/declined/i);
      const turnedDown = readableMainText(await pageHtmlAs(`/pledges/${offer.id}`, user.id));
      expect(turnedDown).toContain("Reason declined We have enough already.");
      expect(turnedDown).not.toContain("called off");
    }

    const list = readableMainText(
      await pageHtmlAs("/pledges?status=DECLINED", world.users.supplierMember.id),
    );
    expect(list).toContain("Declined or called off (2)");
    expect(list).toMatch(new RegExp(`${escaped(need.title)} called off`));
    expect(list).toMatch(/ declined 4 hours/);
  });

  it("is not offered for an offer not yet answered: that is declined on the pledge's page", async () => {
    const { pledge } = await createPartlyPledgedRequest(world);
    const response = await renderPage(`/pledges/${pledge.id}/call-off`, groupCookie);
    expect(response.headers.get("location")).toBe(`/pledges/${pledge.id}`);
    expect(await flashOfRedirect(response)).toEqual({
      kind: "info",
      message: "This pledge can no longer be called off: it is offered.",
    });
  });

  it("is only for the group that asked: the supplier and the council's officer get 404", async () => {
    const { pledge } = await acceptedPledge();
    for (const user of [world.users.supplierOwner, world.users.officerA, world.users.otherVcseOwner]) {
      const cookie = await sessionCookieFor(user.id);
      expect((await renderPage(`/pledges/${pledge.id}/call-off`, cookie)).status).toBe(404);
      const posted = await postPage(
        `/pledges/${pledge.id}/call-off`,
        formOf({ reason: "Not needed" }),
        cookie,
      );
      expect(posted.status).toBe(404);
    }
    expect((await db.pledge.findUniqueOrThrow({ where: { id: pledge.id } })).status).toBe("ACCEPTED");
  });
});

describe("answering a pledge the supplier withdrew meanwhile", () => {
  it("says who withdrew it and when, that the answer was not taken, and keeps the reason typed", async () => {
    const { pledge } = await createPartlyPledgedRequest(world, {
      pledge: { createdById: world.users.supplierOwner.id },
    });
    const withdrawn = await postPage(
      `/pledges/${pledge.id}/withdraw`,
      formOf({ reason: "" }),
      supplierCookie,
    );
    expect(withdrawn.status).toBe(302);
    const event = await db.pledgeEvent.findFirstOrThrow({ where: { pledgeId: pledge.id } });
    const when = formatDateTime(event.createdAt);

    const accepted = await postPage(`/pledges/${pledge.id}`, formOf({ intent: "accept" }), groupCookie);
    expect(accepted.status).toBe(400);
    expect(readableMainText(await accepted.text())).toContain(
      `${world.supplier.name} withdrew this pledge on ${when}, so it was not accepted.`,
    );

    const declined = await postPage(
      `/pledges/${pledge.id}`,
      formOf({ intent: "decline", reason: "We found volunteers elsewhere." }),
      groupCookie,
    );
    expect(declined.status).toBe(400);
    const text = readableMainText(await declined.text());
    expect(text).toContain(`${world.supplier.name} withdrew this pledge on ${when}, so it was not declined.`);
    expect(text).toContain("The reason you typed was not sent: We found volunteers elsewhere.");
    expect(text).not.toContain("This cannot be done while");
    expect(await db.pledge.findUniqueOrThrow({ where: { id: pledge.id } })).toMatchObject({
      status: "WITHDRAWN",
      decisionReason: null,
    });
  });
});

describe("a delivery report with several mistakes", () => {
  it("lists them in the order of the form's fields: quantity, date, note", async () => {
    const { pledge } = await acceptedPledge();
    const response = await postPage(
      `/pledges/${pledge.id}`,
      formOf({
        intent: "reportDelivery",
        deliveredQuantity: "0",
        deliveredOn: "01/01/2025",
        deliveryNote: "x",
      }),
      supplierCookie,
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    const summary = html.slice(
      html.indexOf('id="error-summary-title"'),
      html.indexOf("</ul>", html.indexOf('id="error-summary-title"')),
    );
    const links = [...summary.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(links).toEqual(["deliveredQuantity", "deliveredOn", "deliveryNote"]);
  });
});

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
