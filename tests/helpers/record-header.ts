// A page about one record shows the record's own council in its header (its name and brand colour), whatever the
// header's switcher says (decision 027). The world's two councils, each given a colour of its own, a page as its
// header and main content read, and the check that the header is the record's council's and not the other's.
import { expect } from "vitest";
import { db } from "~/db.server.ts";
import type { createWorld } from "./factories.ts";
import { decodeEntities, readableMainText, readableText, renderPage } from "./render-page.ts";

type World = Awaited<ReturnType<typeof createWorld>>;
export type Council = "A" | "B";
export const COUNCILS = ["A", "B"] as const;
// the brand colour colourCouncils gives each council
export const COLOURS: Record<Council, string> = { A: "#005a30", B: "#6f2c91" };

export const councilIn = (world: World, council: Council) =>
  council === "A" ? world.councilA : world.councilB;
export const otherCouncil = (council: Council): Council => (council === "A" ? "B" : "A");

// Gives each of the world's councils its own brand colour, so a header shows whose colour it wears.
export async function colourCouncils(world: World) {
  for (const council of COUNCILS)
    await db.councilSettings.update({
      where: { organisationId: councilIn(world, council).id },
      data: { brandColour: COLOURS[council] },
    });
}

export type RecordPage = { header: string; headerTag: string; main: string };

// The page at `location` as `cookie` sees it (a visitor without one), whatever its status (a page not found has a
// header too): its status, its header's text and opening tag, and its main content's text, read as a person reads
// them (entities decoded: a council named "Bath & North East Somerset" is written "Bath &amp; North…").
export async function pageAsRead(
  location: string,
  cookie?: string,
): Promise<RecordPage & { status: number }> {
  const response = await renderPage(location, cookie);
  const html = await response.text();
  const headerHtml = html.slice(html.indexOf("<header"), html.indexOf("</header>"));
  return {
    status: response.status,
    header: decodeEntities(readableText(headerHtml)),
    headerTag: headerHtml.match(/<header[^>]*>/)![0],
    main: decodeEntities(readableMainText(html)),
  };
}

// The page at `location` (which must answer 200) as `cookie` sees it (a visitor without one): its header's text and
// opening tag, and its main content's text.
export async function recordPage(location: string, cookie?: string): Promise<RecordPage> {
  const { status, ...page } = await pageAsRead(location, cookie);
  expect(status, location).toBe(200);
  return page;
}

// The header names `council` and wears its colour, and does not name the other council.
export function expectHeaderOf(world: World, shown: RecordPage, council: Council, location: string) {
  expect(shown.header, location).toContain(councilIn(world, council).name);
  expect(shown.header, location).not.toContain(councilIn(world, otherCouncil(council)).name);
  expect(shown.headerTag, location).toContain(`--color-brand:${COLOURS[council]}`);
}
