// The questionnaire: one topic per page, every question optional with "Prefer not to say".
// Protected characteristics (Equality Act 2010) use the GSS harmonised categories where they exist;
// ethnic group is asked in two steps (broad group, then background within it).
import { STAFF_COUNT_HINT } from "~/domain/accounts/business-size.ts";
import { BALANCE_SHEET_BANDS, STAFF_BANDS, TURNOVER_BANDS } from "./size.ts";

/** The longest answer a free-text question (a box of several lines) takes, in characters. */
export const FREE_TEXT_MAX = 2000;
// told before typing, not only when an answer is refused as too long (GOV.UK's character count)
const FREE_TEXT_HINT = `You can enter up to ${FREE_TEXT_MAX.toLocaleString("en-GB")} characters.`;

export const PREFER_NOT = "PREFER_NOT_TO_SAY";
export const NO_MAJORITY = "NO_SINGLE_MAJORITY";

export type Choice = { value: string; label: string };

export type Question = {
  name: string;
  legend: string;
  hint?: string;
  kind: "radio" | "checkbox" | "textarea" | "text" | "email";
  options?: Choice[];
  // a free-text question with its own "Prefer not to say" box (stored as PREFER_NOT)
  preferNotBox?: boolean;
  // a free-text answer's message when too long, before its limit: "Enter a name of" (200 characters or fewer)
  tooLong?: string;
};

export type Topic = {
  slug: string;
  title: string;
  // whether this page's answers are special category data (kept in SurveyProtectedAnswers)
  protected: boolean;
  questions: Question[];
};

const preferNot: Choice = { value: PREFER_NOT, label: "Prefer not to say" };
const noMajority: Choice = { value: NO_MAJORITY, label: "No single group makes up the majority" };
const yesNo: Choice[] = [{ value: "YES", label: "Yes" }, { value: "NO", label: "No" }, preferNot];
const bandChoices = (bands: Record<string, { label: string }>) => [
  ...Object.entries(bands).map(([value, band]) => ({ value, label: band.label })),
  preferNot,
];
const majority = "most of the business's owners or leaders";

// In the GSS harmonised order for England: groups alphabetically, "Other ethnic group" last.
export const ETHNIC_GROUPS: (Choice & { backgrounds: Choice[] })[] = [
  {
    value: "ASIAN",
    label: "Asian or Asian British",
    backgrounds: [
      { value: "ASIAN_INDIAN", label: "Indian" },
      { value: "ASIAN_PAKISTANI", label: "Pakistani" },
      { value: "ASIAN_BANGLADESHI", label: "Bangladeshi" },
      { value: "ASIAN_CHINESE", label: "Chinese" },
      { value: "ASIAN_OTHER", label: "Any other Asian background" },
    ],
  },
  {
    value: "BLACK",
    label: "Black, Black British, Caribbean or African",
    backgrounds: [
      { value: "BLACK_CARIBBEAN", label: "Caribbean" },
      { value: "BLACK_AFRICAN", label: "African" },
      { value: "BLACK_OTHER", label: "Any other Black, Black British or Caribbean background" },
    ],
  },
  {
    value: "MIXED",
    label: "Mixed or Multiple ethnic groups",
    backgrounds: [
      { value: "MIXED_WHITE_BLACK_CARIBBEAN", label: "White and Black Caribbean" },
      { value: "MIXED_WHITE_BLACK_AFRICAN", label: "White and Black African" },
      { value: "MIXED_WHITE_ASIAN", label: "White and Asian" },
      { value: "MIXED_OTHER", label: "Any other Mixed or Multiple ethnic background" },
    ],
  },
  {
    value: "WHITE",
    label: "White",
    backgrounds: [
      { value: "WHITE_BRITISH", label: "English, Welsh, Scottish, Northern Irish or British" },
      { value: "WHITE_IRISH", label: "Irish" },
      { value: "WHITE_GYPSY_TRAVELLER", label: "Gypsy or Irish Traveller" },
      { value: "WHITE_ROMA", label: "Roma" },
      { value: "WHITE_OTHER", label: "Any other White background" },
    ],
  },
  {
    value: "OTHER",
    label: "Other ethnic group",
    backgrounds: [
      { value: "OTHER_ARAB", label: "Arab" },
      { value: "OTHER_ANY", label: "Any other ethnic group" },
    ],
  },
];

