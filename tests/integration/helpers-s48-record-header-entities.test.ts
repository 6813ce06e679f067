// tests/helpers/record-header.ts compared a page's header and main text as HTML writes them, so a council named with
// an ampersand or an apostrophe ("Bath & North East Somerset's Council", written "Bath &amp; …&#x27;s") was never
// found in its own header. The text is now decoded as a browser reads it.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createGuidancePage, createWorld, unique } from "../helpers/factories.ts";
import { colourCouncils, expectHeaderOf, recordPage } from "../helpers/record-header.ts";
import { decodeEntities, renderPage } from "../helpers/render-page.ts";

describe("decodeEntities", () => {
  it.each([
    ["Bath &amp; North East Somerset&#x27;s", "Bath & North East Somerset's"],
    ["&lt;b&gt; &quot;quoted&quot; &apos;single&#39;", `<b> "quoted" 'single'`],
    ["&#163;12 &#xA3;12 &#X1F600;", "£12 £12 😀"],
    // one pass: an escaped entity reads as the entity written, not what it stands for
    ["&amp;lt; &amp;amp;", "&lt; &amp;"],
    // what is not one of these is left as written
    ["&nbsp; & &copy; &#xZZ; &#99999999;", "&nbsp; & &copy; &#xZZ; &#99999999;"],
  ])("reads %s as %s", (html, text) => {
    expect(decodeEntities(html)).toBe(text);
  });
});

describe("a record page's header read for a council whose name has & and '", () => {
  let world: Awaited<ReturnType<typeof createWorld>>;
  let location = "";
  beforeAll(async () => {
    await renderPage("/");
    world = await createWorld();
    await colourCouncils(world);
    world.councilA.name = `${unique("Bath & North East Somerset")}'s Council`;
    await db.organisation.update({ where: { id: world.councilA.id }, data: { name: world.councilA.name } });
    const page = await createGuidancePage({ councilId: world.councilA.id });
    location = `/guidance/${world.councilA.id}/${page.slug}`;
  });

  it("names the council as written", async () => {
    const shown = await recordPage(location);
    expectHeaderOf(world, shown, "A", location);
    expect(shown.main).toContain(world.councilA.name);
  });
});
