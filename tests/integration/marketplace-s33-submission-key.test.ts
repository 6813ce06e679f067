// A form's one-off key is a hidden input the page fills in. One cut short, too long or missing (a broken or tampered
// client) was refused in zod's words on a field the user cannot see ("Too small: expected string to have >=10
// characters"), the error summary linking to nothing: the form as a whole is now refused, saying to reload the page
// and try again, and nothing is saved. The survey's invitation form words its own.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { SUBMISSION_KEY_REFUSED } from "~/domain/marketplace/schemas.ts";
import { createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { formOf, postPage, readableMainText } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
const cookies: Record<string, string> = {};
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  world = await createWorld();
  cookies.vcse = await sessionCookieFor(world.users.vcseOwner.id);
  cookies.supplier = await sessionCookieFor(world.users.supplierOwner.id);
});

/** The page's answer, as its reader sees it: refused, the key's problem said for the form, not a field. */
async function expectRefusedForTheForm(answer: Response) {
  expect(answer.status).toBe(400);
  const html = await answer.text();
  const text = readableMainText(html);
  expect(text).toContain("There is a problem");
  expect(text).toContain(SUBMISSION_KEY_REFUSED);
  expect(text).not.toMatch(/Too (small|big)|Invalid input|expected string/);
  expect(html).not.toContain('href="#submissionKey"');
  return html;
}

describe("a form's one-off key the page did not make", () => {
  it("refuses a pledge, missing, cut short or too long, keeping what was typed", async () => {
    const need = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      quantity: 20,
    });
    expect(SUBMISSION_KEY_REFUSED).toBe(
      "This form was not sent as the page made it: reload the page and try again",
    );
    for (const key of [undefined, "short", "k".repeat(65)]) {
      const answer = await postPage(
        `/requests/${need.id}/pledge`,
        formOf({
          ...(key === undefined ? {} : { submissionKey: key }),
          quantity: "7",
          expectedDeliveryDate: inDays(10),
        }),
        cookies.supplier,
      );
      const html = await expectRefusedForTheForm(answer);
      expect(readableMainText(html)).toContain(`There is a problem ${SUBMISSION_KEY_REFUSED}`);
      expect(html).toMatch(/name="quantity"[^>]*value="7"/);
    }
    expect(await db.pledge.count({ where: { requestId: need.id } })).toBe(0);
  });

  it("is said even when other fields are wrong too", async () => {
    const need = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      quantity: 20,
    });
    const answer = await postPage(
      `/requests/${need.id}/pledge`,
      formOf({ submissionKey: "short", quantity: "", expectedDeliveryDate: inDays(10) }),
      cookies.supplier,
    );
    const html = await expectRefusedForTheForm(answer);
    expect(readableMainText(html)).toContain("Enter the quantity");
  });

  it("refuses a new request with a key too long", async () => {
    const title = `Key too long ${Date.now()}`;
    const answer = await postPage(
      "/requests/new",
      formOf({
        intent: "draft",
        title,
        description: "Fuel for our minibus so isolated older people can join our day trips this summer.",
        councilId: world.councilA.id,
        categoryId: world.category.id,
        helpType: "FUNDING",
        quantity: "2500",
        districtId: world.district.id,
        neededBy: inDays(40),
        submissionKey: "k".repeat(101),
      }),
      cookies.vcse,
    );
    const html = await expectRefusedForTheForm(answer);
    expect(html).toContain(`value="${title}"`);
    expect(await db.request.count({ where: { title } })).toBe(0);
  });

  it("refuses saving a search with a key cut short", async () => {
    const answer = await postPage(
      "/saved-searches",
      formOf({ intent: "create", name: "Laptops", query: "q=laptops", submissionKey: "x" }),
      cookies.supplier,
    );
    await expectRefusedForTheForm(answer);
    expect(await db.savedSearch.count({ where: { userId: world.users.supplierOwner.id } })).toBe(0);
  });
});
