import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as categoriesAction, loader as categoriesLoader } from "~/routes/council.categories.tsx";
import { action as districtsAction } from "~/routes/council.districts.tsx";
import { loader as matchingLoader } from "~/routes/matching.tsx";
import { loader as myRequestsLoader } from "~/routes/my-requests.tsx";
import { loader as pledgesLoader } from "~/routes/pledges._index.tsx";
import { action as savedAction, loader as savedLoader } from "~/routes/saved-searches.tsx";
import {
  addMember,
  createCategory,
  createCommitment,
  createContract,
  createDistrict,
  createMeasure,
  createMember,
  createOrganisation,
  createPledge,
  createRequest,
  createReturn,
  createSupplierWithCommitment,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  world = await createWorld();
  for (const [name, user] of Object.entries(world.users)) cookies[name] = await sessionCookieFor(user.id);
});

describe("requests that fit your open commitments", () => {
  it("ranks open requests of the supplier's councils whose help type counts towards a commitment with target left", async () => {
    const measure = await createMeasure({
      councilId: world.councilA.id,
      contributingHelpTypes: ["VOLUNTEERING"],
    });
    const contract = await createContract({
      councilId: world.councilA.id,
      supplierOrganisationId: world.supplier.id,
    });
    await createCommitment({ contractId: contract.id, measureId: measure.id, targetQuantity: 50 });
    const base = {
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
    };
    const soon = await createRequest({
      ...base,
      title: "Soon and near",
      districtId: world.district.id,
      neededBy: new Date(Date.now() + 5 * 86400000),
    });
    const later = await createRequest({
      ...base,
      title: "Later",
      neededBy: new Date(Date.now() + 90 * 86400000),
    });
    await createRequest({ ...base, title: "Funding need", helpType: "FUNDING" });
    await createRequest({ ...base, title: "Closed need", status: "FULFILLED" });

    const response = await callLoader(matchingLoader, { path: "/matching", cookie: cookies.supplierOwner });
    const data = await jsonOf<{ matches: { request: { id: string; title: string }; reasons: string[] }[] }>(
      response,
    );
    expect(data.matches.map((m) => m.request.id)).toEqual([soon.id, later.id]);
    expect(data.matches[0].reasons[0]).toContain(measure.name);
    // what the page shows, not who posted the request nor any council's id
    expect(data.matches[0].request).toEqual({
      id: soon.id,
      title: "Soon and near",
      helpType: "VOLUNTEERING",
      category: world.category.name,
      council: world.councilA.name,
      need: { label: "Still needed", figure: "20 hours", rest: ", none pledged yet" },
      neededBy: soon.neededBy.toISOString(),
    });
    expect(JSON.stringify(data)).not.toMatch(/organisationId|councilId/);

    const other = await jsonOf<{ matches: unknown[] }>(
      await callLoader(matchingLoader, { path: "/matching", cookie: cookies.otherSupplierOwner }),
    );
    expect(other.matches).toEqual([]);
    expect((await callLoader(matchingLoader, { path: "/matching", cookie: cookies.vcseOwner })).status).toBe(
      404,
    );
  });

  it("finds the best fit among every open request, not only the soonest-closing few hundred", async () => {
    const { cookie } = await createSupplierWithCommitment({
      councilId: world.councilA.id,
      helpTypes: ["WORK_PLACEMENT"],
      target: 1000,
      registeredPostcode: "ZZ9 9ZZ",
    });
    const soon = new Date(Date.now() + 5 * 86400000);
    await db.request.createMany({
      data: Array.from({ length: 620 }, (_, i) => ({
        councilId: world.councilA.id,
        organisationId: world.vcse.id,
        categoryId: world.category.id,
        title: `Placement ${i}`,
        description: "A work placement for a young person.",
        helpType: "WORK_PLACEMENT" as const,
        quantity: 1,
        status: "OPEN" as const,
        neededBy: soon,
        beneficiaries: "Young people",
        contactPreference: "Email",
        publishedAt: new Date(),
      })),
    });
    const nearButLate = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      helpType: "WORK_PLACEMENT",
      quantity: 1,
      title: "Placement near the supplier",
      neededBy: new Date(Date.now() + 120 * 86400000),
    });
    await db.request.update({ where: { id: nearButLate.id }, data: { postcodeArea: "ZZ9" } });

    const data = await jsonOf<{ matches: { request: { id: string } }[] }>(
      await callLoader(matchingLoader, { path: "/matching", cookie }),
    );
    expect(data.matches).toHaveLength(25);
    expect(data.matches[0].request.id).toBe(nearButLate.id);
    // leave the marketplace as the other tests expect it
    await db.request.updateMany({ where: { helpType: "WORK_PLACEMENT" }, data: { status: "WITHDRAWN" } });
  });
});

