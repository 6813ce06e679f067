// The JavaScript a browser downloads for a page, measured the same way by the benchmark's report and by the
// end-to-end budget test (tests/e2e/javascript-budget.spec.ts).
import zlib from "node:zlib";

export type PageJavascript = {
  // the page as the benchmark's report names it (long ids shown as :id)
  path: string;
  url: string;
  files: number;
  gzipBytes: number;
  // largest first
  scripts: { src: string; gzipBytes: number }[];
};

// Its module scripts and preloads, gzipped as they are served.
export async function javascriptPerPage(base: string, paths: string[]): Promise<PageJavascript[]> {
  const sizes = new Map<string, number>();
  const out = [];
  for (const pagePath of paths) {
    const html = await (await fetch(base + pagePath)).text();
    const sources = new Set(
      [
        ...html.matchAll(/(?:src|href)="(\/build\/[^"]+\.js)"/g),
        ...html.matchAll(/import\("(\/build\/[^"]+\.js)"\)/g),
      ].map((m) => m[1]),
    );
    let gzipBytes = 0;
    for (const source of sources) {
      if (!sizes.has(source)) {
        const body = Buffer.from(await (await fetch(base + source)).arrayBuffer());
        sizes.set(source, zlib.gzipSync(body).length);
      }
      gzipBytes += sizes.get(source)!;
    }
    const scripts = [...sources]
      .map((src) => ({ src, gzipBytes: sizes.get(src)! }))
      .sort((a, b) => b.gzipBytes - a.gzipBytes);
    out.push({
      path: pagePath.replace(/[a-z0-9]{20,}/, ":id"),
      url: pagePath,
      files: sources.size,
      gzipBytes,
      scripts,
    });
  }
  return out;
}
