// The accessibility statement lacked much of what the Public Sector Bodies (Websites and Mobile Applications) (No. 2)
// Accessibility Regulations 2018 ask for: it claimed to be "designed to meet" WCAG 2.2 AA without a compliance
// status, listed no non-accessible content, named the EASS with no way to reach it and gave no date. It now follows
// GOV.UK's sample statement, section by section, and says honestly what was tested and how.
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createCouncil } from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";

const tag = crypto.randomUUID().slice(0, 8);
const address = `access-${tag}@council.example`;
let html = "";
let text = "";

beforeAll(async () => {
  const council = await createCouncil({ name: `Statement Council ${tag}` });
  await db.organisation.update({ where: { id: council.id }, data: { contactEmail: address } });
  const response = await renderPage("/accessibility");
  expect(response.status).toBe(200);
  html = (await response.text()).replace(/<!-- -->/g, "");
  text = readableMainText(html);
});

const headings = (level: 1 | 2 | 3) =>
  [...html.matchAll(new RegExp(`<h${level}[^>]*>(.*?)</h${level}>`, "g"))].map((m) =>
    m[1].replace(/<[^>]*>/g, "").replace(/&#x27;/g, "'"),
  );

describe("the accessibility statement", () => {
  it("has each section of GOV.UK's sample statement", () => {
    expect(headings(1)).toEqual(["Accessibility statement for the Social Value Marketplace"]);
    expect(headings(2)).toEqual([
      "How accessible this service is",
      "Feedback and contact information",
      "Reporting accessibility problems with this service",
      "Enforcement procedure",
      "Technical information about this service's accessibility",
      "Non-accessible content",
      "What we're doing to improve accessibility",
      "Preparation of this accessibility statement",
    ]);
    expect(headings(3)).toEqual([
      "Compliance status",
      "Non-compliance with the accessibility regulations",
      "Content that's not within the scope of the accessibility regulations",
    ]);
  });

  it("says how far it complies, and honestly what was tested and how", () => {
    expect(text).toContain(
      "This service is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard.",
    );
    expect(text).toContain("axe-core accessibility checker");
    expect(text).toContain("using only the keyboard");
    expect(text).toContain("with JavaScript turned off");
    expect(text).toContain("Automated checks find only some accessibility problems.");
    expect(text).toContain("has not yet had a full audit by hand or been tested with assistive technologies");
  });

  it("lists what is not accessible, or that none is known", () => {
    expect(text).toContain("We know of no content that fails the accessibility regulations.");
    expect(text).toContain("evidence files attached to quarterly returns");
  });

  it("says whom to contact, with the council's address, and how soon they reply", () => {
    expect(html).toContain(`<a href="mailto:${address}">${address}</a>`);
    expect(text).toContain(`Statement Council ${tag}: ${address}`);
    expect(text).toContain("get back to you within 5 working days");
    expect(text).toContain("We aim to reply within 5 working days.");
  });

  it("gives the enforcement procedure, with a link to the EASS", () => {
    expect(text).toContain("The Equality and Human Rights Commission (EHRC) is responsible for enforcing");
    expect(html).toContain(
      '<a href="https://www.equalityadvisoryservice.com/">contact the Equality Advisory and Support Service (EASS)</a>',
    );
  });

  it("says when it was prepared and last reviewed", () => {
    expect(text).toContain(
      "This statement was prepared on 5 December 2026. It was last reviewed on 5 December 2026.",
    );
  });

  it("links only to its own sections that exist", () => {
    const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    const anchors = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]).filter((id) => id !== "main");
    expect(anchors.length).toBeGreaterThan(0);
    for (const id of anchors) expect(ids, id).toContain(id);
  });
});
