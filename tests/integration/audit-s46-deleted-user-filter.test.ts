// The audit log's user filter matched the placeholder address a deleted account's email is replaced with
// (deleted-<id>@deleted.invalid), which the log does not show: filtering by "deleted.invalid", "@deleted" or part of
// the account's id listed every deleted account's entries, under "Deleted user". The filter now matches people as the
// log names them (by name, "Deleted user" for a deleted account, or by a real address), and those entries still say
// "Deleted user" alone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { deletedEmailFor } from "~/domain/accounts/erasure.server.ts";
import { loader as auditLoader } from "~/routes/council.audit.tsx";
import { entriesByADeletedAccount } from "../helpers/deleted-actor.ts";
import { createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

afterAll(() => closeRateLimits());

let world: Awaited<ReturnType<typeof createWorld>>;
let leaving: { id: string; email: string };
let staying: { id: string; email: string; name: string };
let cookie: string;

beforeAll(async () => {
  world = await createWorld();
  ({ leaving, staying } = await entriesByADeletedAccount(world.councilA.id));
  cookie = await sessionCookieFor(world.users.councilAdmin.id);
});

type Entry = { actor: { name: string; email: string | null } | null };

async function filteredBy(user: string) {
  const path = `/council/audit?action=organisation.update&user=${encodeURIComponent(user)}`;
  const response = await callLoader(auditLoader, { path, cookie });
  expect(response.status).toBe(200);
  const data = await jsonOf<{ total: number; entries: Entry[] }>(response);
  return data.entries.map((e) => e.actor);
}

describe("the audit log's user filter and deleted accounts", () => {
  it.each([
    { what: "the placeholder's domain", typed: () => "deleted.invalid" },
    { what: "part of it", typed: () => "@deleted" },
    { what: "its start", typed: () => "deleted-" },
    { what: "the whole placeholder address", typed: () => deletedEmailFor(leaving.id) },
    { what: "the deleted account's id", typed: () => leaving.id },
    { what: "the address it had", typed: () => leaving.email },
    { what: "the name it had", typed: () => "Pat Leaving" },
  ])("matches no deleted account by $what", async ({ typed }) => {
    expect(await filteredBy(typed())).toEqual([]);
  });

  it("matches a deleted account by what the log calls it, shown as Deleted user alone", async () => {
    expect(await filteredBy("Deleted user")).toEqual([{ name: "Deleted user", email: null }]);
    const html = await (
      await renderPage(`/council/audit?action=organisation.update&user=Deleted+user`, cookie)
    ).text();
    expect(html).not.toContain("deleted.invalid");
    expect(readableMainText(html.replaceAll("<!-- -->", ""))).toContain("Deleted user for");
  });

  it("still matches someone who has not deleted their account by name or address", async () => {
    const shown = [{ name: staying.name, email: staying.email }];
    expect(await filteredBy("Sam Staying")).toEqual(shown);
    expect(await filteredBy(staying.email)).toEqual(shown);
  });
});
