// A council officer who also works for the contract's supplier opened the council's review queue through
// `/returns?council=<id>` (the dashboard's link) and followed a return: its page chose the view by the header
// switcher, so the officer got the supplier's form instead of what the supplier sent. The queue's links to its
// returns now name the council, the return page shows the council's view of a return for a council the address names
// (its members only, 404 to anyone else), and the review page leads back, and redirects, to that view. (Since session
// 57 the officer reviews another supplier's return only: their own company's is another officer's to review.)
import { beforeAll, describe, expect, it } from "vitest";
import { ORGANISATION_COOKIE } from "~/auth/permissions.server.ts";
import { db } from "~/db.server.ts";
import {
  createContract,
  createCouncil,
  createMember,
  createOfficerAlsoSupplier,
  createOrganisation,
  createReturn,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { formOf, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";

let councilId: string;
let supplierName: string;
let returnId: string;
// a return of another supplier of the council, which the officer may review
let otherReturnId: string;
let onSupplier: string;
let outsider: string;

beforeAll(async () => {
  await renderPage("/");
  const { council, supplier, officer } = await createOfficerAlsoSupplier();
  councilId = council.id;
  supplierName = supplier.name;
  // the officer's own supplier holds the contract: the return is theirs to send and the council's to review
  const contract = await createContract({ councilId: council.id, supplierOrganisationId: supplier.id });
  returnId = (
    await createReturn({ contractId: contract.id, financialYear: 2025, quarter: 2, status: "SUBMITTED" })
  ).id;
  await db.kpiReturn.update({ where: { id: returnId }, data: { submittedAt: new Date() } });
  const other = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
  const otherContract = await createContract({ councilId: council.id, supplierOrganisationId: other.id });
  otherReturnId = (
    await createReturn({ contractId: otherContract.id, financialYear: 2025, quarter: 2, status: "SUBMITTED" })
  ).id;
  await db.kpiReturn.update({ where: { id: otherReturnId }, data: { submittedAt: new Date() } });
  onSupplier = `${await sessionCookieFor(officer.id)}; ${ORGANISATION_COOKIE}=${supplier.id}`;
  outsider = await sessionCookieFor((await createMember((await createCouncil()).id, "OFFICER")).id);
});

const mainOf = (html: string) => html.slice(html.indexOf("<main"), html.indexOf("</main>"));
const hrefs = (html: string) =>
  [...mainOf(html).matchAll(/href="([^"]+)"/g)].map(([, href]) => href!.replaceAll("&amp;", "&"));

async function html(location: string, cookie: string) {
  const response = await renderPage(location, cookie);
  expect(response.status, location).toBe(200);
  return response.text();
}

describe("the council's returns opened through ?council= with the switcher on the officer's supplier", () => {
  it("links each return, and every queue, to the council's view", async () => {
    const links = hrefs(await html(`/returns?queue=all&council=${councilId}`, onSupplier));
    expect(links).toContain(`/returns/${returnId}?council=${councilId}`);
    const lists = links.filter((href) => /^\/returns(\?|$)/.test(href));
    expect(lists.length).toBeGreaterThan(3);
    expect(
      lists.filter((href) => new URL(href, "http://x").searchParams.get("council") !== councilId),
    ).toEqual([]);
  });

  it("shows the return as the council sees it, with its review link and a way back to the council's list", async () => {
    const page = await html(`/returns/${returnId}?council=${councilId}`, onSupplier);
    const text = readableMainText(page);
    expect(text).toContain("Review this return");
    expect(text).toContain("What was reported");
    expect(text).not.toContain("Submit return");
    expect(hrefs(page)).toContain(`/returns?council=${councilId}`);
  });

  it("still shows the supplier's view when no council is named", async () => {
    const text = readableMainText(await html(`/returns/${returnId}`, onSupplier));
    expect(text).not.toContain("Review this return");
    expect(text).toContain("Waiting for");
  });

  it("answers 404 for a council the person does not work for, or one the return is not of", async () => {
    expect((await renderPage(`/returns/${returnId}?council=${councilId}`, outsider)).status).toBe(404);
    const other = (await createCouncil()).id;
    expect((await renderPage(`/returns/${returnId}?council=${other}`, onSupplier)).status).toBe(404);
  });
});

describe("the review page", () => {
  it("leads to the council's view of the return and back to the council's list", async () => {
    const page = await html(`/returns/${returnId}/review`, onSupplier);
    expect(hrefs(page)).toContain(`/returns?council=${councilId}`);
    expect(readableMainText(page)).toContain(supplierName);
  });

  it("redirects after the review to the council's view of the return", async () => {
    const submitted = await renderPage(`/returns/${otherReturnId}/review`, onSupplier);
    const version = /name="submittedAt" value="([^"]*)"/.exec(await submitted.text())?.[1];
    expect(version).toBeDefined();
    const response = await postPage(
      `/returns/${otherReturnId}/review`,
      formOf({ intent: "accept", submittedAt: version!, comment: "" }),
      onSupplier,
    );
    expect(response.status).toBe(302);
    const location = response.headers.get("location")!;
    expect(location).toBe(`/returns/${otherReturnId}?council=${councilId}`);
    const text = readableMainText(await html(location, onSupplier));
    expect(text).toContain("This return has been accepted");
    // "View the return" on the review page, now the return is no longer waiting
    expect(hrefs(await html(`/returns/${otherReturnId}/review`, onSupplier))).toContain(
      `/returns/${otherReturnId}?council=${councilId}`,
    );
  });
});
