// What deleting an account would mean (the delete page, and the deletion again under its locks) was worked out with
// up to six queries for each of the person's organisations, so the deletion of the last member of many organisations
// spent most of its transaction asking. It now asks once for each kind of thing for all of them: as many queries for
// one organisation as for eight, with the same plan as before (the other deletion tests check what it says).
import { describe, expect, it } from "vitest";
import { db, type Tx } from "~/db.server.ts";
import { planAccountDeletion } from "~/domain/accounts/deletion.server.ts";
import {
  addMember,
  createCategory,
  createCouncil,
  createMember,
  createOrganisation,
  createPledge,
  createRequest,
  createUser,
} from "../helpers/factories.ts";

/** The plan, worked out in a transaction whose every query (model or raw) is counted. */
async function planCounted(userId: string) {
  let queries = 0;
  const counted = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(object, property) {
        const value: unknown = Reflect.get(object, property);
        if (typeof value === "function")
          return (...args: unknown[]) => {
            queries++;
            return (value as (...a: unknown[]) => unknown).apply(object, args);
          };
        return value;
      },
    });
  const plan = await db.$transaction((tx) =>
    planAccountDeletion(
      userId,
      new Proxy(tx, {
        get(object, property) {
          const value: unknown = Reflect.get(object, property);
          if (typeof value === "object" && value !== null) return counted(value);
          if (typeof value === "function" && String(property).startsWith("$query"))
            return counted({ run: value.bind(object) }).run;
          return value;
        },
      }) as Tx,
    ),
  );
  return { plan, queries };
}

describe("working out what deleting an account would mean", () => {
  it("asks as many queries for eight organisations as for one", async () => {
    const council = await createCouncil();
    const category = await createCategory(council.id);
    const supplier = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });

    const few = await createUser();
    await addMember((await createOrganisation({ kind: "VCSE", councilId: council.id })).id, few.id, "OWNER");

    const many = await createUser();
    for (let i = 0; i < 8; i++) {
      const organisation = await createOrganisation({
        kind: i % 2 ? "SUPPLIER" : "VCSE",
        councilId: council.id,
      });
      await addMember(organisation.id, many.id, "OWNER");
      // some with colleagues, some with open requests, one with an accepted pledge waiting on it
      if (i % 3 === 0) await createMember(organisation.id, "MEMBER");
      if (i % 2 === 0) {
        const need = await createRequest({
          councilId: council.id,
          organisationId: organisation.id,
          categoryId: category.id,
        });
        await createPledge({
          requestId: need.id,
          supplierOrganisationId: supplier.id,
          status: i === 2 ? "ACCEPTED" : "OFFERED",
        });
      }
    }

    const one = await planCounted(few.id);
    const eight = await planCounted(many.id);
    expect(one.plan.leftEmpty).toHaveLength(1);
    // 0, 3 and 6 have colleagues (the person the last owner: blocked); 2 has a pledge waiting on it
    expect(eight.plan.blocks).toHaveLength(4);
    expect(eight.plan.leftEmpty).toHaveLength(4);
    expect(eight.queries).toBe(one.queries);
  });
});
