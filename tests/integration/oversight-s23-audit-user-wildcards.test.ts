// The audit log's "User (name or email)" filter passed what was typed to the database as a pattern: "%" matched
// every entry, and "_" any one character, so filtering by j_smith@… (a common form of address) also listed what
// jasmith@… did. What is typed now means itself.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { writeAudit } from "~/domain/audit/audit.server.ts";
import { loader as auditLoader } from "~/routes/council.audit.tsx";
import { createMember, createWorld, sessionCookieFor, unique } from "../helpers/factories.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

afterAll(() => closeRateLimits());

let admin: string;
const tag = unique("x")
  .replace(/[^a-z0-9]/gi, "")
  .toLowerCase();
const addresses = {
  underscore: `j_smith.${tag}@example.test`,
  letter: `jasmith.${tag}@example.test`,
  percent: `pc100%.${tag}@example.test`,
};

beforeAll(async () => {
  const world = await createWorld();
  admin = await sessionCookieFor(world.users.councilAdmin.id);
  for (const [key, email] of Object.entries(addresses)) {
    const officer = await createMember(world.councilA.id, "OFFICER");
    await db.user.update({ where: { id: officer.id }, data: { email, name: `Officer ${key}` } });
    await writeAudit({
      actorUserId: officer.id,
      organisationId: world.councilA.id,
      actorOrganisationId: world.councilA.id,
      action: "category.create",
      entityType: "Category",
      details: { by: key },
    });
  }
});

async function whoFor(user: string) {
  const data = await jsonOf<{
    errors: Record<string, string[]>;
    entries: { actor: { email: string } | null }[];
  }>(
    await callLoader(auditLoader, {
      path: `/council/audit?user=${encodeURIComponent(user)}&action=category.create`,
      cookie: admin,
    }),
  );
  expect(data.errors).toEqual({});
  return data.entries.map((e) => e.actor?.email).sort();
}

describe("the audit log's user filter", () => {
  it("takes _ as an underscore, not as any one character", async () => {
    expect(await whoFor(`j_smith.${tag}`)).toEqual([addresses.underscore]);
    expect(await whoFor(`smith.${tag}`)).toEqual([addresses.underscore, addresses.letter].sort());
  });

  it("takes % as a percent sign, not as anything at all", async () => {
    expect(await whoFor("%")).toEqual([addresses.percent]);
    expect(await whoFor(`pc100%.${tag}`)).toEqual([addresses.percent]);
  });

  it("takes a backslash as itself", async () => {
    expect(await whoFor("\\")).toEqual([]);
  });
});