export function backgroundsFor(ethnicGroup: string | null | undefined): Choice[] {
  return ETHNIC_GROUPS.find((g) => g.value === ethnicGroup)?.backgrounds ?? [];
}

// The ethnic background question names the group answered before it.
export function ethnicBackgroundLegend(ethnicGroup: string | null | undefined) {
  const group = ETHNIC_GROUPS.find((g) => g.value === ethnicGroup);
  return `Which of these best describes the ${group?.label ?? ""} background of ${majority}?`;
}

export const BARRIERS: Choice[] = [
  { value: "HARD_TO_FIND_OPPORTUNITIES", label: "Finding out about opportunities" },
  { value: "TOO_MUCH_PAPERWORK", label: "Too much paperwork or a complicated process" },
  { value: "CONTRACTS_TOO_LARGE", label: "Contracts are too large for a business our size" },
  { value: "FINANCIAL_REQUIREMENTS", label: "Turnover, accounts or financial checks we cannot meet" },
  { value: "INSURANCE_ACCREDITATION", label: "Insurance levels or accreditations asked for" },
  { value: "SHORT_TIMESCALES", label: "Not enough time to respond" },
  { value: "PRICE_OVER_QUALITY", label: "Decisions made mostly on lowest price" },
  { value: "PAYMENT_TERMS", label: "Payment terms or late payment" },
  { value: "NO_FEEDBACK", label: "Little or no feedback on unsuccessful bids" },
  { value: "CLOSED_FRAMEWORKS", label: "Frameworks closed to new suppliers" },
  { value: "SOCIAL_VALUE_REQUIREMENTS", label: "Social value requirements are hard to meet" },
  { value: "NO_BARRIERS", label: "We have not met any barriers" },
];

export const MEET_THE_BUYER: Choice[] = [
  { value: "YES", label: "Yes" },
  { value: "MAYBE", label: "Maybe, depending on the date and place" },
  { value: "NO", label: "No" },
  preferNot,
];

