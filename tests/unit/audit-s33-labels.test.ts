// The audit log page names every action and record type in words (audit-labels.ts). This reads the source for
// every action code and record type any part of the app (or a migration) writes to the log, and fails on one the
// table does not name: a new code cannot reach a council admin's page as "pledge.reportDelivery" or "KpiReturn".
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { readableDetails } from "~/domain/audit/audit-details.ts";
import {
  AUDIT_ACTION_LABELS,
  AUDIT_RECORD_TYPE_LABELS,
  auditActionLabel,
  auditRecordTypeLabel,
  labelledChoices,
} from "~/domain/audit/audit-labels.ts";
import { PLEDGE_ACTIONS } from "~/domain/marketplace/pledge-lifecycle.ts";
import { REQUEST_ACTIONS } from "~/domain/marketplace/request-lifecycle.ts";

const ROOT = join(__dirname, "../..");

function filesUnder(dir: string, ends: string[]): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "generated" ? [] : filesUnder(path, ends);
    return ends.some((e) => name.endsWith(e)) ? [path] : [];
  });
}

const sources = filesUnder(join(ROOT, "app"), [".ts", ".tsx"]).map((path) => ({
  path: relative(ROOT, path),
  // without line comments (audit.server.ts's `// "area.verb", e.g. …` is an example, not a code written)
  text: readFileSync(path, "utf8").replace(/(^|\s)\/\/.*$/gm, "$1"),
}));

const CODE = /^[a-z]+(\.[a-zA-Z_]+)+$/;
const literals = (text: string) =>
  [...text.matchAll(/"([^"\n]*)"|'([^'\n]*)'/g)].map((m) => m[1] ?? m[2] ?? "").filter((s) => CODE.test(s));

// Template codes written with a part filled in: each with every value that part can take. A template not listed
// here fails the test below, so whoever adds one says what it expands to.
function listNouns(): string[] {
  const text = sources.find((s) => s.path.endsWith("council-lists.server.ts"))!.text;
  return [.../noun: ("[a-z]+"(?: \| "[a-z]+")*)/.exec(text)![1]!.matchAll(/"([a-z]+)"/g)].map((m) => m[1]!);
}
function listVerbs(): string[] {
  const text = sources.find((s) => s.path.endsWith("council-lists.server.ts"))!.text;
  const verbs = [...text.matchAll(/verb: "([a-z]+)"/g)].map((m) => m[1]!);
  const switched = /const verb = [^;]*\? "([a-z]+)" : "([a-z]+)"/.exec(text)!;
  return [...verbs, switched[1]!, switched[2]!];
}
const TEMPLATES: Record<string, () => string[]> = {
  "pledge.${change.action}": () => PLEDGE_ACTIONS.map((a) => `pledge.${a}`),
  "request.${change.action}": () => REQUEST_ACTIONS.map((a) => `request.${a}`),
  "${kind.noun}.${change.verb}": () => listNouns().flatMap((n) => listVerbs().map((v) => `${n}.${v}`)),
  "${kind.noun}.create": () => listNouns().map((n) => `${n}.create`),
};

function writtenActionCodes() {
  const codes = new Map<string, string>();
  const templates = new Map<string, string>();
  for (const { path, text } of sources) {
    // an `action:` property (a literal, either side of a ?:, or a template)
    for (const m of text.matchAll(/\baction:\s*([^\n]+)/g)) {
      for (const code of literals(m[1]!)) codes.set(code, path);
      const template = /^`([^`]*)`/.exec(m[1]!);
      if (template) templates.set(template[1]!, path);
    }
    // a code handed to an audit helper (commitments' audit(tx, actor, id, "commitment.add", …)), or a pair of
    // codes for a switch (members' audit: ["membership.survey_grant", "membership.survey_revoke"])
    for (const m of text.matchAll(/\baudit\w*\(([^)]*)/gi))
      for (const code of literals(m[1]!)) codes.set(code, path);
    for (const m of text.matchAll(/\baudit:\s*\[([^\]]*)\]/g))
      for (const code of literals(m[1]!)) codes.set(code, path);
  }
  // raw SQL that inserts entries: the import's, and the migrations'
  const migrations = filesUnder(join(ROOT, "prisma/migrations"), [".sql"]);
  for (const path of migrations) {
    const text = readFileSync(path, "utf8");
    for (const m of text.matchAll(/INSERT INTO "AuditLog"[^;]*/g))
      for (const code of literals(m[0])) codes.set(code, relative(ROOT, path));
  }
  return { codes, templates };
}

function writtenRecordTypes() {
  const types = new Map<string, string>();
  for (const { path, text } of sources) {
    for (const m of text.matchAll(/\bentityType:\s*([^\n,;]+(?:\|[^\n,;]+)*)/g))
      for (const t of m[1]!.matchAll(/"([A-Z][A-Za-z]+)"/g)) types.set(t[1]!, path);
    // raw SQL inserting entries names its record type as a quoted literal beside the action
    for (const m of text.matchAll(/INSERT INTO "AuditLog"[^`]*/g))
      for (const t of m[0].matchAll(/'([A-Z][a-z][A-Za-z]*)'/g)) types.set(t[1]!, path);
  }
  for (const path of filesUnder(join(ROOT, "prisma/migrations"), [".sql"])) {
    const text = readFileSync(path, "utf8");
    for (const m of text.matchAll(/INSERT INTO "AuditLog"[^;]*/g))
      for (const t of m[0].matchAll(/'([A-Z][a-z][A-Za-z]*)'/g)) types.set(t[1]!, relative(ROOT, path));
  }
  // survey responses' entries are filed by writeSurveyResponseAudit
  return types;
}

