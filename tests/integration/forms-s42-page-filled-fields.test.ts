// A form whose hidden fields (a record's id, which the page fills in) were left out or cut short, as only a hand-made
// request sends it, was answered with zod's own English: "Invalid input: expected string, received undefined" or
// "Too small: expected string to have >=1 characters". It is now told the form was not recognised, as a form with
// no known button is.
import { beforeAll, describe, expect, it } from "vitest";
import { FORM_NOT_RECOGNISED } from "~/domain/form-intent.ts";
import { action as categoriesAction } from "~/routes/council.categories.tsx";
import { action as organisationAction } from "~/routes/organisations.$id._index/route.tsx";
import { createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  world = await createWorld();
});

async function expectNotRecognised(response: Response) {
  expect(response.status).toBe(400);
  const body = await response.text();
  expect(body).toContain(FORM_NOT_RECOGNISED);
  expect(body).not.toMatch(/Invalid input|Too small|Too big|expected string/);
}

describe("a hidden id left out or too long", () => {
  it("on an organisation's Remove button is told the form was not recognised", async () => {
    const cookie = await sessionCookieFor(world.users.supplierOwner.id);
    const sendAs = (form: Record<string, string>) =>
      callAction(organisationAction, {
        path: `/organisations/${world.supplier.id}`,
        params: { id: world.supplier.id },
        cookie,
        form,
      });
    await expectNotRecognised(await sendAs({ intent: "remove" }));
    await expectNotRecognised(await sendAs({ intent: "remove", membershipId: "x".repeat(41) }));
  });

  it("on a council category's Retire button is told the form was not recognised", async () => {
    const cookie = await sessionCookieFor(world.users.councilAdmin.id);
    await expectNotRecognised(
      await callAction(categoriesAction, {
        path: "/council/categories",
        cookie,
        form: { intent: "toggle", id: "", active: "false" },
      }),
    );
  });
});
