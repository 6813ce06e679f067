// The default measure library, from indicators councils publish. No licensed proxy values (e.g. the
// National TOMs figures) are shipped: each council enters its own £ per unit if it wants them.
import type { HelpType, MeasureTheme, MeasureUnit } from "~/generated/prisma/enums.ts";

export type DefaultMeasure = {
  code: string;
  name: string;
  theme: MeasureTheme;
  unit: MeasureUnit;
  frameworkMapping?: string;
  helpText: string;
  contributingHelpTypes: HelpType[];
};

export const DEFAULT_MEASURES: DefaultMeasure[] = [
  {
    code: "JOB-01",
    name: "No. of local people employed on the contract",
    theme: "JOBS",
    unit: "PEOPLE",
    frameworkMapping: "Tackling economic inequality",
    helpText: "Full-time equivalent people living in the council area employed to deliver this contract.",
    contributingHelpTypes: [],
  },
  {
    code: "JOB-02",
    name: "No. of apprentices",
    theme: "JOBS",
    unit: "PEOPLE",
    frameworkMapping: "Tackling economic inequality",
    helpText: "Apprentices employed on the contract during the period.",
    contributingHelpTypes: [],
  },
  {
    code: "JOB-03",
    name: "No. of weeks of apprenticeships",
    theme: "JOBS",
    unit: "WEEKS",
    frameworkMapping: "Tackling economic inequality",
    helpText: "Total weeks of apprenticeship delivered on the contract.",
    contributingHelpTypes: [],
  },
  {
    code: "JOB-04",
    name: "No. of hours supporting young people into work",
    theme: "JOBS",
    unit: "HOURS",
    frameworkMapping: "Tackling economic inequality",
    helpText: "Careers talks, mock interviews, CV workshops and mentoring for people aged 16–24.",
    contributingHelpTypes: ["EXPERTISE"],
  },
  {
    code: "JOB-05",
    name: "Work placements and training places",
    theme: "JOBS",
    unit: "PEOPLE",
    frameworkMapping: "Tackling economic inequality",
    helpText: "Work experience, T-level and supported placements offered.",
    contributingHelpTypes: ["WORK_PLACEMENT"],
  },
  {
    code: "GRO-01",
    name: "Local spend (£)",
    theme: "GROWTH",
    unit: "GBP",
    frameworkMapping: "Tackling economic inequality",
    helpText: "Spend in the supply chain with businesses based in the council area.",
    contributingHelpTypes: [],
  },
  {
    code: "GRO-02",
    name: "Spend with SMEs and VCSEs (£)",
    theme: "GROWTH",
    unit: "GBP",
    frameworkMapping: "Tackling economic inequality",
    helpText:
      "Supply-chain spend with small and medium enterprises and voluntary, community and social enterprises.",
    contributingHelpTypes: [],
  },
  {
    code: "GRO-03",
    name: "% of suppliers paid within 30 days",
    theme: "GROWTH",
    unit: "PERCENT",
    frameworkMapping: "Tackling economic inequality",
    helpText: "Share of supply-chain invoices paid within 30 days in the period.",
    contributingHelpTypes: [],
  },
  {
    code: "GRO-04",
    name: "% of staff paid at least the Real Living Wage",
    theme: "GROWTH",
    unit: "PERCENT",
    frameworkMapping: "Fair work",
    helpText: "Share of staff working on the contract paid at least the Real Living Wage.",
    contributingHelpTypes: [],
  },
  {
    code: "SOC-01",
    name: "Volunteering hours",
    theme: "SOCIAL",
    unit: "HOURS",
    frameworkMapping: "Wellbeing",
    helpText: "Staff volunteering time given to local community groups.",
    contributingHelpTypes: ["VOLUNTEERING", "EXPERTISE"],
  },
  {
    code: "SOC-02",
    name: "Donations / in-kind contributions to VCSEs (£)",
    theme: "SOCIAL",
    unit: "GBP",
    frameworkMapping: "Wellbeing",
    helpText:
      "Money, and the value in pounds of goods, given to voluntary, community and social enterprises. Goods pledged through the marketplace are counted in items, not pounds: report their value here yourself.",
    // only help measured in pounds: goods are pledged in items (see measure-help-types.ts)
    contributingHelpTypes: ["FUNDING"],
  },
  {
    code: "SOC-03",
    name: "Items donated to community groups",
    theme: "SOCIAL",
    unit: "COUNT",
    frameworkMapping: "Wellbeing",
    helpText: "Equipment, furniture, IT and other goods donated.",
    contributingHelpTypes: ["GOODS"],
  },
  {
    code: "SOC-04",
    name: "Community engagement (qualitative)",
    theme: "SOCIAL",
    unit: "QUALITATIVE",
    frameworkMapping: "Wellbeing",
    helpText: "A narrative commitment answered in words, for question-based social value.",
    contributingHelpTypes: [],
  },
  {
    code: "INN-01",
    name: "Innovation and social enterprise support (qualitative)",
    theme: "INNOVATION",
    unit: "QUALITATIVE",
    frameworkMapping: "Tackling economic inequality",
    helpText: "How the supplier supports innovation and social enterprises locally.",
    contributingHelpTypes: [],
  },
  {
    code: "ENV-01",
    name: "Car miles saved",
    theme: "ENVIRONMENT",
    unit: "COUNT",
    frameworkMapping: "Fighting climate change",
    helpText: "Optional. Carbon reduction is normally handled in the contract specification.",
    contributingHelpTypes: [],
  },
  {
    code: "ENV-02",
    name: "Waste diverted from landfill (tonnes)",
    theme: "ENVIRONMENT",
    unit: "TONNES",
    frameworkMapping: "Fighting climate change",
    helpText: "Optional. Tonnes of waste reused or recycled instead of landfilled.",
    contributingHelpTypes: [],
  },
];

export const DEFAULT_CATEGORIES = [
  "Employment and skills",
  "Environment",
  "Health and wellbeing",
  "Digital inclusion",
  "Community spaces",
  "Children and young people",
];
