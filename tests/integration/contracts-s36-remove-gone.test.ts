// Pressing Back to "Remove this commitment?" after removing it and sending it again, or opening its link later,
// answered a generic "Page not found". The page now says the commitment has already been removed and links back to
// the contract, for those who may change that contract; anyone else is still told it is not found, and nothing
// more is removed.
import { beforeAll, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import {
  createCommitment,
  createContract,
  createMeasure,
  sessionCookieFor,
  unique,
} from "../helpers/factories.ts";
import { createContractsWorld, type ContractsWorld } from "./contracts-world.ts";
import { postPage, readableText, renderPage } from "../helpers/render-page.ts";

let w: ContractsWorld;

beforeAll(async () => {
  w = await createContractsWorld();
});

async function removable() {
  const contract = await createContract({ councilId: w.councilA.id, supplierOrganisationId: w.supplier.id });
  const measure = await createMeasure({
    councilId: w.councilA.id,
    code: unique("GONE").slice(0, 20),
    name: "Volunteering hours",
    unit: "HOURS",
  });
  const commitment = await createCommitment({
    contractId: contract.id,
    measureId: measure.id,
    targetQuantity: 10,
  });
  const path = `/contracts/${contract.id}/commitments/${commitment.id}/remove`;
  const version = commitment.updatedAt.toISOString();
  const send = (cookie: string) => {
    const form = new FormData();
    form.set("version", version);
    return postPage(path, form, cookie);
  };
  return { contract, measure, commitment, path, send };
}

const history = (contractId: string) =>
  db.auditLog.count({ where: { entityId: contractId, action: "commitment.remove" } });

function expectAlreadyRemoved(html: string, contractId: string, code: string) {
  const text = readableText(html);
  expect(text).toContain("This commitment has already been removed");
  expect(text).toContain(`The commitment ${code} was removed from this contract`);
  expect(html).toContain(`href="/contracts/${contractId}"`);
  expect(html).not.toContain('name="version"');
}

it("opened again after the removal, says the commitment has already been removed and links to the contract", async () => {
  const { contract, measure, path, send } = await removable();
  expect((await send(w.officer)).status).toBe(302);
  const page = await renderPage(path, w.officer);
  expect(page.status).toBe(410);
  expectAlreadyRemoved(await page.text(), contract.id, measure.code);
});

it("sent again after a colleague removed it, says so and removes nothing more", async () => {
  const { contract, commitment, measure, path, send } = await removable();
  const other = await createCommitment({
    contractId: contract.id,
    measureId: (
      await createMeasure({
        councilId: w.councilA.id,
        code: unique("KEEP").slice(0, 20),
        name: "Kept",
        unit: "HOURS",
      })
    ).id,
    targetQuantity: 5,
  });
  expect((await send(w.admin)).status).toBe(302);
  const again = await send(w.officer);
  expect(again.status).toBe(410);
  expectAlreadyRemoved(await again.text(), contract.id, measure.code);
  expect(await history(contract.id)).toBe(1);
  expect(await db.commitment.count({ where: { id: commitment.id } })).toBe(0);
  expect(await db.commitment.count({ where: { id: other.id } })).toBe(1);
  expect((await renderPage(path, w.officer)).status).toBe(410);
});

it("a double submit is still answered as removed, once", async () => {
  const { contract, send } = await removable();
  const [first, second] = await Promise.all([send(w.officer), send(w.officer)]);
  for (const response of [first!, second!]) {
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/contracts/${contract.id}`);
  }
  expect(await history(contract.id)).toBe(1);
});

it("is still not found for a commitment that never was, and for those who may not change the contract", async () => {
  const { contract, path, send } = await removable();
  expect((await send(w.officer)).status).toBe(302);
  expect(
    (await renderPage(`/contracts/${contract.id}/commitments/no-such-commitment/remove`, w.officer)).status,
  ).toBe(404);
  const otherCouncil = await sessionCookieFor(w.users.officerB.id);
  expect((await renderPage(path, otherCouncil)).status).toBe(404);
  expect((await send(otherCouncil)).status).toBe(404);
  // the contract's supplier sees the contract but may not change it
  expect((await renderPage(path, await sessionCookieFor(w.users.supplierOwner.id))).status).toBe(404);
  const page = await renderPage(path);
  expect([302, 303]).toContain(page.status); // signed out: asked to sign in
});
