// The header switcher is one cookie for every window. A form whose page was shown for one organisation, sent
// after the person switched to another in a second window, acted for the one switched to: an admin of two
// councils added a category, or approved a request, for the wrong council. Every posted form now carries the
// organisation its page was shown for (app/ui/form-for.tsx) and the action acts for it, if the person may.
import { beforeAll, describe, expect, it } from "vitest";
import { ORGANISATION_COOKIE } from "~/auth/permissions.server.ts";
import { SWITCHER_FIELD } from "~/auth/switcher-field.ts";
import { db } from "~/db.server.ts";
import { action as categoriesAction } from "~/routes/council.categories.tsx";
import { addMember, createCouncil, createUser, sessionCookieFor, unique } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";
import { callAction } from "../helpers/routes.ts";

let first: { id: string };
let second: { id: string };
let stranger: { id: string };
let session: string;
const workingFor = (councilId: string) => `${session}; ${ORGANISATION_COOKIE}=${councilId}`;

beforeAll(async () => {
  first = await createCouncil({ name: unique("First council") });
  second = await createCouncil({ name: unique("Second council") });
  stranger = await createCouncil({ name: unique("Stranger council") });
  const admin = await createUser();
  await addMember(first.id, admin.id, "ADMIN");
  await addMember(second.id, admin.id, "ADMIN");
  session = await sessionCookieFor(admin.id);
});

// URL-encoded, as a browser sends a form without a file
const addCategory = (cookie: string, name: string, shownFor?: string) =>
  callAction(categoriesAction, {
    path: "/council/categories",
    cookie,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      intent: "add",
      name,
      description: "",
      ...(shownFor ? { [SWITCHER_FIELD]: shownFor } : {}),
    }).toString(),
  });
const councilOf = async (name: string) => (await db.category.findFirstOrThrow({ where: { name } })).councilId;

describe("a form sent after switching organisation in another window", () => {
  it("carries the organisation its page was shown for", async () => {
    const html = await (await renderPage("/council/categories", workingFor(first.id))).text();
    expect(html).toContain(`name="${SWITCHER_FIELD}" value="${first.id}"`);
  });

  it("acts for the organisation its page was shown for, not the one switched to since", async () => {
    const name = unique("Warm spaces");
    expect((await addCategory(workingFor(second.id), name, first.id)).status).toBe(302);
    expect(await councilOf(name)).toBe(first.id);
  });

  it("acts as switched when it names none (a page shown before forms said)", async () => {
    const plain = unique("Food");
    expect((await addCategory(workingFor(second.id), plain)).status).toBe(302);
    expect(await councilOf(plain)).toBe(second.id);
  });

  // one the person may not act for is refused, not carried out for another (admin-s27-form-for-lost-council)
  it("acts for nobody when it names an organisation the person does not belong to", async () => {
    const elsewhere = unique("Transport");
    expect((await addCategory(workingFor(second.id), elsewhere, stranger.id)).status).toBe(403);
    expect(await db.category.count({ where: { name: elsewhere } })).toBe(0);
  });
});
