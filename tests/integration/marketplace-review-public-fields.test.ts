// "Who benefits?" is shown on the public request page, to anyone, under "Who benefits". The form warned that the
// description is public and that the contact preference is not, but said nothing about this field, which invites
// names ("Mrs Patel, 84, and her carer"): its hint now says it is shown publicly and not to name anyone, and the
// field is described by it for screen readers.
import { beforeAll, describe, expect, it } from "vitest";
import { createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let cookie: string;

beforeAll(async () => {
  world = await createWorld();
  cookie = await sessionCookieFor(world.users.vcseOwner.id);
});

function hintOf(html: string, field: string) {
  const tag = new RegExp(`<textarea[^>]*id="${field}"[^>]*>`).exec(html)?.[0] ?? "";
  const describedBy = /aria-describedby="([^"]+)"/.exec(tag)?.[1]?.split(" ") ?? [];
  return describedBy.map((id) => new RegExp(`id="${id}"[^>]*>([^<]*)<`).exec(html)?.[1] ?? "").join(" ");
}

describe("who benefits, on the request form", () => {
  it.each(["new", "edit"])("says on the %s form that it is public and not to name anyone", async (form) => {
    const draft = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      status: "DRAFT",
    });
    const path = form === "new" ? "/requests/new" : `/requests/${draft.id}/edit`;
    const response = await renderPage(path, cookie);
    expect(response.status).toBe(200);
    const hint = hintOf(await response.text(), "beneficiaries");
    expect(hint).toMatch(/shown publicly/i);
    expect(hint).toMatch(/do not name anyone/i);
  });

  it("is shown on the public request page, as the hint says", async () => {
    const open = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      beneficiaries: "Older people in Guildford",
    });
    const html = await (await renderPage(`/requests/${open.id}`)).text();
    expect(html).toContain("Older people in Guildford");
  });
});
