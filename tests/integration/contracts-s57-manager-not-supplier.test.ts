// A supplier's owner, invited as a council officer, was offered as the contract manager of his own company's
// contract, whose returns a contract manager reviews. A contract manager who also works for the contract's supplier
// is refused beside the field (form and change), naming both; another officer is not.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as editAction } from "~/routes/contracts.$id.edit.tsx";
import { action as newAction } from "~/routes/contracts.new/route.tsx";
import { addMember, createContract, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { callAction, jsonOf } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let officer: string;

beforeAll(async () => {
  world = await createWorld();
  officer = await sessionCookieFor(world.users.officerA.id);
  // the supplier's owner works for the council too
  await addMember(world.councilA.id, world.users.supplierOwner.id, "OFFICER");
});

const form = (overrides: Record<string, string> = {}) => ({
  reference: `MGR-${Date.now() % 1_000_000}`,
  title: "Parks maintenance",
  supplierOrganisationId: world.supplier.id,
  department: "Environment",
  contractManagerId: world.users.supplierOwner.id,
  valueGbp: "120000",
  startDate: "2026-04-01",
  endDate: "2028-03-31",
  status: "ACTIVE",
  ...overrides,
});

type Reply = { error?: Record<string, string[]>; initialValue?: Record<string, string> };

describe("a contract manager who also works for the contract's supplier", () => {
  it("is refused when registering the contract, beside the field, the answers kept", async () => {
    const sent = form();
    const response = await callAction(newAction, { path: "/contracts/new", cookie: officer, form: sent });
    expect(response.status).toBe(400);
    const reply = await jsonOf<Reply>(response);
    const owner = await db.user.findUniqueOrThrow({ where: { id: world.users.supplierOwner.id } });
    expect(reply.error?.contractManagerId).toEqual([
      `${owner.name} also works for ${world.supplier.name}, the contract's supplier: choose a contract manager who does not`,
    ]);
    expect(reply.initialValue?.reference).toBe(sent.reference);
    expect(await db.contract.count({ where: { reference: sent.reference } })).toBe(0);
    // another officer manages it
    const ok = await callAction(newAction, {
      path: "/contracts/new",
      cookie: officer,
      form: { ...sent, contractManagerId: world.users.officerA.id },
    });
    expect(ok.status).toBe(302);
  });

  it("is refused when a contract's manager is changed to them", async () => {
    const contract = await createContract({
      councilId: world.councilA.id,
      supplierOrganisationId: world.supplier.id,
      contractManagerId: world.users.officerA.id,
    });
    const version = (
      await db.contract.findUniqueOrThrow({ where: { id: contract.id } })
    ).updatedAt.toISOString();
    const response = await callAction(editAction, {
      path: `/contracts/${contract.id}/edit`,
      params: { id: contract.id },
      cookie: officer,
      form: form({
        reference: contract.reference,
        title: contract.title,
        startDate: contract.startDate.toISOString().slice(0, 10),
        endDate: contract.endDate.toISOString().slice(0, 10),
        version,
      }),
    });
    expect(response.status).toBe(400);
    expect(Object.keys((await jsonOf<Reply>(response)).error ?? {})).toEqual(["contractManagerId"]);
    expect((await db.contract.findUniqueOrThrow({ where: { id: contract.id } })).contractManagerId).toBe(
      world.users.officerA.id,
    );
  });
});
