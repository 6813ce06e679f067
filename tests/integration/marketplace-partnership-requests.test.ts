// A council team's requests belong to that council: a partnership-wide officer of a partner council works there
// as an officer (moderation), never as the requestor (decision 011). Checked both ways round in one partnership.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as moderationAction } from "~/routes/council.moderation.$id.tsx";
import { loader as myRequestsLoader } from "~/routes/my-requests.tsx";
import { action as pledgeAction, loader as pledgeLoader } from "~/routes/pledges.$id.tsx";
import { loader as publicLoader } from "~/routes/requests.$id._index.tsx";
import { loader as editLoader } from "~/routes/requests.$id.edit.tsx";
import { action as manageAction, loader as manageLoader } from "~/routes/requests.$id.manage.tsx";
import { action as newRequestAction } from "~/routes/requests.new/route.tsx";
import {
  createCategory,
  createCouncil,
  createMember,
  createOrganisation,
  createPartnership,
  createPledge,
  createRequest,
  sessionCookieFor,
  unique,
} from "../helpers/factories.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";

type Side = {
  council: { id: string; name: string };
  category: { id: string };
  // a direct officer of this council
  officer: string;
  // a partnership-wide officer of the *other* council, switcher on this one
  partnerOfficer: string;
};

const sides: Record<"A" | "B", Side> = {} as Record<"A" | "B", Side>;
let supplierId: string;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function partnershipWideOfficer(councilId: string) {
  const user = await createMember(councilId, "OFFICER");
  await db.membership.updateMany({ where: { userId: user.id }, data: { partnershipWide: true } });
  return user;
}

beforeAll(async () => {
  const partnership = await createPartnership();
  const councilA = await createCouncil({ name: unique("Team A"), partnershipId: partnership.id });
  const councilB = await createCouncil({ name: unique("Team B"), partnershipId: partnership.id });
  supplierId = (await createOrganisation({ kind: "SUPPLIER", councilId: councilA.id })).id;
  const [sharedOfA, sharedOfB] = [
    await partnershipWideOfficer(councilA.id),
    await partnershipWideOfficer(councilB.id),
  ];
  const officerA = await createMember(councilA.id, "OFFICER");
  const officerB = await createMember(councilB.id, "OFFICER");
  sides.A = {
    council: councilA,
    category: await createCategory(councilA.id),
    officer: await sessionCookieFor(officerA.id),
    partnerOfficer: `${await sessionCookieFor(sharedOfB.id)}; svm_org=${councilA.id}`,
  };
  sides.B = {
    council: councilB,
    category: await createCategory(councilB.id),
    officer: await sessionCookieFor(officerB.id),
    partnerOfficer: `${await sessionCookieFor(sharedOfA.id)}; svm_org=${councilB.id}`,
  };
});

// a request posted by the council's own team, for itself, with an offered pledge
async function teamRequest(side: Side, status: "OPEN" | "SUBMITTED" = "OPEN") {
  const need = await createRequest({
    councilId: side.council.id,
    organisationId: side.council.id,
    categoryId: side.category.id,
    quantity: 10,
    status,
  });
  const pledge =
    status === "OPEN"
      ? await createPledge({ requestId: need.id, supplierOrganisationId: supplierId, quantity: 4 })
      : null;
  return { need, pledge };
}

