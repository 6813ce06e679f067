// An admin of two councils (the demo's council.admin@demo.test is) who changed, retired or added a measure of the
// council they were not acting for in the header was sent to /council/measures, which showed the library of the
// council acted for: "Measure saved" above the other council's measures, the one just saved nowhere to be seen, and
// "Add a measure" from that council's library added it to the other one. The library and its add page now act for
// the council named in `?council=` (its officers only, 404 to anyone else), and every way back names it.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import {
  addMember,
  createMeasure,
  createMember,
  createWorld,
  sessionCookieFor,
  unique,
} from "../helpers/factories.ts";
import { formOf, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let admin: string;
let officerOfA: string;
let measureOfB: { id: string; code: string };

beforeAll(async () => {
  world = await createWorld();
  // an admin of council A first (so A is the council acted for), then of council B
  const user = await createMember(world.councilA.id, "ADMIN");
  await addMember(world.councilB.id, user.id, "ADMIN");
  admin = await sessionCookieFor(user.id);
  officerOfA = await sessionCookieFor((await createMember(world.councilA.id, "OFFICER")).id);
  measureOfB = await createMeasure({ councilId: world.councilB.id, code: unique("MB") });
});

const libraryOfB = () => `/council/measures?council=${world.councilB.id}`;

describe("the measure library of the second council of an admin of two", () => {
  it("shows the council named in the address, and its Add a measure link names it", async () => {
    const page = await renderPage(libraryOfB(), admin);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(readableMainText(html)).toContain(measureOfB.code);
    expect(html).toContain(`href="/council/measures/new?council=${world.councilB.id}"`);
  });

  it("adds a measure to the council named, and goes back to its library", async () => {
    const code = unique("NB");
    const added = await postPage(
      `/council/measures/new?council=${world.councilB.id}`,
      formOf({ code, name: "Local apprentices", theme: "JOBS", unit: "PEOPLE" }),
      admin,
    );
    expect(added.status).toBe(302);
    expect(added.headers.get("location")).toBe(libraryOfB());
    const measure = await db.measure.findFirstOrThrow({
      where: { code: { equals: code, mode: "insensitive" } },
    });
    expect(measure.councilId).toBe(world.councilB.id);
  });

  it("goes back to the measure's own library after retiring it", async () => {
    const retired = await postPage(`/council/measures/${measureOfB.id}`, formOf({ intent: "retire" }), admin);
    expect(retired.status).toBe(302);
    expect(retired.headers.get("location")).toBe(libraryOfB());
    const back = await renderPage(`/council/measures/${measureOfB.id}`, admin);
    expect(await back.text()).toContain(`href="${libraryOfB().replace(/&/g, "&amp;")}"`);
  });

  it("is not shown to an officer of another council", async () => {
    expect((await renderPage(libraryOfB(), officerOfA)).status).toBe(404);
    const refused = await postPage(
      `/council/measures/new?council=${world.councilB.id}`,
      formOf({ code: unique("XB"), name: "Not theirs", theme: "JOBS", unit: "PEOPLE" }),
      officerOfA,
    );
    expect(refused.status).toBe(404);
  });
});
