// Public pages, signed out, ship at most 100 KB of JavaScript (gzipped, as served) and no zod: one import in a
// route once pulled zod into /requests (189 KB) and only the benchmark noticed. The home page, the requests list,
// a request's page and the impact page also ship no pluralize: their loaders write the quantities and types of
// help as text (request-card.server.ts), and the library once took /requests to 99.9 KB. Sizes are deterministic,
// so the pages are measured with the benchmark's own code rather than timed. No page ships zxcvbn, whose word lists
// (about 2 MB) check new passwords on the server (decision 051).
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { javascriptPerPage } from "../helpers/page-javascript.ts";

const BUDGET_BYTES = 100 * 1024;

async function filteredSearch(page: Page) {
  await page.goto("/requests");
  await page.getByLabel("Search", { exact: true }).fill("garden");
  await page.getByLabel("Council", { exact: true }).selectOption({ index: 1 });
  await page.getByLabel("Type of help", { exact: true }).selectOption("Volunteering");
  await page.getByLabel("Sort by", { exact: true }).selectOption({ index: 1 });
  await page.getByRole("button", { name: "Show requests" }).click();
  await page.waitForURL(/[?&]q=garden/);
  return pathOf(page);
}

async function firstLinkedPage(page: Page, from: string, link: ReturnType<Page["getByRole"]>) {
  await page.goto(from);
  await link.first().click();
  await page.waitForURL((url) => url.pathname !== from);
  return pathOf(page);
}

function pathOf(page: Page) {
  const url = new URL(page.url());
  return url.pathname + url.search;
}

// `noPluralize`: the page's quantities and types of help come written from its loader
const PAGES: {
  name: string;
  path: string | ((page: Page) => Promise<string>);
  noPluralize?: true;
}[] = [
  { name: "the home page", path: "/", noPluralize: true },
  { name: "the requests list", path: "/requests", noPluralize: true },
  { name: "the requests list, filtered and searched", path: filteredSearch, noPluralize: true },
  {
    name: "an open request",
    path: (page) =>
      firstLinkedPage(
        page,
        "/requests",
        page.getByRole("main").getByRole("heading", { level: 3 }).getByRole("link"),
      ),
    noPluralize: true,
  },
  // there is one impact page for all councils (routes/impact._index)
  { name: "the impact page", path: "/impact", noPluralize: true },
  { name: "the guidance list", path: "/guidance" },
  {
    name: "a guidance page",
    path: (page) =>
      firstLinkedPage(page, "/guidance", page.getByRole("main").getByRole("listitem").getByRole("link")),
  },
  { name: "sign in", path: "/sign-in" },
  { name: "sign up", path: "/sign-up" },
  { name: "check your email, after signing up", path: "/sign-up/check-email" },
  { name: "forgot password", path: "/forgot-password" },
  // the pages of emailed links, reached here with a link that does not work
  { name: "reset password", path: "/reset-password?token=not-a-token" },
  { name: "an invitation", path: "/invitations/not-a-token" },
  { name: "verify an email address", path: "/verify-email?token=not-a-token" },
  { name: "the privacy notice", path: "/privacy" },
  { name: "the accessibility statement", path: "/accessibility" },
  { name: "the page-not-found page", path: "/no-such-page" },
];

for (const { name, path: pagePath, noPluralize } of PAGES) {
  test(`${name}: at most 100 KB of JavaScript and no ${noPluralize ? "zod, zxcvbn or pluralize" : "zod or zxcvbn"}`, async ({
    page,
    baseURL,
  }) => {
    const url = typeof pagePath === "string" ? pagePath : await pagePath(page);
    const [measured] = await javascriptPerPage(baseURL!, [url]);
    const largest = measured.scripts
      .slice(0, 3)
      .map((s) => `${s.src} ${kb(s.gzipBytes)}`)
      .join(", ");
    expect
      .soft(
        measured.gzipBytes,
        `${url} ships ${kb(measured.gzipBytes)} of JavaScript in ${measured.files} files (budget ${kb(BUDGET_BYTES)}); largest: ${largest}`,
      )
      .toBeLessThanOrEqual(BUDGET_BYTES);
    expect(measured.files, `${url} references no built scripts: is the page rendering?`).toBeGreaterThan(0);
    const sources = measured.scripts.map((s) => s.src);
    const zod = libraryIn(sources, "zod");
    expect(zod.chunks, `${url} ships zod, imported by ${zod.importers.join(", ")}`).toEqual([]);
    const zxcvbn = libraryIn(sources, "@zxcvbn-ts");
    expect(zxcvbn.chunks, `${url} ships zxcvbn, imported by ${zxcvbn.importers.join(", ")}`).toEqual([]);
    if (noPluralize) {
      const pluralize = libraryIn(sources, "pluralize");
      expect(
        pluralize.chunks,
        `${url} ships pluralize, imported by ${pluralize.importers.join(", ")}`,
      ).toEqual([]);
    }
  });
}

function kb(bytes: number) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

type Metafile = {
  inputs: Record<string, { imports: { path: string }[] }>;
  outputs: Record<string, { inputs: Record<string, unknown>; imports: { path: string; kind: string }[] }>;
};

// Which served scripts (and the chunks they import) contain a library of node_modules (zod, pluralize), and which
// modules bring it in, read from the metafile the compiler writes beside the server build: minified code cannot
// be searched for a library reliably.
// playwright.config.ts builds each run into .e2e/<run id>/build (SVM_BUILD_DIR), whose assets folder is
// served under /build/ (remix.config.js); metafile output paths are relative to the repository.
function libraryIn(sources: string[], library: string) {
  const isLibrary = (input: string) => input.startsWith(`node_modules/${library}/`);
  const root = path.resolve(import.meta.dirname, "../..");
  const buildDir = path.join(root, ".e2e", process.env.E2E_RUN_ID!, "build");
  const metafile = JSON.parse(fs.readFileSync(path.join(buildDir, "metafile.js.json"), "utf8")) as Metafile;
  const assets = path.relative(root, path.join(buildDir, "assets"));
  const outputs = new Set<string>();
  const add = (output: string) => {
    if (outputs.has(output)) return;
    outputs.add(output);
    for (const i of metafile.outputs[output].imports) if (i.kind === "import-statement") add(i.path);
  };
  for (const src of sources) {
    const output = path.join(assets, src.replace(/^\/build\//, ""));
    // Remix writes its route manifest itself, outside esbuild; it is data only
    if (!metafile.outputs[output] && /^\/build\/manifest-\w+\.js$/.test(src)) continue;
    expect(metafile.outputs[output], `${src} is not in ${buildDir}/metafile.js.json`).toBeDefined();
    add(output);
  }
  const inputs = [...outputs].flatMap((output) => Object.keys(metafile.outputs[output].inputs));
  return {
    chunks: [...outputs]
      .filter((output) => Object.keys(metafile.outputs[output].inputs).some(isLibrary))
      .map((output) => `/build/${path.relative(assets, output)}`),
    importers: inputs.filter(
      (input) => !isLibrary(input) && metafile.inputs[input]?.imports.some((i) => isLibrary(i.path)),
    ),
  };
}
