// Entries by someone who has deleted their account since named them "Deleted user" followed by the placeholder
// address their email was replaced with (deleted-<id>@deleted.invalid), an internal reference meaning nothing to the
// council: the log now says "Deleted user" alone, and still gives the addresses of people who have not.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { entriesByADeletedAccount } from "../helpers/deleted-actor.ts";
import { createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";

afterAll(() => closeRateLimits());

const world = await createWorld();

describe("the audit log's entries by a deleted account", () => {
  it("say Deleted user without the placeholder address", async () => {
    const { organisation, staying } = await entriesByADeletedAccount(world.councilA.id);
    const response = await renderPage(
      `/council/audit?action=organisation.update`,
      await sessionCookieFor(world.users.councilAdmin.id),
    );
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).not.toContain("deleted.invalid");
    const text = readableMainText(html.replaceAll("<!-- -->", ""));
    expect(text).toContain(`Deleted user for ${organisation.name}`);
    expect(text).not.toContain("Pat Leaving");
    expect(text).toContain(`Sam Staying ${staying.email} for ${organisation.name}`);
  });
});
