// Names and addresses compared "in any case" mean themselves. Prisma's insensitive `equals` is an ILIKE, which read
// "_" as any one character and "%" as anything: "Ab council" made "A_ council" look taken, and a name with "%"
// clashed with every other; deleting j_smith's account erased jasmith's survey contact details. Each check below still ignores case, and no longer reads the text as a pattern.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { action as deleteAccountAction } from "~/routes/account.delete.tsx";
import { action as adminCouncilsAction } from "~/routes/admin.councils.tsx";
import { action as categoriesAction } from "~/routes/council.categories.tsx";
import { loader as contractsLoader } from "~/routes/contracts._index.tsx";
import { action as districtsAction } from "~/routes/council.districts.tsx";
import {
  createCategory,
  createContract,
  createCouncil,
  createDistrict,
  createOrganisation,
  createSurveyCycle,
  createSurveyResponse,
  createUser,
  createWorld,
  sessionCookieFor,
  TEST_PASSWORD,
  unique,
} from "../helpers/factories.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let officer: string;
let platformAdmin: string;

beforeAll(async () => {
  world = await createWorld();
  officer = await sessionCookieFor(world.users.officerA.id);
  platformAdmin = await sessionCookieFor(world.users.platformAdmin.id);
});

afterAll(() => closeRateLimits());

// "Ab …" and the same with its "b" as "_" (or everything after "Ab" as "%", long enough for a council's name): the
// same to an ILIKE, not to a reader
const lookalikes = (name: string) => [name.replace("Ab", "A_"), name.replace(/(?<=^Ab).*$/, "%")];

describe("adding a council", () => {
  it("takes a name that only matches another as a pattern, and still refuses one in another case", async () => {
    const taken = await createCouncil({ name: unique("Ab Council") });
    const add = (name: string) =>
      callAction(adminCouncilsAction, {
        path: "/admin/councils",
        cookie: platformAdmin,
        form: { intent: "create-council", name, adminEmail: `${unique("admin")}@example.test` },
      });
    for (const name of lookalikes(taken.name)) {
      expect((await add(name)).status).toBe(302);
      expect(await db.organisation.count({ where: { kind: "COUNCIL", name } })).toBe(1);
    }
    const clash = await add(taken.name.toUpperCase());
    expect(clash.status).toBe(400);
    expect(JSON.stringify(await clash.json())).toContain("A council with this name already exists");
  });
});

describe("renaming a category", () => {
  it("takes a name that only matches another as a pattern, and still refuses one in another case", async () => {
    const taken = await createCategory(world.councilA.id, unique("Ab food"));
    const rename = async (name: string) => {
      const category = await createCategory(world.councilA.id);
      const response = await callAction(categoriesAction, {
        path: "/",
        cookie: officer,
        form: { intent: "update", id: category.id, name },
      });
      return { response, category };
    };
    for (const name of lookalikes(taken.name)) {
      const { response, category } = await rename(name);
      expect(response.status).toBe(302);
      expect((await db.category.findUniqueOrThrow({ where: { id: category.id } })).name).toBe(name);
    }
    const { response } = await rename(taken.name.toUpperCase());
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain("There is already a category with that name");
  });
});

describe("adding and renaming a district", () => {
  it("takes a name that only matches another as a pattern, and still refuses one in another case", async () => {
    const taken = await createDistrict(world.councilA.id, unique("Ab riverside"));
    const add = (name: string) =>
      callAction(districtsAction, {
        path: "/",
        cookie: officer,
        form: { intent: "add", name, postcodeAreas: "GU7" },
      });
    const [added, renamed] = lookalikes(taken.name);
    expect((await add(added)).status).toBe(302);
    expect(await db.district.count({ where: { councilId: world.councilA.id, name: added } })).toBe(1);

    const other = await createDistrict(world.councilA.id, undefined, ["GU8"]);
    const rename = (name: string) =>
      callAction(districtsAction, {
        path: "/",
        cookie: officer,
        form: { intent: "update", id: other.id, name, postcodeAreas: "GU8" },
      });
    expect((await rename(renamed)).status).toBe(302);
    expect((await db.district.findUniqueOrThrow({ where: { id: other.id } })).name).toBe(renamed);

    const clash = await add(taken.name.toUpperCase());
    expect(clash.status).toBe(400);
    expect(JSON.stringify(await clash.json())).toContain("There is already a district with that name");
  });
});

describe("deleting an account", () => {
  it("erases the person's address from the survey, not an address that only matches it as a pattern", async () => {
    const cycle = await createSurveyCycle({ councilId: world.councilA.id, year: 2031 });
    const tag = unique("smith");
    const person = await createUser({ email: `j_${tag}@example.test` });
    const other = `ja${tag}@example.test`;
    const business = await createOrganisation({ kind: "SUPPLIER", councilId: world.councilA.id });
    const response = await createSurveyResponse({
      cycleId: cycle.id,
      organisationId: business.id,
      contactConsentAnswer: "YES",
    });
    await db.surveyResponse.update({
      where: { id: response.id },
      data: { contactName: "Jas Smith", contactEmail: other },
    });
    const invitation = await db.surveyInvitation.create({
      data: { cycleId: cycle.id, organisationId: business.id, email: other, tokenHash: unique("hash") },
    });

    const deleted = await callAction(deleteAccountAction, {
      path: "/account/delete",
      cookie: await sessionCookieFor(person.id),
      form: { currentPassword: TEST_PASSWORD },
    });
    expect(deleted.status).toBe(302);
    expect(await db.user.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({
      deletedAt: expect.any(Date),
    });
    expect(
      await db.surveyResponse.findUniqueOrThrow({
        where: { id: response.id },
        select: { contactName: true, contactEmail: true, contactConsent: true },
      }),
    ).toEqual({ contactName: "Jas Smith", contactEmail: other, contactConsent: true });
    expect((await db.surveyInvitation.findUniqueOrThrow({ where: { id: invitation.id } })).email).toBe(other);
  });
});

describe("searching contracts", () => {
  it("finds the reference typed, in any case, not every reference it matches as a pattern", async () => {
    const tag = unique("LIT");
    for (const reference of [`${tag}-A1`, `${tag}-_1`])
      await createContract({
        councilId: world.councilA.id,
        supplierOrganisationId: world.supplier.id,
        reference,
      });
    const found = async (q: string) => {
      const page = await callLoader(contractsLoader, {
        path: `/contracts?q=${encodeURIComponent(q)}`,
        cookie: officer,
      });
      const { contracts } = await jsonOf<{ contracts: { reference: string }[] }>(page);
      return contracts.map((c) => c.reference).sort();
    };
    expect(await found(`${tag}-_1`)).toEqual([`${tag}-_1`]);
    expect(await found(`${tag}-%`)).toEqual([]);
    expect(await found(tag.toLowerCase())).toEqual([`${tag}-A1`, `${tag}-_1`].sort());
  });
});
