// The direction of dependencies is one way, routes → domain → db (STYLE.md): the domain's code, in every folder,
// imports neither UI components nor routes, and holds no Remix or HTTP types: no Remix module, no cookie parsing, no
// Request read, no Response, json or redirect built. A page's answer is built in its route, in app/auth (permission checks that throw
// a Response, cookies), in app/server (HTTP helpers) or beside the routes' own helpers in app/ui. Formats the
// domain shares with the pages live in ~/domain/format.ts.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const app = path.resolve(import.meta.dirname, "../../app");
const domain = path.join(app, "domain");
const files = fs
  .readdirSync(domain, { recursive: true, encoding: "utf8" })
  .filter((name) => /\.tsx?$/.test(name))
  .map((name) => name.split(path.sep).join("/"))
  .sort();

const sourceOf = (name: string) => fs.readFileSync(path.join(domain, name), "utf8");

// every module a file names: import … from, export … from, a bare import, import() and require()
const importsOf = (source: string) =>
  [
    ...source.matchAll(
      /\bfrom\s+["']([^"']+)["']|\bimport\s+["']([^"']+)["']|\b(?:import|require)\s*\(\s*["']([^"']+)["']\s*\)/g,
    ),
  ].map((m) => m[1] ?? m[2] ?? m[3]);

// where an import lands, as a path under app/ ("ui/flash.server.ts"), or null for a package
function landing(name: string, specifier: string) {
  if (specifier.startsWith("~/")) return specifier.slice(2);
  if (!specifier.startsWith(".")) return null;
  return path
    .relative(app, path.resolve(domain, path.dirname(name), specifier))
    .split(path.sep)
    .join("/");
}

function refusedImport(name: string, specifier: string) {
  if (/^@remix-run\//.test(specifier)) return "a Remix module";
  if (/^cookie(\/|$)/.test(specifier)) return "cookie parsing";
  const under = landing(name, specifier);
  if (under && /^(ui|routes)(\/|$)/.test(under)) return "a UI or route module";
  return null;
}

// the code without its comments, so that one saying what a route answers is not taken for building it
const codeOf = (source: string) =>
  source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");

const HTTP_ANSWERS: [RegExp, string][] = [
  [/\bnew\s+Response\s*\(/, "new Response("],
  [/(?<![\w$])Response\.(?:json|redirect|error)\s*\(/, "Response.json/redirect/error("],
  [/(?<![\w$.])json\s*\(/, "json("],
  [/(?<![\w$.])redirect\s*\(/, "redirect("],
  // a permission check that throws a page's answer (404, 403, a redirect to sign in) belongs in app/auth
  [/(?<![\w$.])(?:notFound|forbidden)\s*\(/, "a 404 or 403 (notFound/forbidden)"],
  [/(?<![\w$.])require[A-Z]\w*\s*\(\s*request\b/, "a request's permission check (require…(request)"],
];

function offencesOf(name: string) {
  const source = sourceOf(name);
  const imports = importsOf(source).flatMap((specifier) => {
    const why = refusedImport(name, specifier);
    return why ? [`imports ${specifier} (${why})`] : [];
  });
  const code = codeOf(source);
  const answers = HTTP_ANSWERS.filter(([pattern]) => pattern.test(code)).map(([, what]) => `builds ${what}`);
  // the client's address, a header or a form is read from the request in app/auth or app/server, and handed in
  const reading = /[\w$)?]\s*:\s*Request\b(?![\w"])/.test(code)
    ? ["reads a Request (a parameter typed Request)"]
    : [];
  return [...imports, ...answers, ...reading];
}

describe("the domain", () => {
  it("has modules to check, in every area's folder", () => {
    expect(files.length).toBeGreaterThan(100);
    for (const area of ["accounts", "audit", "content", "contracts", "marketplace", "reporting", "survey"])
      expect(files.some((name) => name.startsWith(`${area}/`))).toBe(true);
  });

  it.each(files)("%s imports no UI, route, Remix or cookie module and builds no HTTP answer", (name) => {
    expect(offencesOf(name)).toEqual([]);
  });
});
