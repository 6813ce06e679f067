// How a supplier should contact the group is shown to a supplier once its pledge is accepted. An answer of only
// characters that show nothing (zero-width spaces, NUL) was kept, so the supplier was given a contact with no words
// where "Not given" would have told it to use the message instead. It is now no answer, as for the other optional
// answers of the request form.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { formOf, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let requestor: string;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  world = await createWorld();
  requestor = await sessionCookieFor(world.users.vcseOwner.id);
});

describe("a contact preference of characters that show nothing", () => {
  it("is saved as not given", async () => {
    for (const contactPreference of ["\u200B\u200B\u200B", "\0\0\0"]) {
      const saved = await postPage(
        "/requests/new",
        formOf({
          intent: "draft",
          title: "Coats for the winter night shelter",
          description: "Warm coats in adult sizes for the guests of our winter night shelter.",
          councilId: world.councilA.id,
          categoryId: world.category.id,
          helpType: "VOLUNTEERING",
          quantity: "10",
          districtId: world.district.id,
          neededBy: inDays(30),
          contactPreference,
        }),
        requestor,
      );
      expect(saved.status).toBe(302);
      const id = saved.headers.get("location")!.split("/")[2];
      expect((await db.request.findUniqueOrThrow({ where: { id } })).contactPreference).toBeNull();
      const page = readableMainText(await (await renderPage(`/requests/${id}/manage`, requestor)).text());
      // no preference: the supplier is given only an address (the poster's), and the group reads the same
      expect(page).toContain(`How a supplier can contact you Email: ${world.users.vcseOwner.email} (`);
    }
  });
});