describe("the audit log's names for codes", () => {
  const { codes, templates } = writtenActionCodes();

  it("finds the codes the app writes (the scan itself works)", () => {
    for (const code of ["auth.sign_in", "return.submit", "commitment.add", "membership.survey_grant"])
      expect(codes.has(code)).toBe(true);
    expect(codes.has("contract.import_update")).toBe(true);
    expect(codes.has("commitment.pledge_unlinked")).toBe(true);
    expect(codes.size).toBeGreaterThan(70);
  });

  it("names every action code written, in words", () => {
    const unnamed = [...codes]
      .filter(([code]) => !(code in AUDIT_ACTION_LABELS))
      .map(([c, p]) => `${c} (${p})`);
    expect(unnamed).toEqual([]);
  });

  it("knows every template code and names each code it can make", () => {
    const unknown = [...templates].filter(([t]) => !(t in TEMPLATES)).map(([t, p]) => `${t} (${p})`);
    expect(unknown).toEqual([]);
    const made = [...templates.keys()].flatMap((t) => TEMPLATES[t]!());
    expect(made).toContain("pledge.reportDelivery");
    expect(made).toContain("district.restore");
    expect(made.filter((code) => !(code in AUDIT_ACTION_LABELS))).toEqual([]);
  });

  it("names every record type written", () => {
    const types = writtenRecordTypes();
    expect(types.has("KpiReturn")).toBe(true);
    expect(types.has("District")).toBe(true);
    types.set("SurveyResponse", "app/domain/audit/audit.server.ts");
    const unnamed = [...types]
      .filter(([t]) => !(t in AUDIT_RECORD_TYPE_LABELS))
      .map(([t, p]) => `${t} (${p})`);
    expect(unnamed).toEqual([]);
  });

  it("gives no two codes the same name (a list of choices could not tell them apart)", () => {
    const names = Object.values(AUDIT_ACTION_LABELS);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    const types = Object.values(AUDIT_RECORD_TYPE_LABELS);
    expect(types.filter((n, i) => types.indexOf(n) !== i)).toEqual([]);
  });

  it("shows a code it does not know (an older entry's) as it is", () => {
    expect(auditActionLabel("pledge.reportDelivery")).toBe("Reported a pledge delivered");
    expect(auditActionLabel("legacy.thing")).toBe("legacy.thing");
    expect(auditRecordTypeLabel("KpiReturn")).toBe("Quarterly return");
    expect(auditRecordTypeLabel("Spaceship")).toBe("Spaceship");
  });

  it("offers choices by name while their value stays the code", () => {
    expect(labelledChoices(["return.submit", "auth.sign_in"], auditActionLabel)).toEqual([
      { value: "auth.sign_in", label: "Signed in" },
      { value: "return.submit", label: "Submitted a quarterly return" },
    ]);
  });
});

describe("an entry's details in words", () => {
  it("labels each value, writes dates the UK way and names what it can", () => {
    const names = new Map([["user-1", "Sam Patel"]]);
    expect(
      readableDetails(
        "membership.remove",
        { userId: "user-1", role: "OFFICER", joinedAt: "2026-03-27T10:15:00.000Z" },
        names,
      ),
    ).toEqual([
      { label: "Person", value: "Sam Patel" },
      { label: "Role", value: "Officer" },
      { label: "Joined", value: "27 March 2026 at 10:15am" },
    ]);
    expect(
      readableDetails("request.expire", { neededBy: "2027-03-27", offersDeclined: 2, from: "OPEN" }),
    ).toEqual([
      { label: "From", value: "Open" },
      { label: "Needed by", value: "27 March 2027" },
      { label: "Offers declined", value: "2" },
    ]);
  });

  it("puts only the portal's own codes in words, and shows codes a council recorded exactly as recorded", () => {
    expect(
      readableDetails("district.update", {
        postcodeAreas: ["GU1", "RH12"],
        code: "SV01",
        name: "constructor",
      }),
    ).toEqual([
      { label: "Name", value: "constructor" },
      { label: "Code", value: "SV01" },
      { label: "Postcode areas", value: "GU1, RH12" },
    ]);
    expect(
      readableDetails("contract.update", {
        changes: [
          { field: "reference", label: "Reference", from: "LOT_A", to: "SCC2026" },
          { field: "status", label: "Status", from: "PIPELINE", to: "ACTIVE" },
        ],
      }),
    ).toEqual([
      { label: "Reference", value: "LOT_A → SCC2026" },
      { label: "Status", value: "Pipeline → Active" },
    ]);
    expect(readableDetails("measure.update", { unit: { from: "GBP", to: "TONNES_CO2E" } })).toEqual([
      { label: "Unit", value: "Pounds (£) → Tonnes CO2e" },
    ]);
  });

  it("keeps an id it found no name for, labelled as a reference", () => {
    expect(readableDetails("council.partnership_change", { partnershipId: "p-9" })).toEqual([
      { label: "Partnership (reference)", value: "p-9" },
    ]);
  });

  it("writes each changed field as before → after", () => {
    expect(
      readableDetails("contract.update", {
        changes: [{ field: "title", label: "Title", from: "Old", to: "New" }],
      }),
    ).toEqual([{ label: "Title", value: "Old → New" }]);
    expect(
      readableDetails("council.settings_update", { brandColour: { from: null, to: "#0b3d2e" } }),
    ).toEqual([{ label: "Brand colour", value: "none → #0b3d2e" }]);
  });

  it("never shows a survey answer, whatever a survey entry holds", () => {
    const shown = readableDetails("survey.response.update", {
      page: "barriers",
      answers: { ethnicity: "Prefer not to say" },
      ethnicity: "White British",
    });
    expect(shown).toEqual([{ label: "Page", value: "Barriers to tendering" }]);
  });
});
