// Someone in two groups, of two councils, opened "Post a request" for one group (its address names it) while the
// switcher was on the other: the page posted for the group named, but the header showed the other group's council.
// And the full list of pledges waiting on a group followed the switcher only, so the dashboard of one group, left
// open while the person switched to the other, led to the other's list. The header now shows the organisation the
// page acts for, and the list takes `?organisation=<id>` (the dashboard and "Your requests" name it): its own
// members only, 404 to anyone else.
import { beforeAll, describe, expect, it } from "vitest";
import { ORGANISATION_COOKIE } from "~/auth/permissions.server.ts";
import { db } from "~/db.server.ts";
import {
  addMember,
  createCategory,
  createContract,
  createGuidancePage,
  createMember,
  createOrganisation,
  createPledge,
  createRequest,
  createReturn,
  createWorld,
  sessionCookieFor,
  unique,
} from "../helpers/factories.ts";
import { readableMainText, readableText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let first: { id: string; name: string };
let second: { id: string; name: string };
let session: string;
const titles = { first: unique("First group need"), second: unique("Second group need") };
const COLOURS = { A: "#005a30", B: "#6f2c91" };

beforeAll(async () => {
  await renderPage("/");
  world = await createWorld();
  for (const [council, colour] of [
    [world.councilA, COLOURS.A],
    [world.councilB, COLOURS.B],
  ] as const)
    await db.councilSettings.update({ where: { organisationId: council.id }, data: { brandColour: colour } });
  first = await createOrganisation({
    kind: "VCSE",
    councilId: world.councilA.id,
    name: unique("First Group"),
  });
  second = await createOrganisation({
    kind: "VCSE",
    councilId: world.councilB.id,
    name: unique("Second Group"),
  });
  const person = await createMember(first.id, "OWNER");
  await addMember(second.id, person.id, "MEMBER");
  session = await sessionCookieFor(person.id);
  const categoryB = await createCategory(world.councilB.id, unique("Food"));
  // eleven offers waiting on the first group, more than its dashboard shows, and one on the second
  for (let i = 0; i < 11; i++) {
    const request = await createRequest({
      councilId: world.councilA.id,
      organisationId: first.id,
      categoryId: world.category.id,
      title: `${titles.first} ${i}`,
    });
    await createPledge({ requestId: request.id, supplierOrganisationId: world.supplier.id });
  }
  const request = await createRequest({
    councilId: world.councilB.id,
    organisationId: second.id,
    categoryId: categoryB.id,
    title: titles.second,
  });
  await createPledge({ requestId: request.id, supplierOrganisationId: world.supplier.id });
});

const switchedTo = (organisationId: string) => `${session}; ${ORGANISATION_COOKIE}=${organisationId}`;

async function page(location: string, cookie: string) {
  const response = await renderPage(location, cookie);
  expect(response.status, location).toBe(200);
  const html = await response.text();
  const headerHtml = html.slice(html.indexOf("<header"), html.indexOf("</header>"));
  return {
    html,
    header: readableText(headerHtml),
    headerTag: headerHtml.match(/<header[^>]*>/)![0],
    main: readableMainText(html),
  };
}

function expectHeaderOf(shown: Awaited<ReturnType<typeof page>>, council: "A" | "B") {
  const [own, other] = council === "A" ? [world.councilA, world.councilB] : [world.councilB, world.councilA];
  expect(shown.header).toContain(own.name);
  expect(shown.header).not.toContain(other.name);
  expect(shown.headerTag).toContain(`--color-brand:${COLOURS[council]}`);
}

describe("the header of a page acting for an organisation its address names", () => {
  it("shows the council of the group a request is posted for, not the switcher's", async () => {
    const shown = await page(`/requests/new?organisation=${second.id}`, switchedTo(first.id));
    expect(shown.main).toContain(second.name);
    expectHeaderOf(shown, "B");
    const back = await page(`/requests/new?organisation=${first.id}`, switchedTo(second.id));
    expect(back.main).toContain(first.name);
    expectHeaderOf(back, "A");
  });

  it("follows the switcher when the address names none", async () => {
    expectHeaderOf(await page("/requests/new", switchedTo(first.id)), "A");
    expectHeaderOf(await page("/requests/new", switchedTo(second.id)), "B");
  });

  it("is not moved by a parameter the page does not act on", async () => {
    // "Your requests" lists the switcher's group whatever the address says, and so does its header
    const shown = await page(`/my-requests?organisation=${second.id}`, switchedTo(first.id));
    expect(shown.main).toContain(`The requests ${first.name} has posted`);
    expectHeaderOf(shown, "A");
  });
});

describe("the pledges waiting on a group, for someone in two groups", () => {
  it("lists the queue of the group the address names, names it, and shows its council in the header", async () => {
    const ofFirst = await page(`/dashboard/pledges?organisation=${first.id}`, switchedTo(second.id));
    expect(ofFirst.main).toContain(`Pledges to the requests ${first.name} has posted`);
    expect(ofFirst.main).toContain("Pledges waiting for your answer (11)");
    expect(ofFirst.main).toContain(`${titles.first} 0`);
    expect(ofFirst.main).not.toContain(titles.second);
    expectHeaderOf(ofFirst, "A");
    // the other list's link keeps the group
    expect(ofFirst.html).toContain(`href="/dashboard/pledges?queue=to-confirm&amp;organisation=${first.id}"`);

    const ofSecond = await page(`/dashboard/pledges?organisation=${second.id}`, switchedTo(first.id));
    expect(ofSecond.main).toContain(`Pledges to the requests ${second.name} has posted`);
    expect(ofSecond.main).toContain("Pledges waiting for your answer (1)");
    expect(ofSecond.main).toContain(titles.second);
    expect(ofSecond.main).not.toContain(titles.first);
    expectHeaderOf(ofSecond, "B");
  });

  it("lists the switcher's group when the address names none", async () => {
    const shown = await page("/dashboard/pledges", switchedTo(second.id));
    expect(shown.main).toContain(titles.second);
    expect(shown.main).not.toContain(titles.first);
    expectHeaderOf(shown, "B");
  });

  it("is reached from the dashboard and Your requests naming their group", async () => {
    const dashboard = await page("/dashboard", switchedTo(first.id));
    expect(dashboard.html).toContain(
      `href="/dashboard/pledges?queue=to-answer&amp;organisation=${first.id}"`,
    );
    const list = await page("/my-requests", switchedTo(second.id));
    expect(list.html).toContain(`href="/dashboard/pledges?queue=to-answer&amp;organisation=${second.id}"`);
  });

  it("is not found for a group the person is not in, or an organisation of theirs that is not a group", async () => {
    for (const organisation of [world.vcse.id, world.councilA.id, "nonsense"])
      expect((await renderPage(`/dashboard/pledges?organisation=${organisation}`, session)).status).toBe(404);
    const officer = await sessionCookieFor(world.users.officerA.id);
    expect((await renderPage(`/dashboard/pledges?organisation=${world.councilA.id}`, officer)).status).toBe(
      404,
    );
    // a group's own member still sees its list by the parameter
    const owner = await sessionCookieFor(world.users.vcseOwner.id);
    expect((await renderPage(`/dashboard/pledges?organisation=${world.vcse.id}`, owner)).status).toBe(200);
    expect((await renderPage(`/dashboard/pledges?organisation=${first.id}`, owner)).status).toBe(404);
  });
});

// the council pages that take `?council=<id>` (decision 027, sessions 34 to 40) act for that council: their header too
describe("the header of a council page opened for a council its address names", () => {
  it("shows that council, not the switcher's, for an officer of two councils", async () => {
    const officer = await createMember(world.councilA.id, "OFFICER");
    await addMember(world.councilB.id, officer.id, "OFFICER");
    const cookie = `${await sessionCookieFor(officer.id)}; ${ORGANISATION_COOKIE}=${world.councilA.id}`;
    expectHeaderOf(await page("/council/dashboard", cookie), "A");
    for (const location of [
      `/council/dashboard?council=${world.councilB.id}`,
      `/council/requests?council=${world.councilB.id}`,
      `/contracts?council=${world.councilB.id}`,
      `/returns?council=${world.councilB.id}`,
    ])
      expectHeaderOf(await page(location, cookie), "B");
  });

  // an admin of both councils, on council A's pages with the switcher on A, reaching council B's admin pages from
  // B's dashboard (the address names B) or from a link to one of B's guidance pages (the page's own council)
  it("shows the council an admin page acts for, by its address or by the record it is about", async () => {
    const admin = await createMember(world.councilA.id, "ADMIN");
    await addMember(world.councilB.id, admin.id, "ADMIN");
    const signedIn = await sessionCookieFor(admin.id);
    const onA = `${signedIn}; ${ORGANISATION_COOKIE}=${world.councilA.id}`;
    const onB = `${signedIn}; ${ORGANISATION_COOKIE}=${world.councilB.id}`;
    const pageOfA = await createGuidancePage({ councilId: world.councilA.id, title: unique("Guide of A") });
    const pageOfB = await createGuidancePage({ councilId: world.councilB.id, title: unique("Guide of B") });
    const contract = await createContract({
      councilId: world.councilB.id,
      supplierOrganisationId: world.supplier.id,
    });
    const returnOfB = await createReturn({ contractId: contract.id, status: "SUBMITTED" });
    const B = world.councilB.id;
    for (const location of [
      `/council/settings?council=${B}`,
      `/council/guidance?council=${B}`,
      `/council/guidance/new?council=${B}`,
      `/council/measures/new?council=${B}`,
      `/returns/${returnOfB.id}?council=${B}`,
      `/council/guidance/${pageOfB.id}`,
      `/council/guidance/${pageOfB.id}/delete`,
    ]) {
      const shown = await page(location, onA);
      expect(shown.main, location).toContain(
        location.startsWith("/returns") ? contract.reference : world.councilB.name,
      );
      expectHeaderOf(shown, "B");
    }
    expect((await page(`/council/guidance/${pageOfB.id}`, onA)).html).toContain(`value="${pageOfB.title}"`);
    // and the other way round: a page of A's opened with the switcher on B
    for (const location of [`/council/guidance/${pageOfA.id}`, `/council/guidance/${pageOfA.id}/delete`])
      expectHeaderOf(await page(location, onB), "A");
    // without a council named, the switcher's
    expectHeaderOf(await page("/council/settings", onA), "A");
    expectHeaderOf(await page("/council/guidance/new", onB), "B");
  });

  it("never shows a council the viewer is not in, even on the page refusing them", async () => {
    const officer = await createMember(world.councilA.id, "ADMIN");
    const cookie = await sessionCookieFor(officer.id);
    const pageOfB = await createGuidancePage({ councilId: world.councilB.id });
    for (const location of [
      `/council/settings?council=${world.councilB.id}`,
      `/council/guidance/${pageOfB.id}`,
      // a name every object answers to is no organisation either
      "/council/settings?council=toString",
    ]) {
      const response = await renderPage(location, cookie);
      expect(response.status, location).toBe(404);
      const html = await response.text();
      const header = readableText(html.slice(html.indexOf("<header"), html.indexOf("</header>")));
      expect(header, location).toContain(world.councilA.name);
      expect(header, location).not.toContain(world.councilB.name);
    }
  });

  // an address naming two councils acts for neither: it is refused (session 48), showing neither council's returns
  it("refuses an address that names two councils, showing neither council's returns", async () => {
    const officer = await createMember(world.councilA.id, "OFFICER");
    await addMember(world.councilB.id, officer.id, "OFFICER");
    const cookie = `${await sessionCookieFor(officer.id)}; ${ORGANISATION_COOKIE}=${world.councilA.id}`;
    const contracts = {
      A: await createContract({ councilId: world.councilA.id, supplierOrganisationId: world.supplier.id }),
      B: await createContract({ councilId: world.councilB.id, supplierOrganisationId: world.supplier.id }),
    };
    for (const council of ["A", "B"] as const)
      await createReturn({ contractId: contracts[council].id, status: "SUBMITTED" });
    const ids = { A: world.councilA.id, B: world.councilB.id };
    for (const [first, second] of [
      ["A", "B"],
      ["B", "A"],
    ] as const) {
      const location = `/returns?queue=all&council=${ids[first]}&council=${ids[second]}`;
      const response = await renderPage(location, cookie);
      expect(response.status, location).toBe(400);
      const main = readableMainText(await response.text());
      expect(main).toContain("Choose one council");
      for (const council of ["A", "B"] as const) expect(main).not.toContain(contracts[council].reference);
    }
  });
});