export const TOPICS: Topic[] = [
  {
    slug: "business-size",
    title: "About your business's size",
    protected: false,
    questions: [
      {
        name: "staffHeadcountBand",
        legend: "How many staff does the business employ?",
        hint: STAFF_COUNT_HINT,
        kind: "radio",
        options: bandChoices(STAFF_BANDS),
      },
      {
        name: "turnoverBand",
        legend: "What was the business's turnover in its last financial year?",
        kind: "radio",
        options: bandChoices(TURNOVER_BANDS),
      },
      {
        name: "balanceSheetBand",
        legend: "What was the business's balance sheet total at the end of its last financial year?",
        hint: "The total assets shown on the balance sheet.",
        kind: "radio",
        options: bandChoices(BALANCE_SHEET_BANDS),
      },
    ],
  },
  {
    slug: "age",
    title: "Age",
    protected: true,
    questions: [
      {
        name: "age",
        legend: `Which age group are ${majority} in?`,
        kind: "radio",
        options: [
          { value: "UNDER_25", label: "Under 25" },
          { value: "25_34", label: "25 to 34" },
          { value: "35_49", label: "35 to 49" },
          { value: "50_64", label: "50 to 64" },
          { value: "65_PLUS", label: "65 or over" },
          noMajority,
          preferNot,
        ],
      },
    ],
  },
  {
    slug: "disability",
    title: "Disability",
    protected: true,
    questions: [
      {
        name: "disability",
        legend: `Are ${majority} disabled people?`,
        hint: "Someone with a physical or mental health condition or illness that has lasted or is expected to last 12 months or more, and reduces their ability to carry out day-to-day activities.",
        kind: "radio",
        options: yesNo,
      },
    ],
  },
  {
    slug: "sex",
    title: "Sex",
    protected: true,
    questions: [
      {
        name: "sex",
        legend: `What is the sex of ${majority}?`,
        kind: "radio",
        options: [
          { value: "FEMALE", label: "Female" },
          { value: "MALE", label: "Male" },
          { value: "EQUAL", label: "Equal numbers of women and men" },
          preferNot,
        ],
      },
    ],
  },
  {
    slug: "gender-identity",
    title: "Gender identity",
    protected: true,
    questions: [
      {
        name: "genderIdentity",
        // the GSS harmonised question ("Is the gender you identify with the same as your sex registered at birth?"),
        // asked of the owners or leaders as the other questions are. Answers are kept by what they mean, SAME or
        // DIFFERENT, not by the word chosen (decision 055): "Yes" here is "No" to the question as once asked.
        legend: `Is the gender ${majority} identify with the same as their sex registered at birth?`,
        hint: "This covers gender reassignment under the Equality Act 2010.",
        kind: "radio",
        options: [{ value: "SAME", label: "Yes" }, { value: "DIFFERENT", label: "No" }, preferNot],
      },
    ],
  },
  {
    slug: "sexual-orientation",
    title: "Sexual orientation",
    protected: true,
    questions: [
      {
        name: "sexualOrientation",
        legend: `Which best describes the sexual orientation of ${majority}?`,
        kind: "radio",
        options: [
          { value: "STRAIGHT", label: "Straight or heterosexual" },
          { value: "GAY_LESBIAN", label: "Gay or lesbian" },
          { value: "BISEXUAL", label: "Bisexual" },
          { value: "OTHER", label: "Other sexual orientation" },
          noMajority,
          preferNot,
        ],
      },
    ],
  },
  {
    slug: "marriage-civil-partnership",
    title: "Marriage and civil partnership",
    protected: true,
    questions: [
      {
        name: "marriage",
        legend: "Is the business owned by a married couple or civil partners?",
        kind: "radio",
        options: yesNo,
      },
    ],
  },
  {
    slug: "pregnancy-maternity",
    title: "Pregnancy and maternity",
    protected: true,
    questions: [
      {
        name: "pregnancyMaternity",
        legend:
          "Has an owner or leader of the business been pregnant or on maternity leave in the last 12 months?",
        kind: "radio",
        options: yesNo,
      },
    ],
  },
  {
    slug: "ethnic-group",
    title: "Ethnic group",
    protected: true,
    questions: [
      {
        name: "ethnicGroup",
        legend: `What is the ethnic group of ${majority}?`,
        kind: "radio",
        options: [...ETHNIC_GROUPS.map(({ value, label }) => ({ value, label })), noMajority, preferNot],
      },
    ],
  },
  {
    slug: "ethnic-background",
    title: "Ethnic background",
    protected: true,
    questions: [{ name: "ethnicBackground", legend: "", kind: "radio", options: [] }],
  },
  {
    slug: "religion",
    title: "Religion or belief",
    protected: true,
    questions: [
      {
        name: "religion",
        legend: `What is the religion of ${majority}?`,
        kind: "radio",
        options: [
          { value: "NONE", label: "No religion" },
          {
            value: "CHRISTIAN",
            label:
              "Christian (including Church of England, Catholic, Protestant and all other denominations)",
          },
          { value: "BUDDHIST", label: "Buddhist" },
          { value: "HINDU", label: "Hindu" },
          { value: "JEWISH", label: "Jewish" },
          { value: "MUSLIM", label: "Muslim" },
          { value: "SIKH", label: "Sikh" },
          { value: "OTHER", label: "Any other religion" },
          noMajority,
          preferNot,
        ],
      },
    ],
  },
  {
    slug: "barriers",
    title: "Barriers to tendering",
    protected: false,
    questions: [
      {
        name: "barriers",
        legend: "What makes it hard for the business to bid for council contracts?",
        hint: "Select all that apply.",
        kind: "checkbox",
        options: [...BARRIERS, preferNot],
      },
      {
        name: "barriersOther",
        legend: "Anything else that makes it hard (optional)",
        hint: FREE_TEXT_HINT,
        kind: "textarea",
        tooLong: "Tell us what else makes it hard in",
      },
    ],
  },
  {
    slug: "council-could-do",
    title: "What the council could do",
    protected: false,
    questions: [
      {
        name: "councilCouldDo",
        legend: "What could the council do to make it easier for businesses like yours to win contracts?",
        hint: FREE_TEXT_HINT,
        kind: "textarea",
        preferNotBox: true,
        tooLong: "Tell us what the council could do in",
      },
    ],
  },
  {
    slug: "meet-the-buyer",
    title: "Meet the Buyer events and follow-up",
    protected: false,
    questions: [
      {
        name: "meetTheBuyerInterest",
        legend: "Would the business like to come to a Meet the Buyer event?",
        kind: "radio",
        options: MEET_THE_BUYER,
      },
      {
        name: "contactConsent",
        legend: "May the council contact the business about its answers and about events?",
        hint: "We will only share your name, contact details and the barriers you chose with the council's procurement team.",
        kind: "radio",
        options: [{ value: "YES", label: "Yes" }, { value: "NO", label: "No" }, preferNot],
      },
      {
        name: "contactName",
        legend: "Who should we contact?",
        hint: "Only if you said yes.",
        kind: "text",
        tooLong: "Enter a name of",
      },
      {
        name: "contactEmail",
        legend: "Their email address",
        hint: "Only if you said yes.",
        kind: "email",
        tooLong: "Enter an email address of",
      },
    ],
  },
];

