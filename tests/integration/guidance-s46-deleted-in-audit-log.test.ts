// Deleting a guidance page wrote an audit entry with no details, so the council's log showed it, and the entries
// that added and changed the page before, by a bare reference: nothing said which page went. The deletion now
// records the page's title and web address, and the log names the page by that title, marked "(deleted)", as it
// names an organisation deleted since; a deletion from before titles were recorded is still shown by its reference.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { writeAudit } from "~/domain/audit/audit.server.ts";
import { createWorldSignedInAs, unique, type World } from "../helpers/factories.ts";
import { formOf, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";

let world: World;
let admin: string;

beforeAll(async () => {
  await renderPage("/");
  ({ world, cookie: admin } = await createWorldSignedInAs("councilAdmin"));
});

async function entries(search: string, cookie = admin) {
  const response = await renderPage(`/council/audit${search}`, cookie);
  expect(response.status).toBe(200);
  const text = readableMainText((await response.text()).replaceAll("<!-- -->", ""));
  return text.split("Audit entries, newest first")[1]!;
}

describe("the audit log after a guidance page is deleted", () => {
  it("records the page's title and address, and names it by them, deleted, in its earlier entries", async () => {
    const title = `Winter pledges ${unique("t")}`;
    const slug = unique("s46-audit").toLowerCase();
    const added = await postPage(
      "/council/guidance/new",
      formOf({
        intent: "save",
        councilId: world.councilA.id,
        title,
        slug,
        audience: "EVERYONE",
        bodyMarkdown: "Warm coats.",
      }),
      admin,
    );
    expect(added.status).toBe(302);
    const page = await db.guidancePage.findFirstOrThrow({ where: { councilId: world.councilA.id, slug } });
    const deleted = await postPage(
      `/council/guidance/${page.id}/delete`,
      formOf({ version: page.updatedAt.toISOString() }),
      admin,
    );
    expect(deleted.status).toBe(302);

    const entry = await db.auditLog.findFirstOrThrow({
      where: { action: "guidance.delete", entityId: page.id },
    });
    expect(entry.details).toEqual({ title, slug });

    const deletion = await entries("?action=guidance.delete");
    expect(deletion).toContain(`${title} (deleted)`);
    expect(deletion).toContain(slug);
    const creation = await entries("?action=guidance.create");
    expect(creation).toContain(`${title} (deleted)`);
    expect(creation).not.toContain(page.id);
  });

  it("shows a deletion that recorded no title by its reference, as before", async () => {
    const id = unique("guidance-gone-long-ago");
    await writeAudit({
      actorUserId: world.users.councilAdmin.id,
      organisationId: world.councilA.id,
      actorOrganisationId: world.councilA.id,
      action: "guidance.delete",
      entityType: "GuidancePage",
      entityId: id,
    });
    const deletion = await entries("?action=guidance.delete");
    expect(deletion).toContain(id);
  });
});
