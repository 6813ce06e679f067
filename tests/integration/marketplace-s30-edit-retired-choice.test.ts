// Editing a draft (or a request sent back for changes) whose category or district the council has since retired
// showed a blank choice in that field, without a word: the requestor lost sight of what they had chosen. The form now
// says, next to the field, which one it was and that the council no longer uses it, asking them to choose another.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import {
  createCategory,
  createDistrict,
  createRequest,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { formOf, postPage, readableMainText, readableText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let cookie: string;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  world = await createWorld();
  cookie = await sessionCookieFor(world.users.vcseOwner.id);
});

let made = 0;

async function withRetired(status: "DRAFT" | "CHANGES_REQUESTED") {
  made += 1;
  const category = await createCategory(world.councilA.id, `Digital inclusion (old) ${made}`);
  const district = await createDistrict(world.councilA.id, `Old Town ${made}`, ["GU9"]);
  const need = await createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: category.id,
    districtId: district.id,
    status,
  });
  await db.category.update({ where: { id: category.id }, data: { active: false } });
  await db.district.update({ where: { id: district.id }, data: { active: false } });
  return { need, made };
}

const categoryRetired = (n: number) =>
  `The council no longer uses the category “Digital inclusion (old) ${n}”, which you chose. Select another category`;
const districtRetired = (n: number) =>
  `The council no longer lists the district “Old Town ${n}”, which you chose. Select another district, or No district`;

// The message shown as the field's error, which the select is described by (read out with it).
function describedBy(html: string, name: string) {
  const select = html.match(new RegExp(`<select[^>]*name="${name}"[^>]*>`))?.[0] ?? "";
  const ids = select.match(/aria-describedby="([^"]+)"/)?.[1].split(" ") ?? [];
  return ids.map((id) =>
    readableText(html.match(new RegExp(`<p id="${id}"[^>]*>([\\s\\S]*?)</p>`))?.[1] ?? ""),
  );
}

describe("editing a request whose category or district the council has retired", () => {
  it("says by each field which one was chosen and that the council no longer uses it", async () => {
    for (const status of ["DRAFT", "CHANGES_REQUESTED"] as const) {
      const { need, made } = await withRetired(status);
      const response = await renderPage(`/requests/${need.id}/edit`, cookie);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(describedBy(html, "categoryId").join(" ")).toContain(categoryRetired(made));
      expect(describedBy(html, "districtId").join(" ")).toContain(districtRetired(made));
      expect(html).toMatch(/<select[^>]*name="categoryId"[^>]*aria-invalid="true"/);
    }
  });

  it("stops saying so once another is chosen, and says nothing while both are in use", async () => {
    const { need } = await withRetired("DRAFT");
    // another category chosen and no district, but a field left wrong: the page comes back with those answers
    const refused = await postPage(
      `/requests/${need.id}/edit`,
      formOf({
        intent: "draft",
        title: "",
        description: "Help for older people to get online.",
        councilId: world.councilA.id,
        categoryId: world.category.id,
        helpType: "VOLUNTEERING",
        quantity: "10",
        districtId: "",
        postcodeArea: "GU1",
        neededBy: inDays(40),
      }),
      cookie,
    );
    expect(refused.status).toBe(400);
    const text = readableMainText(await refused.text());
    expect(text).not.toContain("no longer uses the category");
    expect(text).not.toContain("no longer lists the district");

    const inUse = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      districtId: world.district.id,
      status: "DRAFT",
    });
    const page = readableMainText(await (await renderPage(`/requests/${inUse.id}/edit`, cookie)).text());
    expect(page).not.toContain("no longer");
  });
});