export const PROTECTED_FIELDS = TOPICS.filter((t) => t.protected).flatMap((t) =>
  t.questions.map((q) => q.name),
);

export function topicBySlug(slug: string | undefined) {
  return TOPICS.find((t) => t.slug === slug);
}

// The ethnic background page only follows a broad ethnic group that has backgrounds.
export function topicApplies(topic: Topic, protectedAnswers: Record<string, string | undefined>) {
  if (topic.slug === "ethnic-background") return backgroundsFor(protectedAnswers.ethnicGroup).length > 0;
  return true;
}

export function nextTopic(slug: string, protectedAnswers: Record<string, string | undefined>) {
  const index = TOPICS.findIndex((t) => t.slug === slug);
  return TOPICS.slice(index + 1).find((t) => topicApplies(t, protectedAnswers)) ?? null;
}

export function previousTopic(slug: string, protectedAnswers: Record<string, string | undefined>) {
  const index = TOPICS.findIndex((t) => t.slug === slug);
  return (
    TOPICS.slice(0, Math.max(0, index))
      .reverse()
      .find((t) => topicApplies(t, protectedAnswers)) ?? null
  );
}

// A question or section title read after "Change" (the link's hidden words): its first letter lower case, as in
// GOV.UK's "Change name", and nothing else, so the names in it keep their capitals ("Change would the business
// like to come to a Meet the Buyer event?"). A title starting with an abbreviation ("DPIA …", "SME") keeps it.
export function afterChange(title: string) {
  const second = title.charAt(1);
  const capital = second !== second.toLowerCase();
  return capital ? title : title.charAt(0).toLowerCase() + title.slice(1);
}

export function labelFor(question: Question, value: string | null | undefined) {
  if (!value) return null;
  return question.options?.find((o) => o.value === value)?.label ?? value;
}

// What a question's fields show: the answers just sent back with an error, else the saved answer. A free-text
// question's "Prefer not to say" box is its own form field (`<name>PreferNot`); saved, it is the answer itself.
// A checkbox question's answer is always a list: a form sent back with one box ticked has that answer as a lone
// string, which the boxes would match as text ("PAYMENT_TERMS".includes(…)), not as a choice.
export function fieldState(
  question: Question,
  submitted: Record<string, unknown> | null,
  saved: unknown,
): { value: unknown; preferNot: boolean } {
  if (submitted)
    return {
      value:
        question.kind === "checkbox" ? ticked(submitted[question.name]) : (submitted[question.name] ?? null),
      preferNot: Boolean(question.preferNotBox) && submitted[`${question.name}PreferNot`] === PREFER_NOT,
    };
  if (question.kind === "checkbox") return { value: ticked(saved), preferNot: false };
  if (question.preferNotBox && saved === PREFER_NOT) return { value: null, preferNot: true };
  return { value: saved ?? null, preferNot: false };
}

function ticked(value: unknown): string[] {
  const list: unknown[] = Array.isArray(value) ? value : [value];
  return list.filter((v): v is string => typeof v === "string" && v !== "");
}

export function backgroundLabel(value: string | null | undefined) {
  if (!value) return null;
  if (value === PREFER_NOT) return preferNot.label;
  for (const group of ETHNIC_GROUPS) {
    const found = group.backgrounds.find((b) => b.value === value);
    if (found) return found.label;
  }
  return value;
}

export const preferNotChoice = preferNot;
