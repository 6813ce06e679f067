// A council officer without the administrator role who opened one of their own council's admin pages (settings,
// guidance pages, the audit log, the measure library's forms) was told "Page not found", as if it did not exist.
// They are now told (403) that the page needs the administrator role and which of the council's administrators can
// give it. Officers of other councils (and those acting for it through a partnership), suppliers and VCSEs still get
// 404, and signed-out people are still sent to sign in.
import { beforeAll, describe, expect, it } from "vitest";
import { ORGANISATION_COOKIE } from "~/auth/permissions.server.ts";
import { SWITCHER_FIELD } from "~/auth/switcher-field.ts";
import {
  addMember,
  createCouncil,
  createGuidancePage,
  createMeasure,
  createMember,
  createPartnershipMember,
  createSurveyCycle,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import {
  formOf,
  postPage,
  postRawPage,
  readableMainText,
  readableText,
  renderPage,
} from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
const cookies: Record<string, string> = {};
let guidanceId: string;
let measureId: string;
let lonelyCouncilName: string;
let cycleId: string;

beforeAll(async () => {
  await renderPage("/");
  world = await createWorld();
  // council A's administrators, by name: the world's own admin and one more
  await createMember(world.councilA.id, "ADMIN", { name: "Zoe Zephaniah" });
  await import("~/db.server.ts").then(({ db }) =>
    db.user.update({ where: { id: world.users.councilAdmin.id }, data: { name: "Amara Okafor" } }),
  );
  const partner = await createPartnershipMember(world.councilB.id, "OFFICER");
  // a council with no administrator at all
  const lonely = await createCouncil({ name: "Lonely Borough Council" });
  lonelyCouncilName = lonely.name;
  const lonelyOfficer = await createMember(lonely.id, "OFFICER");
  for (const [who, id] of Object.entries({
    admin: world.users.councilAdmin.id,
    officerA: world.users.officerA.id,
    officerB: world.users.officerB.id,
    partner: partner.id,
    supplier: world.users.supplierOwner.id,
    vcse: world.users.vcseOwner.id,
    lonely: lonelyOfficer.id,
  }))
    cookies[who] = await sessionCookieFor(id);
  guidanceId = (await createGuidancePage({ councilId: world.councilA.id, title: "Pledging" })).id;
  measureId = (await createMeasure({ councilId: world.councilA.id })).id;
  cycleId = (await createSurveyCycle({ councilId: world.councilA.id })).id;
});

// each admin page of council A, the address naming the council as the dashboard's links do, and what it refuses
const pages = () => [
  { path: `/council/settings?council=${world.councilA.id}`, doing: "change the council settings" },
  { path: `/council/guidance?council=${world.councilA.id}`, doing: "add or change guidance pages" },
  { path: `/council/guidance/new?council=${world.councilA.id}`, doing: "add or change guidance pages" },
  { path: `/council/guidance/${guidanceId}`, doing: "add or change guidance pages" },
  { path: `/council/guidance/${guidanceId}/delete`, doing: "add or change guidance pages" },
  { path: `/council/audit?council=${world.councilA.id}`, doing: "see the audit log" },
  {
    path: `/council/measures/new?council=${world.councilA.id}`,
    doing: "add or change measures in the measure library",
  },
  { path: `/council/measures/${measureId}`, doing: "add or change measures in the measure library" },
];

const title = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1];

