// The request log and the error log show the page a request was for, never a secret an emailed link carries: an
// invitation link's token lets whoever holds it join the organisation or answer the council's diversity survey.
import { describe, expect, it } from "vitest";
import { loggedPath } from "~/server/logger.ts";

describe("loggedPath", () => {
  it("hides the token of an invitation to join an organisation", () => {
    expect(loggedPath("/invitations/Q2x9aW5fMTIzNDU2Nzg5MA")).toBe("/invitations/[redacted]");
  });

  it("hides the token of an invitation to the survey", () => {
    expect(loggedPath("/survey/invitation/abcDEF123_-xyz?utm=1")).toBe("/survey/invitation/[redacted]");
  });

  it("drops the query string, where reset and confirmation links carry theirs", () => {
    expect(loggedPath("/reset-password?token=secret")).toBe("/reset-password");
  });

  it("leaves every other path as it is", () => {
    expect(loggedPath("/requests/abc123/pledge")).toBe("/requests/abc123/pledge");
    expect(loggedPath("/survey/cycle-1/questions/ownership")).toBe("/survey/cycle-1/questions/ownership");
    expect(loggedPath(undefined)).toBe("");
  });
});
