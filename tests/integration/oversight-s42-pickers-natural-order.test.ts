// The audit log's Organisation filter listed "Northshire Small Business 1 Ltd, 10, 11, … 2, 20": the database orders
// names as text. It, and the other pickers of organisations (the councils on the registration and request forms,
// and those without an admin on the platform admin's page), now list names as people read them: 2 before 10.
import { beforeAll, describe, expect, it } from "vitest";
import { auditFilterOptions } from "~/domain/audit/audit-log.server.ts";
import { writeAudit } from "~/domain/audit/audit.server.ts";
import { councilsWithoutAdmin, listCouncils } from "~/domain/accounts/organisations.server.ts";
import { requestFormOptions } from "~/domain/marketplace/requests.server.ts";
import { createCouncil, createOrganisation, createWorld } from "../helpers/factories.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
const NUMBERS = [1, 2, 10, 11, 3, 20];
const businesses = NUMBERS.map((n) => `Northshire Small Business ${n} Ltd`);
const councils = NUMBERS.map((n) => `Picker Borough ${n} Council`);
const inNumberOrder = (names: string[]) =>
  [...names].sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]));
const ours = (names: string[], prefix: string) => names.filter((name) => name.startsWith(prefix));

beforeAll(async () => {
  world = await createWorld();
  for (const name of businesses) {
    const organisation = await createOrganisation({ kind: "SUPPLIER", councilId: world.councilA.id, name });
    await writeAudit({
      actorUserId: world.users.councilAdmin.id,
      organisationId: world.councilA.id,
      actorOrganisationId: organisation.id,
      action: "organisation.verify",
      entityType: "Organisation",
      entityId: organisation.id,
    });
  }
  // councils with no admin, verified, so every council picker offers them
  for (const name of councils) await createCouncil({ name });
});

describe("pickers of organisations", () => {
  it("list the audit log's organisations in number order", async () => {
    const { organisations } = await auditFilterOptions(world.councilA.id, false);
    const names = ours(
      organisations.map((o) => o.name),
      "Northshire Small Business",
    );
    expect(names).toEqual(inNumberOrder(businesses));
  });

  it("list the councils of the registration and request forms, and those without an admin, in number order", async () => {
    const expected = inNumberOrder(councils);
    expect(
      ours(
        (await listCouncils()).map((c) => c.name),
        "Picker Borough",
      ),
    ).toEqual(expected);
    expect(
      ours(
        (await requestFormOptions()).map((c) => c.name),
        "Picker Borough",
      ),
    ).toEqual(expected);
    expect(
      ours(
        (await councilsWithoutAdmin()).map((c) => c.name),
        "Picker Borough",
      ),
    ).toEqual(expected);
  });
});
