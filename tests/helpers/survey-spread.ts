// `count` businesses' survey answers spread evenly over every choice of every question: with 65, each answer of each
// question (13 barriers, 11 religions) has 5 or more, so no number is hidden and no question left out.
import { REPORT_DEFINITIONS, type ReportResponse } from "~/domain/survey/report.ts";

export function spreadAnswers(count: number): ReportResponse[] {
  return Array.from({ length: count }, (_, i) => {
    const answerOf = (id: string) => {
      const choices = REPORT_DEFINITIONS.find((d) => d.id === id)!.choices;
      const value = choices[i % choices.length]!.value;
      return value === "NOT_ANSWERED" ? null : value;
    };
    const protectedAnswers: Record<string, string> = {};
    for (const d of REPORT_DEFINITIONS)
      if (!["derivedSize", "barriers", "meetTheBuyerInterest", "contactConsent"].includes(d.id)) {
        const value = answerOf(d.id);
        if (value) protectedAnswers[d.id] = value;
      }
    const barriers = REPORT_DEFINITIONS.find((d) => d.id === "barriers")!.choices;
    return {
      derivedSize: answerOf("derivedSize"),
      barriers: [barriers[i % barriers.length]!.value],
      meetTheBuyerInterest: answerOf("meetTheBuyerInterest"),
      contactConsent: answerOf("contactConsent") === "YES",
      contactConsentAnswer: answerOf("contactConsent"),
      protectedAnswers,
    };
  });
}
