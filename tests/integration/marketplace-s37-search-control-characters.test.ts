// A search of control characters (/requests?q=%00, a pasted tab or line break) listed "0 requests matching “”":
// the characters were searched for as words, and the caption quoted nothing. They are now spaces, and a search
// with nothing to show once they are is no search: every request is listed, with no "matching" caption.
import { beforeAll, describe, expect, it } from "vitest";
import { parseSearch } from "~/domain/marketplace/schemas.ts";
import { createRequest, createWorld } from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";

const word = `qc${Date.now().toString(36).replace(/[0-9]/g, "")}`;

beforeAll(async () => {
  const world = await createWorld();
  await createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    title: `Garden tools ${word}`,
    status: "OPEN",
  });
});

async function list(q: string) {
  const answer = await renderPage(`/requests?q=${q}&sort=newest`);
  return { status: answer.status, text: readableText(await answer.text()) };
}

describe("a search of control characters", () => {
  it.each(["%00", "%09%0A", "%00%01%1F%7F", "%C2%85"])(
    "q=%s lists every request, not 0 matching “”",
    async (q) => {
      const answer = await list(q);
      expect(answer.status).toBe(200);
      expect(answer.text).not.toContain("matching “");
      expect(answer.text).not.toMatch(/\b0 requests/);
      expect(answer.text).toContain(`Garden tools ${word}`);
    },
  );

  it("separates words rather than joining them", async () => {
    expect(parseSearch(new URLSearchParams(`q=garden%00tools`)).q).toBe("garden tools");
    const answer = await list(`%00${word}%09`);
    expect(answer.text).toContain(`matching “${word}”`);
    expect(answer.text).toContain(`Garden tools ${word}`);
  });
});
