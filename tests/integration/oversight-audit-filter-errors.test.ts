// A filter of the audit log that cannot be used (a name longer than the field takes, a value the lists never
// offer, from an edited or truncated address) is explained next to that filter, in words, as the dates are:
// before, the problem showed only in the summary at the top, as zod's "Too big: expected string to have
// <=200 characters", and the link there led to a field that said nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { writeAudit } from "~/domain/audit/audit.server.ts";
import { createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";

afterAll(() => closeRateLimits());

let admin: string;
beforeAll(async () => {
  const world = await createWorld();
  admin = await sessionCookieFor(world.users.councilAdmin.id);
  await writeAudit({
    actorUserId: world.users.councilAdmin.id,
    organisationId: world.councilA.id,
    actorOrganisationId: world.councilA.id,
    action: "category.create",
    entityType: "Category",
    details: { name: "Employment" },
  });
});

async function render(search: string) {
  const response = await renderPage(`/council/audit?${search}`, admin);
  expect(response.status).toBe(200);
  return (await response.text()).replace(/<!-- -->/g, "");
}

// the error paragraph beside the field, and the field pointing at it
function inlineError(html: string, name: string) {
  const error = new RegExp(`<p id="${name}-error"[^>]*><span class="sr-only">Error: </span>([^<]*)</p>`).exec(
    html,
  );
  const field = new RegExp(`<(input|select)[^>]*id="${name}"[^>]*>`).exec(html)?.[0] ?? "";
  return {
    message: error?.[1],
    invalid: field.includes('aria-invalid="true"') && field.includes(`${name}-error`),
  };
}

describe("an audit log filter that cannot be used", () => {
  it("is explained next to the user field, which keeps what was typed", async () => {
    const typed = "a".repeat(201);
    const html = await render(`user=${typed}`);
    expect(inlineError(html, "user")).toEqual({
      message: "User must be 200 characters or fewer",
      invalid: true,
    });
    expect(html).toContain(
      '<a href="#user" class="font-bold text-error">User must be 200 characters or fewer</a>',
    );
    expect(html).toContain(`value="${typed}"`);
    expect(html).not.toContain("Too big");
  });

  it("is explained next to each list it should have been chosen from", async () => {
    const html = await render(
      `organisationId=${"o".repeat(41)}&entityType=${"t".repeat(81)}&action=${"x".repeat(81)}`,
    );
    expect(inlineError(html, "organisationId")).toEqual({
      message: "Select an organisation from the list",
      invalid: true,
    });
    expect(inlineError(html, "entityType")).toEqual({
      message: "Select a record type from the list",
      invalid: true,
    });
    expect(inlineError(html, "action")).toEqual({ message: "Select an action from the list", invalid: true });
  });

  it("is explained, and the choice not applied, when the list does not hold it (an old or hand-made link)", async () => {
    const html = await render("organisationId=not-an-organisation&entityType=Spaceship&action=launch");
    expect(inlineError(html, "organisationId")).toEqual({
      message: "Select an organisation from the list",
      invalid: true,
    });
    expect(inlineError(html, "entityType")).toEqual({
      message: "Select a record type from the list",
      invalid: true,
    });
    expect(inlineError(html, "action")).toEqual({ message: "Select an action from the list", invalid: true });
    // the boxes show "Any", and so does the list: the entries of no filter
    const count = (page: string) => /<h2 id="results-heading"[^>]*>(\d+) entr/.exec(page)?.[1];
    expect(count(html)).toBe(count(await render("")));
    expect(count(html)).toBe("1");
  });
});
