// A contract's page lists its latest 200 changes. One changed more often than that (a weekly import for years)
// lost its registration and earliest changes from the list without a word, as if the list were its whole record.
// The page now says that older changes are not shown, and where they are kept.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { HISTORY_LIMIT } from "~/domain/contracts/contracts.server.ts";
import { createContract } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";
import { type ContractsWorld, createContractsWorld } from "./contracts-world.ts";

let w: ContractsWorld;

beforeAll(async () => {
  w = await createContractsWorld();
});

async function contractWithChanges(count: number) {
  const contract = await createContract({ councilId: w.councilA.id, supplierOrganisationId: w.supplier.id });
  await db.auditLog.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      actorUserId: w.users.officerA.id,
      organisationId: w.councilA.id,
      action: i === 0 ? "contract.create" : "contract.import_update",
      entityType: "Contract",
      entityId: contract.id,
      createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
      details: { changes: [{ field: "title", label: "Title", from: `T${i}`, to: `T${i + 1}` }] },
    })),
  });
  return contract;
}

const mentionsOlder = (html: string) =>
  html.includes("Older changes, the contract’s registration among them");

describe("a contract's history of changes", () => {
  it("says that older changes are left out when there are more than it lists", async () => {
    const contract = await contractWithChanges(HISTORY_LIMIT + 1);
    const html = (await (await renderPage(`/contracts/${contract.id}`, w.officer)).text()).replace(
      /<!-- -->/g,
      "",
    );
    expect(mentionsOlder(html)).toBe(true);
    expect(html).toContain(`The latest ${HISTORY_LIMIT} changes are shown`);
    expect(html).not.toContain("Contract registered");
  });

  it("says nothing of the kind when every change is listed", async () => {
    const contract = await contractWithChanges(HISTORY_LIMIT);
    const html = await (await renderPage(`/contracts/${contract.id}`, w.officer)).text();
    expect(mentionsOlder(html)).toBe(false);
    expect(html).toContain("Contract registered");
  });
});
