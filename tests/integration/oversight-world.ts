// The records the tests of "Contracts awarded in the last 12 months" start from: a council of their own with an
// officer signed in and a supplier, contracts added as each test needs them; and the contracts list the
// dashboard's figure links to, as that officer sees it.
import { loader as contractsLoader } from "~/routes/contracts._index.tsx";
import { links } from "~/ui/charts/record-links.ts";
import {
  createContract,
  createCouncil,
  createMember,
  createOrganisation,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

type ContractFields = Omit<Parameters<typeof createContract>[0], "councilId" | "supplierOrganisationId">;

export async function createAwardedWorld() {
  const council = await createCouncil();
  const cookie = await sessionCookieFor((await createMember(council.id, "OFFICER")).id);
  const supplier = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
  /** A contract of the council's, held by the supplier. */
  const contract = (fields: ContractFields) =>
    createContract({ councilId: council.id, supplierOrganisationId: supplier.id, ...fields });
  return { council, cookie, supplier, contract };
}

/** The contracts list "Contracts awarded in the last 12 months" links to, for the figure's `since`. */
export async function awardedContractsList(cookie: string, since: Date) {
  const path = links.awardedContracts(since.toISOString().slice(0, 10));
  return jsonOf<{ total: number; contracts: { reference: string }[] }>(
    await callLoader(contractsLoader, { path, cookie }),
  );
}
