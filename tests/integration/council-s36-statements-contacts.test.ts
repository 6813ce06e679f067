// The accessibility statement told readers who find a problem to "contact your council's social value team", and
// the privacy notice to "ask your council", with no address on either page: a dead end, where the regulations ask
// for contact details. Each now lists the councils with their social value team's address (from Council settings),
// and says so of a council that has not given one.
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createCouncil } from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";

const tag = crypto.randomUUID().slice(0, 8);
let withAddress: Awaited<ReturnType<typeof createCouncil>>;
const address = `socialvalue-${tag}@council.example`;

beforeAll(async () => {
  withAddress = await createCouncil({ name: `Addressed Council ${tag}` });
  await db.organisation.update({ where: { id: withAddress.id }, data: { contactEmail: address } });
  await createCouncil({ name: `Quiet Council ${tag}` });
  // a council not yet verified is not public anywhere else, so not here either
  await createCouncil({ name: `Pending Council ${tag}` }).then((c) =>
    db.organisation.update({ where: { id: c.id }, data: { status: "PENDING" } }),
  );
});

describe.each(["/accessibility", "/privacy"])("%s", (path) => {
  it("gives each council's social value team address, to anyone", async () => {
    const response = await renderPage(path);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(`<a href="mailto:${address}">${address}</a>`);
    const text = readableMainText(html);
    expect(text).toContain(`Addressed Council ${tag}: ${address}`);
    expect(text).toContain(
      `Quiet Council ${tag}: no address given here yet; contact the council through its own website`,
    );
    expect(text).not.toContain(`Pending Council ${tag}`);
  });
});

describe("/privacy", () => {
  // the notice opened "The councils of the partnership are the data controllers", though councils on the
  // marketplace may be in no partnership
  it("names the councils on the marketplace as the data controllers, not a partnership", async () => {
    const text = readableMainText(await (await renderPage("/privacy")).text());
    expect(text).toContain(
      "The councils that use the Social Value Marketplace, listed under “Contact your council” below, are the data controllers",
    );
    expect(text).not.toContain("partnership");
  });
});