describe("a council's admin pages, to an officer of that council who is not an administrator", () => {
  it("answer 403 saying what is refused, the role it needs and the administrators who can give it", async () => {
    for (const { path, doing } of pages()) {
      const response = await renderPage(path, cookies.officerA);
      expect(response.status, path).toBe(403);
      const html = await response.text();
      expect(title(html), path).toBe(`You do not have permission to ${doing} – Social Value Marketplace`);
      const text = readableMainText(html);
      expect(text, path).toContain(`You do not have permission to ${doing}`);
      expect(text, path).toContain(
        `Only administrators of ${world.councilA.name} can ${doing}. Ask one of ${world.councilA.name}’s ` +
          "administrators (Amara Okafor or Zoe Zephaniah) to give you the administrator role.",
      );
      expect(text, path).not.toContain("Page not found");
    }
  });

  it("answer 403 without the address naming the council (the council being worked for)", async () => {
    for (const path of [
      "/council/settings",
      "/council/guidance",
      "/council/audit",
      "/council/measures/new",
    ]) {
      const response = await renderPage(path, cookies.officerA);
      expect(response.status, path).toBe(403);
      expect(readableMainText(await response.text()), path).toContain("You do not have permission to");
    }
  });

  it("say to ask an administrator of the council when it has none", async () => {
    const response = await renderPage("/council/settings", cookies.lonely);
    expect(response.status).toBe(403);
    expect(readableMainText(await response.text())).toContain(
      `Only administrators of ${lonelyCouncilName} can change the council settings. Ask an administrator of ` +
        `${lonelyCouncilName} to give you the administrator role.`,
    );
  });

  it("refuse their forms' posts the same way, and change nothing", async () => {
    const settings = await postPage(
      `/council/settings?council=${world.councilA.id}`,
      formOf({ councilName: "Taken over", councilId: world.councilA.id }),
      cookies.officerA,
    );
    expect(settings.status).toBe(403);
    const guidance = await postPage(
      `/council/guidance/${guidanceId}/delete`,
      formOf({ version: new Date().toISOString() }),
      cookies.officerA,
    );
    expect(guidance.status).toBe(403);
    const { db } = await import("~/db.server.ts");
    expect(await db.guidancePage.count({ where: { id: guidanceId } })).toBe(1);
    expect((await db.organisation.findUniqueOrThrow({ where: { id: world.councilA.id } })).name).toBe(
      world.councilA.name,
    );
  });

  it("are not linked from their dashboard", async () => {
    const html = await (
      await renderPage(`/council/dashboard?council=${world.councilA.id}`, cookies.officerA)
    ).text();
    for (const href of ["/council/settings", "/council/guidance", "/council/audit"])
      expect(html).not.toContain(`href="${href}`);
    const adminHtml = await (
      await renderPage(`/council/dashboard?council=${world.councilA.id}`, cookies.admin)
    ).text();
    for (const href of ["/council/settings", "/council/guidance", "/council/audit"])
      expect(adminHtml).toContain(`href="${href}`);
  });
});

describe("a council's admin pages, to anyone outside that council", () => {
  it("answer 404 to another council's officer, a partnership-wide officer, a supplier and a VCSE", async () => {
    for (const who of ["officerB", "partner", "supplier", "vcse"]) {
      for (const { path } of pages()) {
        const response = await renderPage(path, cookies[who]);
        expect(response.status, `${who} ${path}`).toBe(404);
        const html = await response.text();
        expect(html, `${who} ${path}`).toContain("Page not found");
        expect(html, `${who} ${path}`).not.toContain("administrator role");
        expect(html, `${who} ${path}`).not.toContain("Amara Okafor");
      }
    }
  });

  it("send signed-out people to sign in", async () => {
    for (const { path } of pages()) {
      const response = await renderPage(path);
      expect(response.status, path).toBe(302);
      expect(response.headers.get("location"), path).toBe(`/sign-in?redirectTo=${encodeURIComponent(path)}`);
    }
  });

  it("still open for the council's administrators", async () => {
    for (const { path } of pages()) expect((await renderPage(path, cookies.admin)).status, path).toBe(200);
  });
});

describe("a council's survey pages, to its members without survey access", () => {
  const surveyPages = () => [
    "/council/survey",
    "/council/survey/new",
    `/council/survey/${cycleId}`,
    `/council/survey/${cycleId}/edit`,
    `/council/survey/${cycleId}/report`,
  ];
  const doing = "run the supplier diversity survey";

  it("answer 403 to an officer, naming the administrators who can give survey access", async () => {
    for (const path of surveyPages()) {
      const response = await renderPage(path, cookies.officerA);
      expect(response.status, path).toBe(403);
      const html = await response.text();
      expect(title(html), path).toBe(`You do not have permission to ${doing} – Social Value Marketplace`);
      expect(readableMainText(html), path).toContain(
        `Only officers with survey access of ${world.councilA.name} can ${doing}. Ask one of ` +
          `${world.councilA.name}’s administrators (Amara Okafor or Zoe Zephaniah) to give you survey access.`,
      );
    }
  });

  it("tell an administrator without it that they can give it to themselves", async () => {
    const response = await renderPage(`/council/survey/${cycleId}`, cookies.admin);
    expect(response.status).toBe(403);
    expect(readableMainText(await response.text())).toContain(
      `As one of its administrators, you can give yourself survey access on ${world.councilA.name}’s members page.`,
    );
  });

  it("answer 404 to anyone outside the council", async () => {
    for (const who of ["officerB", "partner", "supplier", "vcse"]) {
      const response = await renderPage(`/council/survey/${cycleId}`, cookies[who]);
      expect(response.status, who).toBe(404);
      expect(await response.text(), who).not.toContain("survey access");
    }
    for (const who of ["supplier", "vcse"])
      expect((await renderPage("/council/survey", cookies[who])).status, who).toBe(404);
  });
});

