import { describe, expect, it } from "vitest";
import { countOf, plural } from "~/domain/format.ts";

describe("counts in words", () => {
  it("uses the singular only for exactly one", () => {
    expect(plural(1, "request", "requests")).toBe("request");
    expect(plural(0, "request", "requests")).toBe("requests");
    expect(plural(2, "request", "requests")).toBe("requests");
    expect(plural(-1, "request", "requests")).toBe("requests");
  });

  it("writes the count in figures with thousands separators before the word", () => {
    expect(countOf(1, "business", "businesses")).toBe("1 business");
    expect(countOf(0, "business", "businesses")).toBe("0 businesses");
    expect(countOf(1204, "pledge to answer", "pledges to answer")).toBe("1,204 pledges to answer");
  });
});
