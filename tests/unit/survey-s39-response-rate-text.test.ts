// Found in the s39 survey QA: the response rate read "25%" under a count of invitations it was not worked out from
// (it is of the businesses eligible or invited), and "–" when no business was either. It now says what it counts.
import { describe, expect, it } from "vitest";
import { responseRateText } from "~/domain/survey/stages.ts";

const opensOn = new Date("2027-04-01T00:00:00Z");

describe("the response rate on an officer's survey pages", () => {
  it("says how many of how many businesses responded, and the rate", () => {
    expect(responseRateText({ stage: "OPEN", opensOn, reached: 4, submitted: "1", rate: 25 })).toBe(
      "1 of 4 eligible or invited businesses responded (25%)",
    );
    expect(responseRateText({ stage: "CLOSED", opensOn, reached: 1200, submitted: "30", rate: 2.5 })).toBe(
      "30 of 1,200 eligible or invited businesses responded (2.5%)",
    );
  });

  it("says when no business was eligible or invited, rather than dividing by nothing", () => {
    expect(responseRateText({ stage: "OPEN", opensOn, reached: 0, submitted: "0", rate: null })).toBe(
      "No business is eligible or has been invited yet",
    );
    expect(responseRateText({ stage: "CLOSED", opensOn, reached: 0, submitted: "0", rate: null })).toBe(
      "No business was eligible or invited",
    );
  });

  it("gives no rate for a closed survey with few answers, nor once anonymised", () => {
    expect(responseRateText({ stage: "CLOSED", opensOn, reached: 40, submitted: "<5", rate: null })).toBe(
      "Fewer than 5 of 40 eligible or invited businesses responded",
    );
    expect(responseRateText({ stage: "CLOSED", opensOn, reached: null, submitted: "12", rate: null })).toBe(
      "Not kept",
    );
  });

  it("says when a survey not open yet opens", () => {
    expect(responseRateText({ stage: "NOT_YET_OPEN", opensOn, reached: 3, submitted: "0", rate: 0 })).toBe(
      "Not open yet – opens 1 April 2027",
    );
  });
});
