// The open data could be downloaded but not read by another website's scripts (a council's data portal, a
// charity's map): the browser refused them without Access-Control-Allow-Origin. It holds no personal data and
// needs no sign-in, so both files now allow any site; the signed-in pages do not.
import { describe, expect, it } from "vitest";
import { createUser, sessionCookieFor } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";

describe("the open-data downloads", () => {
  it("may be read by any website's scripts, as CSV and as JSON", async () => {
    for (const path of ["/impact/data.csv", "/impact/data.json"]) {
      const response = await renderPage(path);
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
      expect({ path, allowed: response.headers.get("access-control-allow-origin") }).toEqual({
        path,
        allowed: "*",
      });
    }
  });

  it("are the only ones: a signed-in page allows no other site", async () => {
    const cookie = await sessionCookieFor((await createUser()).id);
    for (const path of ["/impact", "/dashboard", "/account"]) {
      const response = await renderPage(path, cookie);
      expect({ path, allowed: response.headers.get("access-control-allow-origin") }).toEqual({
        path,
        allowed: null,
      });
    }
  });
});
