// An evidence link carrying a user name and password ("https://user:pass@example.com/...") was taken and shown as
// a link to everyone who can see the return, the password with it. It is now refused next to the field, with what
// was typed kept, as are links that are not web addresses at all (javascript:, data:, file:, mailto:, ftp:).
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { evidenceUrlError } from "~/domain/reporting/returns-schema.ts";
import { formOf, postPage, readableMainText } from "../helpers/render-page.ts";
import { createReturnsWorld, LINKS_WITH_AN_AT, LINKS_WITH_CREDENTIALS, returnForm } from "./returns-world.ts";

// each names the commitment whose link it is (session 55)
const CREDENTIALS =
  "Enter the evidence link for Volunteering hours without a user name or password: everyone who can see this return can read the link";
const NOT_WEB =
  "Enter the evidence link for Volunteering hours as a web address starting with https:// or http://";

describe("an evidence link with a user name or password", () => {
  it.each(["save", "submit"] as const)(
    "is refused next to the field on %s, the input kept",
    async (intent) => {
      const w = await createReturnsWorld();
      const link = "https://jo.bloggs:Secret123@files.example.com/hours-q1.pdf";
      const form = formOf(
        returnForm(w, intent, {
          hours: "12",
          narrative: "A careers fair",
          evidenceUrl: link,
          declaration: true,
        }),
      );
      const response = await postPage(`/returns/${w.kpiReturn.id}`, form, w.cookies.supplierOwner);
      expect(response.status).toBe(400);
      const html = await response.text();
      const text = readableMainText(html);
      expect(text).toContain("There is a problem");
      expect(text.split(CREDENTIALS).length - 1).toBe(2); // in the summary and next to the field
      expect(html).toContain('href="#lines[0].evidenceUrl"');
      expect(html).toContain(`value="${link}"`); // what was typed is kept to correct
      expect(html).toContain('value="12"');
      const saved = await db.kpiReturn.findUniqueOrThrow({
        where: { id: w.kpiReturn.id },
        select: { status: true, lines: { select: { evidenceUrl: true } } },
      });
      expect(saved.status).toBe("NOT_STARTED");
      expect(saved.lines).toEqual([]);
    },
  );

  it.each([
    ...LINKS_WITH_CREDENTIALS.map(([link]) => [link, CREDENTIALS]),
    ["javascript:alert(document.cookie)", NOT_WEB],
    ["data:text/html,<script>alert(1)</script>", NOT_WEB],
    ["file:///C:/reports/q1.pdf", NOT_WEB],
    ["mailto:jo@example.com", NOT_WEB],
    ["ftp://example.com/report.pdf", NOT_WEB],
  ])("%s is refused", (link, message) => {
    expect(evidenceUrlError(link, "Volunteering hours")).toBe(message);
  });

  it.each(LINKS_WITH_AN_AT)("%s (an @ after the address) is taken", (link) => {
    expect(evidenceUrlError(link, "Volunteering hours")).toBeNull();
  });
});
