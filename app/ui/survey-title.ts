// The title of a page of a business's supplier diversity survey: the page, then the survey (its year and council) and
// the business answering it, so someone answering for two businesses, or two councils' surveys, tells their tabs and
// history apart (WCAG 2.4.2).
export type SurveyNamed = { year: number; councilName: string; businessName: string };

export function surveyPageTitle(page: string | null, survey: SurveyNamed | null | undefined) {
  const named = survey
    ? `Supplier diversity survey ${survey.year}: ${survey.councilName} – ${survey.businessName}`
    : "Supplier diversity survey";
  return `${page ? `${page} – ` : ""}${named} – Social Value Marketplace`;
}