describe.each(["A", "B"] as const)("a request posted by council %s's own team", (name) => {
  it("is managed, edited and its pledges accepted by that council's own officers", async () => {
    const side = sides[name];
    const { need, pledge } = await teamRequest(side);
    const manage = await callLoader(manageLoader, {
      path: "/",
      params: { id: need.id },
      cookie: side.officer,
    });
    expect(manage.status).toBe(200);
    const page = await jsonOf<{ isRequestor: boolean }>(
      await callLoader(publicLoader, { path: "/", params: { id: need.id }, cookie: side.officer }),
    );
    expect(page.isRequestor).toBe(true);
    const seen = await jsonOf<{ roles: string[] }>(
      await callLoader(pledgeLoader, { path: "/", params: { id: pledge!.id }, cookie: side.officer }),
    );
    expect(seen.roles).toEqual(["REQUESTOR"]);
    const accepted = await callAction(pledgeAction, {
      path: "/",
      params: { id: pledge!.id },
      cookie: side.officer,
      form: { intent: "accept" },
    });
    expect(accepted.status).toBe(302);
    expect((await db.pledge.findUniqueOrThrow({ where: { id: pledge!.id } })).status).toBe("ACCEPTED");
  });

  it("is not the partner council's officer's to manage, edit, withdraw or act on pledges (404)", async () => {
    const side = sides[name];
    const { need, pledge } = await teamRequest(side);
    const cookie = side.partnerOfficer;
    for (const loader of [manageLoader, editLoader]) {
      expect((await callLoader(loader, { path: "/", params: { id: need.id }, cookie })).status).toBe(404);
    }
    const withdrawn = await callAction(manageAction, {
      path: "/",
      params: { id: need.id },
      cookie,
      form: { intent: "withdraw" },
    });
    expect(withdrawn.status).toBe(404);
    expect((await callLoader(pledgeLoader, { path: "/", params: { id: pledge!.id }, cookie })).status).toBe(
      404,
    );
    const forms: Record<string, string>[] = [
      { intent: "accept" },
      { intent: "decline", reason: "Not needed" },
    ];
    for (const form of forms) {
      const refused = await callAction(pledgeAction, { path: "/", params: { id: pledge!.id }, cookie, form });
      expect(refused.status).toBe(404);
    }
    expect(await db.pledge.findUniqueOrThrow({ where: { id: pledge!.id } })).toMatchObject({
      status: "OFFERED",
    });
    expect(await db.request.findUniqueOrThrow({ where: { id: need.id } })).toMatchObject({ status: "OPEN" });
    // the public page: an officer of the request's council (through the partnership), not its requestor
    const page = await jsonOf<{ isRequestor: boolean; isOfficer: boolean }>(
      await callLoader(publicLoader, { path: "/", params: { id: need.id }, cookie }),
    );
    expect(page).toMatchObject({ isRequestor: false, isOfficer: true });
  });

  it("is still moderated by the partner council's officer, who works there as an officer", async () => {
    const side = sides[name];
    const { need } = await teamRequest(side, "SUBMITTED");
    const approved = await callAction(moderationAction, {
      path: "/",
      params: { id: need.id },
      cookie: side.partnerOfficer,
      form: { intent: "approve" },
    });
    expect(approved.status).toBe(302);
    expect((await db.request.findUniqueOrThrow({ where: { id: need.id } })).status).toBe("OPEN");
  });

  it("is not listed, nor posted, for the partner council by its officer while the switcher names it", async () => {
    const side = sides[name];
    const other = sides[name === "A" ? "B" : "A"];
    const { need } = await teamRequest(side);
    const list = await jsonOf<{ organisationName: string; requests: { id: string }[] }>(
      await callLoader(myRequestsLoader, { path: "/my-requests", cookie: side.partnerOfficer }),
    );
    // their own council's requests, named as such
    expect(list.organisationName).toBe(other.council.name);
    expect(list.requests.map((r) => r.id)).not.toContain(need.id);

    const title = unique("Posted by the shared officer");
    const posted = await callAction(newRequestAction, {
      path: "/requests/new",
      cookie: side.partnerOfficer,
      form: {
        title,
        description: "Volunteers to help at the community hall on Saturday mornings.",
        councilId: side.council.id,
        categoryId: side.category.id,
        helpType: "VOLUNTEERING",
        quantity: "6",
        isRemote: "on",
        neededBy: inDays(40),
      },
    });
    expect(posted.status).toBe(302);
    const created = await db.request.findFirstOrThrow({ where: { title } });
    expect(created).toMatchObject({ organisationId: other.council.id, councilId: side.council.id });
  });
});