describe("requests already pledged to", () => {
  it("are not suggested again while the supplier's pledge holds its share; a withdrawn pledge or another supplier's does not hide one", async () => {
    const { supplier, cookie } = await createSupplierWithCommitment({
      councilId: world.councilA.id,
      helpTypes: ["EXPERTISE"],
      target: 500,
    });
    const request = (title: string) =>
      createRequest({
        councilId: world.councilA.id,
        organisationId: world.vcse.id,
        categoryId: world.category.id,
        helpType: "EXPERTISE",
        quantity: 20,
        title,
      });
    const offered = await request("Pledged and on offer");
    const confirmed = await request("Pledged and delivered");
    const withdrawn = await request("Pledged, then withdrawn");
    const othersPledge = await request("Pledged by another supplier");
    const untouched = await request("Not pledged to");
    const pledge = (requestId: string, status: "OFFERED" | "CONFIRMED" | "WITHDRAWN", by = supplier.id) =>
      createPledge({ requestId, supplierOrganisationId: by, status, quantity: 1 });
    await pledge(offered.id, "OFFERED");
    await pledge(confirmed.id, "CONFIRMED");
    await pledge(withdrawn.id, "WITHDRAWN");
    await pledge(othersPledge.id, "OFFERED", world.otherSupplier.id);

    const data = await jsonOf<{ matches: { request: { id: string } }[] }>(
      await callLoader(matchingLoader, { path: "/matching", cookie }),
    );
    const shown = data.matches.map((m) => m.request.id);
    expect(shown).toEqual(expect.arrayContaining([withdrawn.id, othersPledge.id, untouched.id]));
    expect(shown).not.toContain(offered.id);
    expect(shown).not.toContain(confirmed.id);
    const ours = [offered, confirmed, withdrawn, othersPledge, untouched].map((r) => r.id);
    await db.request.updateMany({ where: { id: { in: ours } }, data: { status: "WITHDRAWN" } });
  });
});

describe("requests of a group the person belongs to", () => {
  it("are not suggested to them, since they may not pledge to those; their colleagues still see them", async () => {
    const supplier = await createOrganisation({ kind: "SUPPLIER", councilId: world.councilA.id });
    const volunteer = await createMember(supplier.id, "OWNER");
    const colleague = await createMember(supplier.id, "MEMBER");
    const group = await createOrganisation({ kind: "VCSE", councilId: world.councilA.id });
    await addMember(group.id, volunteer.id, "MEMBER");
    const measure = await createMeasure({ councilId: world.councilA.id, contributingHelpTypes: ["GOODS"] });
    const contract = await createContract({
      councilId: world.councilA.id,
      supplierOrganisationId: supplier.id,
    });
    await createCommitment({ contractId: contract.id, measureId: measure.id, targetQuantity: 500 });
    const theirs = await createRequest({
      councilId: world.councilA.id,
      organisationId: group.id,
      categoryId: world.category.id,
      helpType: "GOODS",
      quantity: 5,
      title: "Posted by the volunteer's own group",
    });
    const shown = async (userId: string) =>
      (
        await jsonOf<{ matches: { request: { id: string } }[] }>(
          await callLoader(matchingLoader, { path: "/matching", cookie: await sessionCookieFor(userId) }),
        )
      ).matches.map((m) => m.request.id);
    expect(await shown(volunteer.id)).not.toContain(theirs.id);
    expect(await shown(colleague.id)).toContain(theirs.id);
    await db.request.update({ where: { id: theirs.id }, data: { status: "WITHDRAWN" } });
  });
});

