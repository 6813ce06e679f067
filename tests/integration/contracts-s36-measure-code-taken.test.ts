// Adding or changing a measure with a code another measure uses, and another problem (no theme chosen), was told
// only the other problem; the code's clash came in a second round, once that was put right. Both are told at once.
import { beforeAll, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createMeasure, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { formOf, postPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let admin: string;
let mine: { id: string; updatedAt: Date };
const code = `TAKEN-${Date.now() % 100_000}`;

beforeAll(async () => {
  world = await createWorld();
  admin = await sessionCookieFor(world.users.councilAdmin.id);
  await createMeasure({ councilId: world.councilA.id, code });
  mine = await createMeasure({ councilId: world.councilA.id, code: `${code}-B` });
});

const errorOf = (html: string, field: string) =>
  new RegExp(`<p id="${field}-error"[^>]*><span[^>]*>Error:\\s*</span>([^<]*)</p>`).exec(html)?.[1];

it("tells a new measure its code is taken along with its missing theme", async () => {
  const response = await postPage(
    "/council/measures/new",
    formOf({ code: code.toLowerCase(), name: "Hours", unit: "HOURS" }),
    admin,
  );
  expect(response.status).toBe(400);
  const html = await response.text();
  expect(errorOf(html, "code")).toBe("Another measure already uses this code");
  expect(errorOf(html, "theme")).toBe("Choose a theme");
});

it("tells a changed measure its code is taken along with its other problem, but not its own code", async () => {
  const form = (newCode: string) => ({
    code: newCode,
    name: "",
    theme: "SOCIAL",
    unit: "HOURS",
    version: mine.updatedAt.toISOString(),
  });
  let response = await postPage(`/council/measures/${mine.id}`, formOf(form(code)), admin);
  expect(response.status).toBe(400);
  let html = await response.text();
  expect(errorOf(html, "code")).toBe("Another measure already uses this code");
  expect(errorOf(html, "name")).toBe("Enter the measure name");

  response = await postPage(`/council/measures/${mine.id}`, formOf(form(`${code}-B`)), admin);
  expect(response.status).toBe(400);
  html = await response.text();
  expect(errorOf(html, "code")).toBeUndefined();
  expect(errorOf(html, "name")).toBe("Enter the measure name");
  expect(await db.measure.count({ where: { councilId: world.councilA.id, code } })).toBe(1);
});
