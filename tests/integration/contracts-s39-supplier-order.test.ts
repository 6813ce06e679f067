// The supplier list of the contract form (register and change) was in the database's order of text: "Supplier 10"
// before "Supplier 2", "Zeta" before "acme". It is now in the order the contract list's filter uses (compareNames).
import { beforeAll, describe, expect, it } from "vitest";
import { loader as newLoader } from "~/routes/contracts.new/route.tsx";
import { loader as editLoader } from "~/routes/contracts.$id.edit.tsx";
import {
  addMember,
  createContract,
  createCouncil,
  createOrganisation,
  createUser,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

const tag = Math.random().toString(36).slice(2, 8);
// suppliers of every council are offered: these are told apart from others' by the tag
const names = [`Zeta ${tag} Ltd`, `acme ${tag} ltd`, `Lot ${tag} 10`, `Lot ${tag} 2`, `Émile ${tag} Ltd`];
const expected = [`acme ${tag} ltd`, `Émile ${tag} Ltd`, `Lot ${tag} 2`, `Lot ${tag} 10`, `Zeta ${tag} Ltd`];
const managerNames = [`zoe ${tag}`, `Adam ${tag}`, `Team ${tag} 10`, `Team ${tag} 2`];
let cookie: string;
let contractId: string;

beforeAll(async () => {
  const council = await createCouncil({ name: `Supplier order council ${tag}` });
  const officer = await createUser({ name: `Officer ${tag}` });
  await addMember(council.id, officer.id, "OFFICER");
  for (const name of managerNames) await addMember(council.id, (await createUser({ name })).id, "OFFICER");
  cookie = await sessionCookieFor(officer.id);
  const suppliers = [];
  for (const name of names)
    suppliers.push(await createOrganisation({ kind: "SUPPLIER", councilId: council.id, name }));
  contractId = (await createContract({ councilId: council.id, supplierOrganisationId: suppliers[0]!.id })).id;
});

type Options = { suppliers: { label: string }[]; managers: { name: string }[] };
const ours = (options: Options) => options.suppliers.map((s) => s.label).filter((l) => l.includes(tag));

describe("the contract form's choices", () => {
  it("list suppliers and managers as people read names, when registering a contract", async () => {
    const options = await jsonOf<Options>(await callLoader(newLoader, { path: "/contracts/new", cookie }));
    expect(ours(options)).toEqual(expected);
    expect(options.managers.map((m) => m.name).filter((n) => n !== `Officer ${tag}`)).toEqual([
      `Adam ${tag}`,
      `Team ${tag} 2`,
      `Team ${tag} 10`,
      `zoe ${tag}`,
    ]);
  });

  it("list suppliers as people read names, when changing a contract", async () => {
    const options = await jsonOf<Options>(
      await callLoader(editLoader, {
        path: `/contracts/${contractId}/edit`,
        cookie,
        params: { id: contractId },
      }),
    );
    expect(ours(options)).toEqual(expected);
  });
});