describe("why a request fits", () => {
  it("names the district's postcode areas near the supplier and a category that fits the measure's theme", async () => {
    const supplier = await createOrganisation({ kind: "SUPPLIER", councilId: world.councilA.id });
    await db.organisation.update({ where: { id: supplier.id }, data: { registeredPostcode: "ZZ8 1AA" } });
    const cookie = await sessionCookieFor((await createMember(supplier.id, "OWNER")).id);
    const measure = await createMeasure({
      councilId: world.councilA.id,
      theme: "ENVIRONMENT",
      contributingHelpTypes: ["EXPERTISE"],
    });
    const contract = await createContract({
      councilId: world.councilA.id,
      supplierOrganisationId: supplier.id,
    });
    await createCommitment({ contractId: contract.id, measureId: measure.id, targetQuantity: 50 });
    const district = await createDistrict(world.councilA.id, "Riverside", ["ZZ7", "ZZ8"]);
    const category = await createCategory(world.councilA.id, "Green spaces and climate");
    const request = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: category.id,
      districtId: district.id,
      helpType: "EXPERTISE",
      quantity: 10,
    });
    const data = await jsonOf<{ matches: { request: { id: string }; reasons: string[] }[] }>(
      await callLoader(matchingLoader, { path: "/matching", cookie }),
    );
    const match = data.matches.find((m) => m.request.id === request.id);
    expect(match?.reasons).toEqual(
      expect.arrayContaining([
        "Near you (ZZ8)",
        "Category “Green spaces and climate” fits your commitment's theme",
      ]),
    );
  });
});

describe("target left on a commitment", () => {
  it("is the target less delivery by the progress rule (accepted returns + confirmed pledges, once) and pledges in progress", async () => {
    const measure = await createMeasure({ councilId: world.councilA.id, contributingHelpTypes: ["GOODS"] });
    const contract = await createContract({
      councilId: world.councilA.id,
      supplierOrganisationId: world.supplier.id,
    });
    const commitment = await createCommitment({
      contractId: contract.id,
      measureId: measure.id,
      targetQuantity: 100,
    });
    const request = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      helpType: "GOODS",
      quantity: 500,
    });
    const pledge = (
      status: "CONFIRMED" | "ACCEPTED" | "OFFERED" | "DELIVERED" | "DISPUTED" | "DECLINED" | "WITHDRAWN",
      quantity: number,
    ) =>
      createPledge({
        requestId: request.id,
        supplierOrganisationId: world.supplier.id,
        commitmentId: commitment.id,
        status,
        quantity,
      });
    await pledge("CONFIRMED", 10); // delivered: counts once, through the progress rule
    await pledge("ACCEPTED", 5); // promised, not yet delivered
    await pledge("OFFERED", 3); // promised, not yet delivered
    await pledge("DELIVERED", 2); // reported, waiting for the requestor
    await pledge("DISPUTED", 1); // to be put right or confirmed
    await pledge("DECLINED", 40); // not counted at all
    await pledge("WITHDRAWN", 30); // not counted at all
    const accepted = await createReturn({ contractId: contract.id, status: "ACCEPTED" });
    await db.kpiReturnLine.create({
      data: { returnId: accepted.id, commitmentId: commitment.id, quantity: 20 },
    });
    const submitted = await createReturn({ contractId: contract.id, quarter: 2, status: "SUBMITTED" });
    await db.kpiReturnLine.create({
      data: { returnId: submitted.id, commitmentId: commitment.id, quantity: 7 }, // not accepted: not delivery
    });

    const data = await jsonOf<{ commitments: { id: string; remaining: number }[] }>(
      await callLoader(matchingLoader, { path: "/matching", cookie: cookies.supplierOwner }),
    );
    // 100 − (20 accepted + 10 confirmed) − (5 + 3 + 2 + 1 in progress)
    expect(data.commitments.find((c) => c.id === commitment.id)?.remaining).toBe(59);
  });
});

