// A request is edited only as a draft or when the council asks for changes. Once submitted or published, its edit
// page sent the group to the manage page with "This request can no longer be edited." and the manage page said
// nothing: a group that found a mistake had no way forward it could see. Both now say why, and the manage page what
// the group can do, as the state machine allows it now: while it waits for approval, ask the council (named, with
// its address) to send it back for changes, or withdraw it and post it again; once published, withdraw it and post
// it again, or, while a pledge's work is under way (no withdrawing), contact the council.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import type { RequestStatus } from "~/generated/prisma/enums.ts";
import { createPledge, createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { flashCookieOf, flashOfRedirect } from "../helpers/flash.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let cookie: string;
const ADDRESS = "social.value@council-a.test";

beforeAll(async () => {
  world = await createWorld();
  cookie = await sessionCookieFor(world.users.vcseOwner.id);
  await db.organisation.update({ where: { id: world.councilA.id }, data: { contactEmail: ADDRESS } });
});

const aRequest = (status: RequestStatus, pledgedQuantity = 0) =>
  createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    createdById: world.users.vcseOwner.id,
    quantity: 10,
    pledgedQuantity,
    status,
  });

// the manage page as the group reads it, after the edit page sent it there, with the edit page's message
async function editThenManage(id: string) {
  const edit = await renderPage(`/requests/${id}/edit`, cookie);
  expect(edit.status).toBe(302);
  expect(edit.headers.get("location")).toBe(`/requests/${id}/manage`);
  const flash = await flashOfRedirect(edit);
  const page = await renderPage(`/requests/${id}/manage`, `${cookie}; ${flashCookieOf(edit)}`);
  expect(page.status).toBe(200);
  const html = (await page.text()).replace(/<!-- -->/g, "");
  // the council's address is a link in the sentence: read as the sentence reads
  return { message: flash?.message, html, text: readableMainText(html.replace(/<\/?a\b[^>]*>/g, "")) };
}

const SUBMITTED_WHY =
  "A request cannot be changed once it is submitted, so that what the council approves, and suppliers pledge to, is what they read.";
const PUBLISHED_WHY = "A published request cannot be changed, so that suppliers pledge to what they read.";

describe("a request waiting for approval", () => {
  it("says why it cannot be edited, and to ask the council, by name and address, or withdraw and post again", async () => {
    const need = await aRequest("SUBMITTED");
    const { message, html, text } = await editThenManage(need.id);
    expect(message).toBe(
      `This request can no longer be edited. ${SUBMITTED_WHY} What you can do instead is under “Correcting this request” below.`,
    );
    expect(text).toContain(message);
    expect(text).toContain(`Correcting this request ${SUBMITTED_WHY}`);
    expect(text).toContain(
      `To correct it, ask ${world.councilA.name} (${ADDRESS}) to send it back to you for changes: it can while the request is waiting for approval, and you then edit it and submit it again. Or withdraw it below and post it again as a new request.`,
    );
    expect(html).toContain(`<a href="mailto:${ADDRESS}">${ADDRESS}</a>`);
  });
});

describe("a published request", () => {
  it("with no work under way: the council cannot send it back, so withdraw it and post it again", async () => {
    for (const need of [await aRequest("OPEN"), await aRequest("PARTIALLY_PLEDGED", 4)]) {
      if (need.status === "PARTIALLY_PLEDGED")
        await createPledge({ requestId: need.id, supplierOrganisationId: world.supplier.id, quantity: 4 });
      const { message, text } = await editThenManage(need.id);
      expect(message).toBe(
        `This request can no longer be edited. ${PUBLISHED_WHY} What you can do instead is under “Correcting this request” below.`,
      );
      expect(text).toContain(
        `${PUBLISHED_WHY} ${world.councilA.name} cannot send it back to you for changes either: it can only while a request is waiting for approval.`,
      );
      expect(text).toContain("To correct it, withdraw it below and post it again as a new request.");
      expect(text).not.toContain("ask " + world.councilA.name);
    }
  });

  it("with a pledge accepted (it cannot be withdrawn): tell the suppliers, or contact the council", async () => {
    const need = await aRequest("FULLY_PLEDGED", 10);
    await createPledge({
      requestId: need.id,
      supplierOrganisationId: world.supplier.id,
      quantity: 10,
      status: "ACCEPTED",
    });
    const { text } = await editThenManage(need.id);
    expect(text).toContain("It cannot be withdrawn while a pledge to it is accepted, delivered or disputed.");
    expect(text).toContain(
      `If something in the request is wrong, contact ${world.councilA.name} (${ADDRESS}).`,
    );
    expect(text).not.toContain("withdraw it below and post it again");
  });

  it("names the council without an address when it has given none", async () => {
    await db.organisation.update({ where: { id: world.councilB.id }, data: { contactEmail: null } });
    const need = await createRequest({
      councilId: world.councilB.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      status: "SUBMITTED",
    });
    const { text } = await editThenManage(need.id);
    expect(text).toContain(`To correct it, ask ${world.councilB.name} to send it back to you for changes:`);
  });
});

describe("a request the group can edit, or one closed", () => {
  it("says nothing of correcting it while it can be edited", async () => {
    for (const status of ["DRAFT", "CHANGES_REQUESTED"] as const) {
      const need = await aRequest(status);
      const page = await renderPage(`/requests/${need.id}/manage`, cookie);
      const text = readableMainText(await page.text());
      expect(text).toContain("Edit request");
      expect(text).not.toContain("Correcting this request");
    }
  });

  it("once closed, the edit page says what became of it", async () => {
    const need = await aRequest("WITHDRAWN");
    const { message, text } = await editThenManage(need.id);
    expect(message).toBe("This request can no longer be edited: it is withdrawn.");
    expect(text).not.toContain("Correcting this request");
  });
});
