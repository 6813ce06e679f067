import { describe, expect, it } from "vitest";
import {
  outwardCode,
  scoreMatch,
  type CandidateRequest,
  type OpenCommitment,
} from "~/domain/marketplace/matching.ts";

const today = new Date("2026-11-22T00:00:00Z");
const commitment: OpenCommitment = {
  id: "c1",
  councilId: "north",
  contract: "NCC-2410 Home care framework",
  measureName: "Volunteering hours",
  unit: "HOURS",
  theme: "SOCIAL",
  helpTypes: ["VOLUNTEERING", "EXPERTISE"],
  remaining: 100,
};
const request: CandidateRequest = {
  councilId: "north",
  helpType: "VOLUNTEERING",
  categoryName: "Community spaces",
  stillNeeded: 20,
  isRemote: false,
  postcodeArea: null,
  districtPostcodeAreas: ["GU1", "GU2"],
  neededBy: new Date("2026-12-01T00:00:00Z"),
};

describe("matching requests to open commitments", () => {
  it("does not match another council's request, another help type, or a used-up commitment", () => {
    expect(scoreMatch({ ...request, councilId: "east" }, [commitment], "GU1", today).score).toBe(0);
    expect(scoreMatch({ ...request, helpType: "FUNDING" }, [commitment], "GU1", today).score).toBe(0);
    expect(scoreMatch(request, [{ ...commitment, remaining: 0 }], "GU1", today).score).toBe(0);
    expect(scoreMatch(request, [], "GU1", today)).toEqual({ score: 0, commitmentId: null, reasons: [] });
  });

  it("scores help type, enough target, category theme, nearness and closing date", () => {
    const best = scoreMatch(request, [commitment], "GU1", today);
    expect(best.commitmentId).toBe("c1");
    expect(best.score).toBe(40 + 10 + 15 + 20 + 15);
    expect(best.reasons).toContain("Near you (GU1)");
    const far = scoreMatch(request, [commitment], "BN1", today);
    expect(far.score).toBe(best.score - 20);
    const remote = scoreMatch({ ...request, isRemote: true }, [commitment], "BN1", today);
    expect(remote.score).toBe(far.score + 10);
    const later = scoreMatch(
      { ...request, neededBy: new Date("2027-03-01T00:00:00Z") },
      [commitment],
      "GU1",
      today,
    );
    expect(later.score).toBe(best.score - 10);
    const small = scoreMatch(request, [{ ...commitment, remaining: 5 }], "GU1", today);
    expect(small.score).toBe(best.score - 10);
    const offTheme = scoreMatch(
      { ...request, categoryName: "Digital inclusion" },
      [commitment],
      "GU1",
      today,
    );
    expect(offTheme.score).toBe(best.score - 15);
  });

  it("picks the commitment with most target left", () => {
    const other = { ...commitment, id: "c2", remaining: 300 };
    expect(scoreMatch(request, [commitment, other], null, today).commitmentId).toBe("c2");
  });

  it("puts a request against the commitment whose theme fits, and scores it by that one alone", () => {
    const jobs = {
      ...commitment,
      id: "jobs",
      theme: "JOBS" as const,
      remaining: 10,
      contract: "NCC-1 Careers",
    };
    const skills = { ...request, categoryName: "Employment and skills" };
    const match = scoreMatch(skills, [commitment, jobs], null, today);
    expect(match.commitmentId).toBe("jobs");
    expect(match.reasons[0]).toBe("Counts towards “Volunteering hours” on NCC-1 Careers");
    // on theme, but 10 left of the 20 needed: the target left of the other commitment is not added
    expect(match.score).toBe(40 + 15 + 15);
    expect(match.reasons).not.toContain("Your commitment has enough target left to cover all of it");
  });

  it("reads the outward code of a postcode", () => {
    expect(outwardCode("gu1 3uw")).toBe("GU1");
    expect(outwardCode("SW1A 1AA")).toBe("SW1A");
    expect(outwardCode(null)).toBeNull();
  });
});