// An officer of two councils, an administrator of neither, with the switcher on council A, who follows council B's
// dashboard link to one of B's admin pages: the refusal names B, and so does the header above it (the page acts for
// the council its address names), not the switcher's A.
describe("a council's admin pages refused for the council the address names", () => {
  it("show that council's header above the refusal, not the switcher's", async () => {
    const officer = await createMember(world.councilA.id, "OFFICER");
    await addMember(world.councilB.id, officer.id, "OFFICER");
    const onA = `${await sessionCookieFor(officer.id)}; ${ORGANISATION_COOKIE}=${world.councilA.id}`;
    for (const { path, doing } of [
      { path: `/council/audit?council=${world.councilB.id}`, doing: "see the audit log" },
      { path: `/council/settings?council=${world.councilB.id}`, doing: "change the council settings" },
      { path: `/council/guidance?council=${world.councilB.id}`, doing: "add or change guidance pages" },
      {
        path: `/council/measures/new?council=${world.councilB.id}`,
        doing: "add or change measures in the measure library",
      },
    ]) {
      const response = await renderPage(path, onA);
      expect(response.status, path).toBe(403);
      const html = await response.text();
      expect(readableMainText(html), path).toContain(
        `Only administrators of ${world.councilB.name} can ${doing}.`,
      );
      const header = readableText(html.slice(html.indexOf("<header"), html.indexOf("</header>")));
      expect(header, path).toContain(world.councilB.name);
      expect(header, path).not.toContain(world.councilA.name);
    }
    // without the address naming one, the switcher's council is refused under its own header
    const html = await (await renderPage("/council/audit", onA)).text();
    expect(readableMainText(html)).toContain(
      `Only administrators of ${world.councilA.name} can see the audit log.`,
    );
    expect(readableText(html.slice(html.indexOf("<header"), html.indexOf("</header>")))).toContain(
      world.councilA.name,
    );
  });
});

// A guidance page's form, shown while its admin's switcher was on another council they have since been removed from,
// is refused (403) as every form shown for a lost council is (decision 027), and changes nothing: the page's form was
// read before who sent it was, so the council it was shown for went unread and the change was saved.
describe("a guidance page's form shown for a council its admin has since left", () => {
  it("is refused and saves nothing, as the delete form is", async () => {
    const admin = await createMember(world.councilA.id, "ADMIN");
    const other = await createCouncil();
    await addMember(other.id, admin.id, "ADMIN");
    const cookie = await sessionCookieFor(admin.id);
    const guidance = await createGuidancePage({ councilId: world.councilA.id, title: "Before" });
    const { db } = await import("~/db.server.ts");
    await db.membership.deleteMany({ where: { userId: admin.id, organisationId: other.id } });
    const send = (path: string, fields: Record<string, string>) =>
      postRawPage(
        path,
        new URLSearchParams({ ...fields, [SWITCHER_FIELD]: other.id }).toString(),
        "application/x-www-form-urlencoded",
        cookie,
      );
    const saved = await send(`/council/guidance/${guidance.id}`, {
      intent: "save",
      title: "Changed for the wrong council",
      slug: guidance.slug,
      audience: "EVERYONE",
      bodyMarkdown: "Changed.",
    });
    expect(saved.status).toBe(403);
    const deleted = await send(`/council/guidance/${guidance.id}/delete`, {
      version: guidance.updatedAt.toISOString(),
    });
    expect(deleted.status).toBe(403);
    const now = await db.guidancePage.findUniqueOrThrow({ where: { id: guidance.id } });
    expect(now.title).toBe("Before");
    // shown for council A, the same form saves
    const again = await postRawPage(
      `/council/guidance/${guidance.id}`,
      new URLSearchParams({
        intent: "save",
        title: "After",
        slug: guidance.slug,
        audience: "EVERYONE",
        bodyMarkdown: "Changed.",
        [SWITCHER_FIELD]: world.councilA.id,
      }).toString(),
      "application/x-www-form-urlencoded",
      cookie,
    );
    expect(again.status).toBe(302);
    expect((await db.guidancePage.findUniqueOrThrow({ where: { id: guidance.id } })).title).toBe("After");
  });
});