describe("the commitments a supplier is shown", () => {
  it("name their contract and unit, and leave out a contract past its end date that was never marked ended", async () => {
    const supplier = await createOrganisation({
      kind: "SUPPLIER",
      councilId: world.councilA.id,
      name: "Ended Works Ltd",
    });
    const owner = await createMember(supplier.id, "OWNER");
    const measure = await createMeasure({
      councilId: world.councilA.id,
      name: "Volunteering hours",
      unit: "HOURS",
      contributingHelpTypes: ["VOLUNTEERING"],
    });
    const running = await createContract({
      councilId: world.councilA.id,
      supplierOrganisationId: supplier.id,
      reference: "RUN-1",
      title: "Highways maintenance",
    });
    const ended = await createContract({
      councilId: world.councilA.id,
      supplierOrganisationId: supplier.id,
      reference: "OLD-1",
      title: "School catering",
      startDate: new Date("2024-04-01"),
      endDate: new Date(Date.now() - 2 * 86_400_000),
    });
    const kept = await createCommitment({
      contractId: running.id,
      measureId: measure.id,
      targetQuantity: 40,
    });
    await createCommitment({ contractId: ended.id, measureId: measure.id, targetQuantity: 40 });
    const cookie = await sessionCookieFor(owner.id);
    const data = await jsonOf<{ commitments: { id: string; contract: string }[] }>(
      await callLoader(matchingLoader, { path: "/matching", cookie }),
    );
    expect(data.commitments.map((c) => [c.id, c.contract])).toEqual([
      [kept.id, "RUN-1 Highways maintenance"],
    ]);
    const html = await (await renderPage("/matching", cookie)).text();
    expect(html).toContain("RUN-1 Highways maintenance");
    expect(html).toContain("40 hours");
    expect(html).not.toContain("OLD-1");
  });
});

describe("saved searches", () => {
  it("saves the current filters, lists them for their owner only, toggles the email and deletes", async () => {
    const saved = await callAction(savedAction, {
      path: "/saved-searches",
      cookie: cookies.supplierOwner,
      form: {
        intent: "create",
        name: "Laptops",
        query: "q=laptops&helpType=GOODS&page=3&helpType=nonsense",
        emailDigest: "on",
      },
    });
    expect(saved.status).toBe(302);
    const row = await db.savedSearch.findFirstOrThrow({ where: { userId: world.users.supplierOwner.id } });
    expect(row.filters).toEqual({ q: "laptops", helpType: "GOODS" });
    expect(row.emailDigest).toBe(true);

    const mine = await jsonOf<{ searches: { id: string; link: string }[] }>(
      await callLoader(savedLoader, { path: "/", cookie: cookies.supplierOwner }),
    );
    expect(mine.searches).toEqual([
      expect.objectContaining({ id: row.id, link: "/requests?q=laptops&helpType=GOODS" }),
    ]);
    const theirs = await jsonOf<{ searches: unknown[] }>(
      await callLoader(savedLoader, { path: "/", cookie: cookies.supplierMember }),
    );
    expect(theirs.searches).toEqual([]);

    const stolen = await callAction(savedAction, {
      path: "/",
      cookie: cookies.otherSupplierOwner,
      form: { intent: "delete", id: row.id },
    });
    expect(stolen.status).toBe(404);
    await callAction(savedAction, {
      path: "/",
      cookie: cookies.supplierOwner,
      form: { intent: "digest", id: row.id },
    });
    expect((await db.savedSearch.findUniqueOrThrow({ where: { id: row.id } })).emailDigest).toBe(false);
    await callAction(savedAction, {
      path: "/",
      cookie: cookies.supplierOwner,
      form: { intent: "delete", id: row.id },
    });
    expect(await db.savedSearch.count({ where: { id: row.id } })).toBe(0);

    const nameless = await callAction(savedAction, {
      path: "/",
      cookie: cookies.supplierOwner,
      form: { intent: "create", name: "", query: "q=x" },
    });
    expect(nameless.status).toBe(400);
  });
});

