import { describe, expect, it } from "vitest";
import { REQUEST_STATUSES } from "~/domain/marketplace/request-lifecycle.ts";
import {
  extendedReason,
  publicEventNote,
  REQUEST_EVENT_REASONS,
} from "~/domain/marketplace/request-timeline.ts";

describe("the public note on a request's timeline", () => {
  it("shows the reasons the system records, as written", () => {
    for (const reason of Object.values(REQUEST_EVENT_REASONS))
      expect(publicEventNote({ fromStatus: "OPEN", toStatus: "PARTIALLY_PLEDGED", reason })).toEqual({
        text: reason,
      });
  });

  it("shows an extension's new date", () => {
    expect(
      publicEventNote({ fromStatus: "OPEN", toStatus: "OPEN", reason: extendedReason("2031-05-10") }),
    ).toEqual({ text: "Needed-by date extended to", date: "2031-05-10" });
  });

  it("says what a person did, never what they wrote", () => {
    const typed = "Spoke to Jane Smith on 07700 900123, she is unwell";
    expect(publicEventNote({ fromStatus: "SUBMITTED", toStatus: "OPEN", reason: typed })).toEqual({
      text: "Approved by the council",
    });
    expect(
      publicEventNote({ fromStatus: "SUBMITTED", toStatus: "CHANGES_REQUESTED", reason: typed }),
    ).toEqual({ text: "The council asked for changes" });
    expect(publicEventNote({ fromStatus: "OPEN", toStatus: "WITHDRAWN", reason: typed })).toEqual({
      text: "Withdrawn by the organisation that posted it",
    });
    for (const fromStatus of [null, ...REQUEST_STATUSES])
      for (const toStatus of REQUEST_STATUSES)
        expect(JSON.stringify(publicEventNote({ fromStatus, toStatus, reason: typed }))).not.toContain(
          "Jane",
        );
  });

  it("leaves out a reason it does not know, and an extension-like text on a change of status", () => {
    expect(publicEventNote({ fromStatus: "DRAFT", toStatus: "SUBMITTED", reason: "see email" })).toBeNull();
    expect(publicEventNote({ fromStatus: null, toStatus: "DRAFT", reason: null })).toBeNull();
    expect(
      publicEventNote({
        fromStatus: "OPEN",
        toStatus: "PARTIALLY_PLEDGED",
        reason: "Extended to 2031-05-10",
      }),
    ).toBeNull();
  });
});
