// The header took the council's brand colour but its navigation bar and the rule beneath stayed the neutral navy:
// a green council had a green header over a navy bar. The bar is now a darker shade of the council's colour (white
// links keep at least the colour's own contrast), the rule a light one.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { contrastWithWhite, mixHexColour } from "~/domain/content/brand-colour.ts";
import { createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  world = await createWorld();
  await db.councilSettings.upsert({
    where: { organisationId: world.councilA.id },
    create: { organisationId: world.councilA.id, brandColour: "#005a30" },
    update: { brandColour: "#005a30" },
  });
});

describe("the header in the council's colours", () => {
  it("shades the navigation bar and the rule from the council's colour", async () => {
    const html = await (
      await renderPage("/dashboard", await sessionCookieFor(world.users.vcseMember.id))
    ).text();
    const header = html.match(/<header[^>]*>/)![0];
    expect(header).toContain("--color-brand:#005a30");
    expect(header).toContain(`--color-brand-dark:${mixHexColour("#005a30", "black", 0.7)}`);
    expect(header).toContain(`--color-brand-light:${mixHexColour("#005a30", "white", 0.15)}`);
    expect(header).toContain("background-color:#005a30");
  });

  it("darkens and lightens by mixing with black and white", () => {
    expect(mixHexColour("#1d3d7a", "black", 0.7)).toBe("#142b55");
    expect(mixHexColour("#005a30", "white", 0.15)).toBe("#d9e6e0");
    expect(contrastWithWhite(mixHexColour("#005a30", "black", 0.7))).toBeGreaterThan(
      contrastWithWhite("#005a30"),
    );
  });

  it("leaves anonymous visitors the neutral header", async () => {
    const html = await (await renderPage("/")).text();
    expect(html.match(/<header[^>]*>/)![0]).not.toContain("--color-brand");
  });
});