describe("council categories and districts", () => {
  it("lets an officer add, rename and retire categories of their own council only", async () => {
    const add = await callAction(categoriesAction, {
      path: "/",
      cookie: cookies.officerA,
      form: { intent: "add", name: "Food poverty" },
    });
    expect(add.status).toBe(302);
    const category = await db.category.findFirstOrThrow({
      where: { councilId: world.councilA.id, name: "Food poverty" },
    });
    const dup = await callAction(categoriesAction, {
      path: "/",
      cookie: cookies.officerA,
      form: { intent: "add", name: "food POVERTY" },
    });
    expect(dup.status).toBe(400);
    expect((await dup.json()).error).toEqual({ name: ["There is already a category with that name"] });
    await callAction(categoriesAction, {
      path: "/",
      cookie: cookies.officerA,
      form: {
        intent: "update",
        id: category.id,
        name: "Food and fuel poverty",
        description: "Food banks, community fridges and warm spaces",
      },
    });
    const editing = await jsonOf<{ editing: { id: string } | null }>(
      await callLoader(categoriesLoader, { path: `/?edit=${category.id}`, cookie: cookies.officerA }),
    );
    expect(editing.editing?.id).toBe(category.id);
    const foreignEdit = await callAction(categoriesAction, {
      path: "/",
      cookie: cookies.officerB,
      form: { intent: "update", id: category.id, name: "Taken over" },
    });
    expect(foreignEdit.status).toBe(400);
    await callAction(categoriesAction, {
      path: "/",
      cookie: cookies.officerA,
      form: { intent: "toggle", id: category.id },
    });
    expect(await db.category.findUniqueOrThrow({ where: { id: category.id } })).toMatchObject({
      name: "Food and fuel poverty",
      description: "Food banks, community fridges and warm spaces",
      active: false,
    });

    const foreign = await callAction(categoriesAction, {
      path: "/",
      cookie: cookies.officerB,
      form: { intent: "toggle", id: category.id },
    });
    expect(foreign.status).toBe(400);
    expect((await foreign.json()).error).toEqual({ "": ["That category no longer exists"] });
    expect((await db.category.findUniqueOrThrow({ where: { id: category.id } })).active).toBe(false);
    for (const cookie of [cookies.vcseOwner, cookies.supplierOwner])
      expect((await callLoader(categoriesLoader, { path: "/", cookie })).status).toBe(404);
  });

  it("adds districts with their postcode areas and validates them", async () => {
    const bad = await callAction(districtsAction, {
      path: "/",
      cookie: cookies.officerA,
      form: { intent: "add", name: "Woking", postcodeAreas: "not a postcode!" },
    });
    expect(bad.status).toBe(400);
    await callAction(districtsAction, {
      path: "/",
      cookie: cookies.officerA,
      form: { intent: "add", name: "Woking", postcodeAreas: "gu21, GU22 GU24" },
    });
    expect(
      (await db.district.findFirstOrThrow({ where: { councilId: world.councilA.id, name: "Woking" } }))
        .postcodeAreas,
    ).toEqual(["GU21", "GU22", "GU24"]);

    const woking = await db.district.findFirstOrThrow({
      where: { councilId: world.councilA.id, name: "Woking" },
    });
    const badChange = await callAction(districtsAction, {
      path: "/",
      cookie: cookies.officerA,
      form: { intent: "update", id: woking.id, name: "Woking borough", postcodeAreas: "GU21, nope" },
    });
    expect(badChange.status).toBe(400);
    const badBody = await jsonOf<{ error: Record<string, string[]>; initialValue: Record<string, string> }>(
      badChange,
    );
    expect(badBody.error.postcodeAreas).toEqual([
      "“nope” is not a postcode area: list postcode areas like GU1, GU2",
    ]);
    expect(badBody.initialValue.name).toBe("Woking borough");
    const foreign = await callAction(districtsAction, {
      path: "/",
      cookie: cookies.officerB,
      form: { intent: "update", id: woking.id, name: "Elsewhere" },
    });
    expect(foreign.status).toBe(400);
    const changed = await callAction(districtsAction, {
      path: "/",
      cookie: cookies.officerA,
      form: { intent: "update", id: woking.id, name: "Woking borough", postcodeAreas: "GU21 GU22 GU23" },
    });
    expect(changed.status).toBe(302);
    expect(await db.district.findUniqueOrThrow({ where: { id: woking.id } })).toMatchObject({
      name: "Woking borough",
      postcodeAreas: ["GU21", "GU22", "GU23"],
    });
    expect(await db.auditLog.count({ where: { entityId: woking.id, action: "district.update" } })).toBe(1);
  });
});

