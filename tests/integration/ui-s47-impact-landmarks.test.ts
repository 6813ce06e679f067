// The public impact page draws the same tables for every council with confirmed help, each in a scrolling region
// named by its caption: with two such councils it had two regions called "Confirmed help by category and type"
// (and two by district), landmarks of one role without distinct names (axe's landmark-unique, WCAG 1.3.1). Each
// landmark of a role on the page now has a name of its own.
import { beforeAll, describe, expect, it } from "vitest";
import {
  createCategory,
  createOrganisation,
  createPledge,
  createRequest,
  createWorld,
} from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  world = await createWorld();
  for (const council of [world.councilA, world.councilB]) {
    const category = await createCategory(council.id, "Food and essentials");
    const vcse = await createOrganisation({ kind: "VCSE", councilId: council.id });
    const request = await createRequest({
      councilId: council.id,
      organisationId: vcse.id,
      categoryId: category.id,
      status: "FULFILLED",
      quantity: 4,
    });
    await createPledge({
      requestId: request.id,
      supplierOrganisationId: world.supplier.id,
      quantity: 4,
      status: "CONFIRMED",
    });
  }
});

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/<!-- -->/g, "")
    .replace(/\s+/g, " ")
    .trim();

/** Each landmark of the page (its role and accessible name), as the HTML names it: an element with a landmark's
 * role, or a section, nav or aside, named by aria-label or by the text of the element aria-labelledby points to. */
function landmarks(html: string) {
  const textOfId = (id: string) => {
    const open = new RegExp(`<(\\w+)[^>]* id="${id}"[^>]*>`).exec(html);
    if (!open) return `(nothing with id ${id})`;
    const start = open.index + open[0].length;
    return text(html.slice(start, html.indexOf(`</${open[1]}>`, start)));
  };
  return [...html.matchAll(/<(section|nav|aside|div|main|header|footer|form)\b([^>]*)>/g)].flatMap(
    ([, tag, attrs]) => {
      const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs!)?.[1];
      const implicit = { section: "region", nav: "navigation", aside: "complementary" }[tag!];
      const role = attr("role") ?? implicit;
      if (!role || !["region", "navigation", "complementary", "search", "form"].includes(role)) return [];
      const labelledBy = attr("aria-labelledby");
      const name = attr("aria-label") ?? (labelledBy ? labelledBy.split(" ").map(textOfId).join(" ") : "");
      // a section or form without a name is no landmark at all
      if (!name && (role === "region" || role === "form")) return [];
      return [`${role}: ${name}`];
    },
  );
}

describe("the public impact page with two councils' figures", () => {
  it("names every landmark of a role differently", async () => {
    const response = await renderPage("/impact");
    expect(response.status).toBe(200);
    const found = landmarks(await response.text());
    expect(found.filter((l, i) => found.indexOf(l) !== i)).toEqual([]);
    // the councils' tables are among them, so the check is not passed by finding none
    expect(found.filter((l) => l.startsWith("region: Confirmed help by category and type"))).toHaveLength(2);
    expect(found).toContain(`region: Confirmed help by district and type, ${world.councilB.name}`);
  });
});
