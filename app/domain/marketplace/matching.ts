// "Requests that fit your open commitments": a pure score of one open request against a supplier's
// commitments that still have target left. Higher is a better fit; reasons explain the score in words.
import type { HelpType, MeasureTheme, MeasureUnit } from "~/generated/prisma/enums.ts";
import { requestIsFor } from "./also-for.ts";

export type OpenCommitment = {
  id: string;
  councilId: string;
  // "NCC-2410 Home care framework": a supplier may hold the same measure on several contracts
  contract: string;
  measureName: string;
  unit: MeasureUnit;
  theme: MeasureTheme;
  helpTypes: HelpType[];
  remaining: number;
};

export type CandidateRequest = {
  councilId: string;
  // the other councils it is for besides the lead one (decision 050): a commitment with any of them fits too
  alsoForCouncilIds?: string[];
  helpType: HelpType;
  categoryName: string;
  stillNeeded: number;
  isRemote: boolean;
  postcodeArea: string | null;
  districtPostcodeAreas: string[];
  neededBy: Date;
};

// Words in a council's category names that suggest a measure theme.
const THEME_WORDS: Record<MeasureTheme, RegExp> = {
  JOBS: /employ|skill|job|career|apprentice/i,
  GROWTH: /business|enterprise|econom|growth/i,
  SOCIAL: /community|health|wellbeing|children|young|older|food|space/i,
  ENVIRONMENT: /environment|green|climate|tree|waste/i,
  INNOVATION: /digital|innovation|technology/i,
};

const DAY = 24 * 60 * 60 * 1000;

export { outwardCode } from "~/domain/postcodes.ts";

export function scoreMatch(
  request: CandidateRequest,
  commitments: OpenCommitment[],
  supplierArea: string | null,
  today: Date,
): { score: number; commitmentId: string | null; reasons: string[] } {
  const fitting = commitments.filter(
    (c) => requestIsFor(request, c.councilId) && c.remaining > 0 && c.helpTypes.includes(request.helpType),
  );
  if (fitting.length === 0) return { score: 0, commitmentId: null, reasons: [] };
  const onTheme = (c: OpenCommitment) => THEME_WORDS[c.theme].test(request.categoryName);
  const covers = (c: OpenCommitment) => c.remaining >= request.stillNeeded;
  // The commitment the request is put to the supplier against, which every reason is about: one whose theme fits
  // the request's category (help for "Employment and skills" goes to a jobs measure before a volunteering one
  // with more hours left), then one with enough target left for all of it, then the one with most left.
  const best = [...fitting].sort(
    (a, b) =>
      Number(onTheme(b)) - Number(onTheme(a)) ||
      Number(covers(b)) - Number(covers(a)) ||
      b.remaining - a.remaining,
  )[0];
  // the contract too: a supplier may hold the same measure on several
  const reasons = [`Counts towards “${best.measureName}” on ${best.contract}`];
  let score = 40;
  if (covers(best)) {
    score += 10;
    reasons.push("Your commitment has enough target left to cover all of it");
  }
  if (onTheme(best)) {
    score += 15;
    reasons.push(`Category “${request.categoryName}” fits your commitment's theme`);
  }
  if (
    supplierArea &&
    (request.postcodeArea === supplierArea || request.districtPostcodeAreas.includes(supplierArea))
  ) {
    score += 20;
    reasons.push(`Near you (${supplierArea})`);
  } else if (request.isRemote) {
    score += 10;
    reasons.push("Can be done remotely");
  }
  const days = Math.round((request.neededBy.getTime() - today.getTime()) / DAY);
  if (days <= 14) {
    score += 15;
    reasons.push("Closes within two weeks");
  } else if (days <= 30) {
    score += 10;
    reasons.push("Closes within a month");
  } else score += 5;
  return { score, commitmentId: best.id, reasons };
}
