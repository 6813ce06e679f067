import { describe, expect, it } from "vitest";
import { MAX_PAGE, pageParam, safeRedirect } from "~/auth/request-context.server.ts";

describe("safeRedirect", () => {
  it.each([
    ["/requests?category=food#results", "/requests?category=food#results"],
    ["/contracts/abc", "/contracts/abc"],
    ["/requests/../dashboard", "/dashboard"],
  ])("keeps our own path %s", (to, expected) => {
    expect(safeRedirect(to)).toBe(expected);
  });

  it.each([
    "https://evil.example/",
    "//evil.example",
    "/\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/%0A/x\r\n",
    "/x\nSet-Cookie: a=b",
    "\\\\evil.example",
    "evil.example",
    "",
    null,
    undefined,
  ])("sends %j to the fallback", (to) => {
    expect(safeRedirect(to, "/home")).toBe("/home");
  });

  it("never answers with a path a browser would read as another site", () => {
    for (const to of ["/\t/evil.example", "/ /evil.example", "/%09/evil.example", "/%2F/evil.example"]) {
      const result = safeRedirect(to);
      expect(new URL(result, "https://portal.example").origin).toBe("https://portal.example");
    }
  });
});

describe("pageParam", () => {
  const page = (value: string) => pageParam(new Request(`http://localhost/requests?page=${value}`));
  it("reads a whole page number written in digits, falling back to 1 and stopping at MAX_PAGE", () => {
    expect(page("3")).toBe(3);
    expect(page("0")).toBe(1);
    expect(page("-4")).toBe(1);
    expect(page("abc")).toBe(1);
    // the same rule as the lists whose filters zod reads: not 3, 2 or 1,000 on some lists and 1 on others
    expect(page("3abc")).toBe(1);
    expect(page("2.5")).toBe(1);
    expect(page("1e3")).toBe(1);
    // a page past the last is kept as asked, for the list to say there is no such page
    expect(page("99999")).toBe(99999);
    expect(page("99999999999999999999")).toBe(MAX_PAGE);
    expect(pageParam(new Request("http://localhost/requests"))).toBe(1);
  });
});