describe("an organisation's own lists", () => {
  it("pages a supplier's pledges and filters them by state, showing only its own", async () => {
    const supplier = await createOrganisation({ kind: "SUPPLIER", councilId: world.councilA.id });
    const cookie = await sessionCookieFor((await createMember(supplier.id, "OWNER")).id);
    const need = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      quantity: 1000,
    });
    for (let i = 0; i < 30; i++)
      await createPledge({
        requestId: need.id,
        supplierOrganisationId: supplier.id,
        quantity: 1,
        status: i < 4 ? "CONFIRMED" : "OFFERED",
      });
    await createPledge({ requestId: need.id, supplierOrganisationId: world.supplier.id, quantity: 1 });
    type Page = {
      pledges: { id: string }[];
      total: number;
      pageCount: number;
      byStatus: Record<string, number>;
    };
    const first = await jsonOf<Page>(await callLoader(pledgesLoader, { path: "/pledges", cookie }));
    expect(first).toMatchObject({ total: 30, pageCount: 2, byStatus: { OFFERED: 26, CONFIRMED: 4 } });
    expect(first.pledges).toHaveLength(25);
    const second = await jsonOf<Page>(await callLoader(pledgesLoader, { path: "/pledges?page=2", cookie }));
    expect(second.pledges).toHaveLength(5);
    expect(new Set([...first.pledges, ...second.pledges].map((p) => p.id)).size).toBe(30);
    const confirmed = await jsonOf<Page>(
      await callLoader(pledgesLoader, { path: "/pledges?status=CONFIRMED", cookie }),
    );
    expect(confirmed).toMatchObject({ total: 4, pageCount: 1 });
    const nonsense = await jsonOf<Page>(
      await callLoader(pledgesLoader, { path: "/pledges?status=NOPE", cookie }),
    );
    expect(nonsense.total).toBe(30);
  });

  it("pages a VCSE's own requests", async () => {
    const vcse = await createOrganisation({ kind: "VCSE", councilId: world.councilA.id });
    const cookie = await sessionCookieFor((await createMember(vcse.id, "OWNER")).id);
    for (let i = 0; i < 27; i++)
      await createRequest({
        councilId: world.councilA.id,
        organisationId: vcse.id,
        categoryId: world.category.id,
        status: "DRAFT",
      });
    type Page = { requests: { id: string }[]; total: number; pageCount: number };
    const first = await jsonOf<Page>(await callLoader(myRequestsLoader, { path: "/my-requests", cookie }));
    expect(first).toMatchObject({ total: 27, pageCount: 2 });
    expect(first.requests).toHaveLength(25);
    const second = await jsonOf<Page>(
      await callLoader(myRequestsLoader, { path: "/my-requests?page=2", cookie }),
    );
    expect(second.requests).toHaveLength(2);
  });
});

describe("a saved search naming a category or council that no longer exists", () => {
  it("is marked as needing an update, naming what was not found; one naming a retired category is not", async () => {
    const gone = await createCategory(world.councilA.id);
    const retired = await createCategory(world.councilA.id);
    const owner = { userId: world.users.supplierMember.id, organisationId: world.supplier.id };
    const stale = await db.savedSearch.create({
      data: { ...owner, name: "Stale", filters: { council: "nosuchcouncil", category: gone.id } },
    });
    const kept = await db.savedSearch.create({
      data: { ...owner, name: "Kept", filters: { category: retired.id } },
    });
    await db.category.delete({ where: { id: gone.id } });
    await db.category.update({ where: { id: retired.id }, data: { active: false } });

    const { searches } = await jsonOf<{ searches: { id: string; link: string; notFound: string[] }[] }>(
      await callLoader(savedLoader, { path: "/saved-searches", cookie: cookies.supplierMember }),
    );
    expect(searches).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: stale.id,
          notFound: ["council", "category"],
          link: `/requests?category=${gone.id}&council=nosuchcouncil`, // opens the list, which says so
        }),
        expect.objectContaining({ id: kept.id, notFound: [] }),
      ]),
    );
  });

  it("is shown as one that cannot be opened when its stored filters cannot be read, not as a search for everything", async () => {
    const damaged = await db.savedSearch.create({
      data: {
        userId: world.users.supplierMember.id,
        organisationId: world.supplier.id,
        name: "Damaged search",
        filters: ["q", "bilby"],
      },
    });
    const { searches } = await jsonOf<{ searches: { id: string; link: string | null }[] }>(
      await callLoader(savedLoader, { path: "/saved-searches", cookie: cookies.supplierMember }),
    );
    expect(searches.find((s) => s.id === damaged.id)).toMatchObject({ link: null, notFound: [] });
    const page = await renderPage("/saved-searches", cookies.supplierMember);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Cannot be opened:");
    expect(html).not.toMatch(/<a [^>]*>Damaged search<\/a>/);
  });
});
