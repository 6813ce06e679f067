// A partnership officer opened council A's contracts list through `/contracts?council=A` with council B chosen in the
// header switcher. "Register a contract" led to /contracts/new, which registered the contract for B, the switcher's
// council; the measure library's counts and the contract's links built `council=` by hand. The list's links now keep
// the council the address names, the register page takes `?council=` (its officers only, 404 to anyone else) and
// posts to its own address, so the contract is registered for the council the page was shown for.
import { beforeAll, describe, expect, it } from "vitest";
import { ORGANISATION_COOKIE } from "~/auth/permissions.server.ts";
import { db } from "~/db.server.ts";
import {
  createCommitment,
  createContract,
  createCouncil,
  createMeasure,
  createMember,
  createPartnershipMember,
  createWorld,
  sessionCookieFor,
  unique,
} from "../helpers/factories.ts";
import { newContractForm } from "../helpers/contract-forms.ts";
import { formOf, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let onB: string;
let outsider: string;
let contractOfA: string;
let measureOfA: string;

beforeAll(async () => {
  await renderPage("/");
  world = await createWorld();
  contractOfA = (
    await createContract({
      councilId: world.councilA.id,
      supplierOrganisationId: world.supplier.id,
      reference: unique("PARAM-A"),
    })
  ).id;
  measureOfA = (await createMeasure({ councilId: world.councilA.id })).id;
  await createCommitment({ contractId: contractOfA, measureId: measureOfA, targetQuantity: 10 });
  // council B's officer, partnership-wide: works for council A too, with council B chosen in the header switcher
  const officer = await createPartnershipMember(world.councilB.id, "OFFICER");
  onB = `${await sessionCookieFor(officer.id)}; ${ORGANISATION_COOKIE}=${world.councilB.id}`;
  outsider = await sessionCookieFor((await createMember((await createCouncil()).id, "OFFICER")).id);
});

const mainOf = (html: string) => html.slice(html.indexOf("<main"), html.indexOf("</main>"));
const hrefs = (html: string) =>
  [...mainOf(html).matchAll(/href="([^"]+)"/g)].map(([, href]) => href!.replaceAll("&amp;", "&"));
const councilOf = (href: string) => new URL(href, "http://x").searchParams.get("council");

async function html(location: string, cookie: string) {
  const response = await renderPage(location, cookie);
  expect(response.status, location).toBe(200);
  return response.text();
}

describe("the contracts list opened for a council the address names", () => {
  it("keeps the council on Register a contract and Clear filters", async () => {
    const links = hrefs(await html(`/contracts?council=${world.councilA.id}`, onB));
    expect(links).toContain(`/contracts/new?council=${world.councilA.id}`);
    expect(links).toContain(`/contracts?council=${world.councilA.id}`);
    // the links to other lists of contracts (pages, filters) stay on council A
    const lists = links.filter((href) => /^\/contracts(\/new)?(\?|$)/.test(href));
    expect(lists.filter((href) => councilOf(href) !== world.councilA.id)).toEqual([]);
  });

  it("keeps plain addresses when no council is named", async () => {
    const links = hrefs(await html("/contracts", onB));
    expect(links).toContain("/contracts/new");
    expect(links.filter((href) => councilOf(href) !== null)).toEqual([]);
  });
});

describe("registering a contract for a council the address names", () => {
  it("shows the form for that council, not the switcher's", async () => {
    const page = await html(`/contracts/new?council=${world.councilA.id}`, onB);
    const text = readableMainText(page);
    expect(text).toContain(world.councilA.name);
    expect(text).not.toContain(world.councilB.name);
    expect(hrefs(page)).toContain(`/contracts?council=${world.councilA.id}`);
    // without JavaScript the browser posts to the form's action: the page's own address, council included
    expect(page).toMatch(
      new RegExp(`<form method="post" action="/contracts/new\\?council=${world.councilA.id}"`),
    );
  });

  it("registers the contract for that council", async () => {
    const reference = unique("REG-A");
    const response = await postPage(
      `/contracts/new?council=${world.councilA.id}`,
      formOf(newContractForm(world.supplier.id, { reference })),
      onB,
    );
    expect(response.status).toBe(302);
    const saved = await db.contract.findFirstOrThrow({ where: { reference }, select: { councilId: true } });
    expect(saved.councilId).toBe(world.councilA.id);
  });

  it("registers for the switcher's council when none is named", async () => {
    const reference = unique("REG-B");
    const response = await postPage(
      "/contracts/new",
      formOf(newContractForm(world.supplier.id, { reference })),
      onB,
    );
    expect(response.status).toBe(302);
    const saved = await db.contract.findFirstOrThrow({ where: { reference }, select: { councilId: true } });
    expect(saved.councilId).toBe(world.councilB.id);
  });

  it("answers 404 to someone who does not work for the council named, and registers nothing", async () => {
    expect((await renderPage(`/contracts/new?council=${world.councilA.id}`, outsider)).status).toBe(404);
    const reference = unique("REG-X");
    const response = await postPage(
      `/contracts/new?council=${world.councilA.id}`,
      formOf(newContractForm(world.supplier.id, { reference })),
      outsider,
    );
    expect(response.status).toBe(404);
    expect(await db.contract.count({ where: { reference } })).toBe(0);
  });
});

describe("the pages of one of council A's records", () => {
  it("the contract page names its council on its links to the lists", async () => {
    const links = hrefs(await html(`/contracts/${contractOfA}`, onB));
    expect(links).toContain(`/contracts?council=${world.councilA.id}`);
    expect(links).toContain(
      `/returns?queue=all&contract=${encodeURIComponent(contractOfA)}&council=${world.councilA.id}`,
    );
  });

  it("adding a commitment with no measure left links to the contract's council's measure library", async () => {
    const full = await createContract({
      councilId: world.councilA.id,
      supplierOrganisationId: world.supplier.id,
    });
    // a commitment on every measure of council A in use, so the page says there is none left
    const inUse = await db.measure.findMany({
      where: { councilId: world.councilA.id, retiredAt: null },
      select: { id: true },
    });
    for (const { id } of inUse)
      await createCommitment({ contractId: full.id, measureId: id, targetQuantity: 1 });
    const page = await html(`/contracts/${full.id}/commitments/new`, onB);
    expect(readableMainText(page)).toContain("no measure left");
    expect(hrefs(page)).toContain(`/council/measures?council=${world.councilA.id}`);
  });

  it("the measure library links its counts to that council's contracts", async () => {
    const links = hrefs(await html(`/council/measures?council=${world.councilA.id}`, onB));
    expect(links).toContain(`/contracts?measure=${measureOfA}&council=${world.councilA.id}`);
  });
});
