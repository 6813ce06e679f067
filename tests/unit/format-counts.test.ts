import { describe, expect, it } from "vitest";
import { countOf, listInWords, plural } from "~/domain/format.ts";

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

describe("listInWords", () => {
  it("lists names as a sentence does, with no comma before the last", () => {
    expect(listInWords([])).toBe("");
    expect(listInWords(["Woking"])).toBe("Woking");
    expect(listInWords(["Woking", "Guildford"])).toBe("Woking and Guildford");
    expect(listInWords(["Woking", "Guildford", "Epsom"])).toBe("Woking, Guildford and Epsom");
  });
});
