// The return's state machine, due/overdue/reminder timing, figure validation and evidence type checks.
import { describe, expect, it } from "vitest";
import type { ReturnStatus } from "~/generated/prisma/enums.ts";
import {
  EvidenceTypeChecker,
  MAX_EVIDENCE_BYTES,
  safeFilename,
} from "~/domain/reporting/returns-evidence.ts";
import {
  daysSubmittedLate,
  daysUntilDue,
  firstSubmittedAt,
  formatQuantity,
  isChasedAsOverdue,
  isEditableBySupplier,
  isOverdue,
  isOverdueNoticeDue,
  isPastDue,
  isReminderDue,
  nextStatus,
  pastDueBefore,
} from "~/domain/reporting/returns-rules.ts";
import { quantityError, returnFormSchema, reviewSchema } from "~/domain/reporting/returns-schema.ts";

const ALL: ReturnStatus[] = ["NOT_STARTED", "DRAFT", "SUBMITTED", "ACCEPTED", "QUERIED"];

describe("return states", () => {
  it.each([
    ["NOT_STARTED", "save", "DRAFT"],
    ["DRAFT", "save", "DRAFT"],
    ["QUERIED", "save", "QUERIED"],
    ["NOT_STARTED", "submit", "SUBMITTED"],
    ["DRAFT", "submit", "SUBMITTED"],
    ["QUERIED", "submit", "SUBMITTED"],
    ["SUBMITTED", "accept", "ACCEPTED"],
    ["SUBMITTED", "query", "QUERIED"],
  ] as const)("%s + %s → %s", (from, action, to) => {
    expect(nextStatus(from, action)).toBe(to);
  });

  it.each([
    ["SUBMITTED", "save"],
    ["ACCEPTED", "save"],
    ["SUBMITTED", "submit"],
    ["ACCEPTED", "submit"],
    ["NOT_STARTED", "accept"],
    ["DRAFT", "accept"],
    ["QUERIED", "accept"],
    ["ACCEPTED", "accept"],
    ["ACCEPTED", "query"],
    ["DRAFT", "query"],
  ] as const)("%s cannot %s", (from, action) => {
    expect(nextStatus(from, action)).toBeNull();
  });

  it("only returns still with the supplier are editable", () => {
    expect(ALL.filter(isEditableBySupplier)).toEqual(["NOT_STARTED", "DRAFT", "QUERIED"]);
  });
});

describe("due, reminders and overdue", () => {
  const dueDate = new Date("2026-07-30T00:00:00Z");
  const at = (iso: string) => new Date(iso);

  it("is not overdue at any time on the due date in London, and is from the next London day", () => {
    // British Summer Time: 30 July ends in London at 23:00 UTC
    expect(isOverdue({ status: "DRAFT", dueDate }, at("2026-07-30T22:59:59Z"))).toBe(false);
    expect(isOverdue({ status: "DRAFT", dueDate }, at("2026-07-30T23:00:00Z"))).toBe(true);
    expect(isOverdue({ status: "DRAFT", dueDate }, at("2026-07-30T23:30:00Z"))).toBe(true);
    // winter: London is on UTC, so 30 January ends at midnight UTC
    const winterDue = new Date("2027-01-30T00:00:00Z");
    expect(isOverdue({ status: "DRAFT", dueDate: winterDue }, at("2027-01-30T23:30:00Z"))).toBe(false);
    expect(isOverdue({ status: "DRAFT", dueDate: winterDue }, at("2027-01-30T23:59:59Z"))).toBe(false);
    expect(isOverdue({ status: "DRAFT", dueDate: winterDue }, at("2027-01-31T00:00:00Z"))).toBe(true);
  });

  it("draws one line for code and queries: due before the London day at `now` is past due", () => {
    expect(pastDueBefore(at("2026-07-30T23:30:00Z")).toISOString()).toBe("2026-07-31T00:00:00.000Z");
    expect(pastDueBefore(at("2027-01-30T23:30:00Z")).toISOString()).toBe("2027-01-30T00:00:00.000Z");
    expect(isPastDue(dueDate, at("2026-07-30T23:30:00Z"))).toBe(true);
    expect(isPastDue(new Date("2027-01-30T00:00:00Z"), at("2027-01-30T23:30:00Z"))).toBe(false);
  });

  it("is submitted late when first sent after the due date has ended in London, by London days", () => {
    expect(daysSubmittedLate(dueDate, at("2026-07-30T22:59:00Z"))).toBeNull();
    expect(daysSubmittedLate(dueDate, at("2026-07-30T23:00:00Z"))).toBe(1);
    expect(daysSubmittedLate(dueDate, at("2026-09-05T22:59:00Z"))).toBe(37);
    expect(daysSubmittedLate(dueDate, null)).toBeNull();
    const winterDue = new Date("2026-10-30T00:00:00Z");
    expect(daysSubmittedLate(winterDue, at("2026-10-30T23:59:00Z"))).toBeNull();
    expect(daysSubmittedLate(winterDue, at("2026-12-07T22:19:00Z"))).toBe(38);
  });

  it("is timed by its first submission: one queried and sent again keeps the first's timeliness", () => {
    const sent = (iso: string) => ({ toStatus: "SUBMITTED" as const, createdAt: at(iso) });
    const history = [
      sent("2026-07-29T10:00:00Z"),
      { toStatus: "QUERIED" as const, createdAt: at("2026-08-01T10:00:00Z") },
      sent("2026-08-10T10:00:00Z"),
    ];
    expect(firstSubmittedAt(history, at("2026-08-10T10:00:00Z"))).toEqual(at("2026-07-29T10:00:00Z"));
    // a return with no history (written before it was kept): its latest submission
    expect(firstSubmittedAt([], at("2026-08-10T10:00:00Z"))).toEqual(at("2026-08-10T10:00:00Z"));
    expect(firstSubmittedAt([], null)).toBeNull();
  });

  it("is never overdue once submitted or accepted; a queried return is back with the supplier", () => {
    const late = at("2026-09-01T00:00:00Z");
    expect(ALL.filter((status) => isOverdue({ status, dueDate }, late))).toEqual([
      "NOT_STARTED",
      "DRAFT",
      "QUERIED",
    ]);
  });

  it("sends the reminder from N days before the due date, once, and not when already overdue", () => {
    const r = { status: "NOT_STARTED" as const, dueDate, reminderSentAt: null };
    // London days: 23 July begins at 23:00 UTC on the 22nd in British Summer Time
    expect(isReminderDue(r, at("2026-07-22T22:59:00Z"), 7)).toBe(false);
    expect(isReminderDue(r, at("2026-07-22T23:00:00Z"), 7)).toBe(true);
    expect(isReminderDue(r, at("2026-07-30T12:00:00Z"), 7)).toBe(true);
    expect(isReminderDue(r, at("2026-07-30T23:00:00Z"), 7)).toBe(false);
    expect(isReminderDue({ ...r, reminderSentAt: at("2026-07-23T00:00:00Z") }, at("2026-07-25"), 7)).toBe(
      false,
    );
    expect(isReminderDue({ ...r, status: "SUBMITTED" }, at("2026-07-25"), 7)).toBe(false);
  });

  it("sends the overdue notice the day after, then every N days while still overdue", () => {
    const r = { status: "DRAFT" as const, dueDate, overdueNoticeSentAt: null };
    expect(isOverdueNoticeDue(r, at("2026-07-30T12:00:00Z"), 7)).toBe(false);
    expect(isOverdueNoticeDue(r, at("2026-07-31T06:00:00Z"), 7)).toBe(true);
    const sent = { ...r, overdueNoticeSentAt: at("2026-07-31T06:00:00Z") };
    expect(isOverdueNoticeDue(sent, at("2026-08-06T06:00:00Z"), 7)).toBe(false);
    expect(isOverdueNoticeDue(sent, at("2026-08-07T00:00:00Z"), 7)).toBe(true);
    expect(isOverdueNoticeDue({ ...sent, status: "SUBMITTED" }, at("2026-09-01"), 7)).toBe(false);
  });

  it("chases an overdue return only while its contract is active or has ended, not terminated or pipeline", () => {
    const late = at("2026-09-01T00:00:00Z");
    const statuses = ["PIPELINE", "ACTIVE", "ENDED", "TERMINATED"] as const;
    const period = { periodStart: at("2026-04-01"), periodEnd: at("2026-06-30") };
    const term = { startDate: at("2026-04-01"), endDate: at("2027-03-31") };
    expect(
      statuses.filter((status) =>
        isChasedAsOverdue({ status: "DRAFT", dueDate, ...period, contract: { status, ...term } }, late),
      ),
    ).toEqual(["ACTIVE", "ENDED"]);
    expect(
      isChasedAsOverdue(
        { status: "DRAFT", dueDate, ...period, contract: { status: "ACTIVE", ...term } },
        dueDate,
      ),
    ).toBe(false);
  });

  it("counts calendar days to the due date", () => {
    // days are London days: 23:00 UTC on 29 July is already midnight on the 30th in British Summer Time
    expect(daysUntilDue(dueDate, at("2026-07-29T22:59:00Z"))).toBe(1);
    expect(daysUntilDue(dueDate, at("2026-07-29T23:00:00Z"))).toBe(0);
    expect(daysUntilDue(dueDate, at("2026-07-30T08:00:00Z"))).toBe(0);
    expect(daysUntilDue(dueDate, at("2026-08-02T08:00:00Z"))).toBe(-3);
  });
});

const COMMAS =
  "Enter the amount for M with commas or spaces only between thousands, like 1,250 or 1 250, and a full stop before any decimals";

describe("figures", () => {
  it.each([
    ["12", "HOURS", null],
    ["0", "PEOPLE", null],
    ["1,250.50", "GBP", null],
    ["£1,250.50", "GBP", null],
    ["100", "PERCENT", null],
    ["95%", "PERCENT", null],
    ["-1", "HOURS", "Enter the amount for M as 0 or more"],
    ["101", "PERCENT", "Enter the amount for M as a percentage from 0 to 100"],
    ["1.234", "HOURS", "Enter the amount for M with no more than 2 decimal places"],
    ["twelve", "HOURS", "Enter the amount for M as a number, like 12 or 12.5"],
    ["1e3", "COUNT", "Enter the amount for M as a whole number, like 12"],
    // items are counted whole (session 55); people in full-time equivalents, as social value counts jobs (s56)
    ["2.5", "COUNT", "Enter the amount for M as a whole number, like 12"],
    [".5", "COUNT", "Enter the amount for M as a whole number, like 12"],
    ["2.5", "PEOPLE", null],
    ["1.234", "PEOPLE", "Enter the amount for M with no more than 2 decimal places"],
    ["12.00", "COUNT", null],
    ["1,250", "COUNT", null],
    ["2.5", "WEEKS", null],
    // a decimal comma is not read as thousands: "12,5" was recorded as 125
    ["12,5", "HOURS", COMMAS],
    ["1,50", "GBP", COMMAS],
    ["1,2,3", "COUNT", COMMAS],
    ["1,250,000", "GBP", null],
    ["100001", "PEOPLE", "Enter the amount for M of 100,000 or less for one quarter"],
  ] as const)("%s %s → %s", (raw, unit, error) => {
    expect(quantityError(raw, unit, "M")).toBe(error);
  });

  const specs = [
    { commitmentId: "c1", unit: "HOURS" as const, measureName: "Volunteering hours" },
    { commitmentId: "c2", unit: "QUALITATIVE" as const, measureName: "Careers events" },
  ];
  const form = (intent: string, lines: Record<string, string>[], declaration?: string) =>
    returnFormSchema(specs).safeParse({ intent, lines, declaration });

  it("lets a draft be saved with blanks", () => {
    expect(form("save", [{ commitmentId: "c1" }, { commitmentId: "c2" }]).success).toBe(true);
  });

  it("requires every line and the declaration to submit", () => {
    const result = form("submit", [{ commitmentId: "c1" }, { commitmentId: "c2" }]);
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(["lines.0.quantity", "lines.1.narrative", "declaration"]);
  });

  it("submits a complete return", () => {
    const result = form(
      "submit",
      [
        { commitmentId: "c1", quantity: "0" },
        { commitmentId: "c2", narrative: "Two events", evidenceUrl: "https://example.org/x" },
      ],
      "on",
    );
    expect(result.success).toBe(true);
  });

  it("rejects an evidence link that is not a web address", () => {
    const result = form("save", [
      { commitmentId: "c1", evidenceUrl: "javascript:alert(1)" },
      { commitmentId: "c2" },
    ]);
    expect(result.error?.issues[0].path.join(".")).toBe("lines.0.evidenceUrl");
  });

  it("rejects a form whose lines do not match the return (stale page)", () => {
    const result = form("save", [{ commitmentId: "c2" }, { commitmentId: "c1" }]);
    expect(result.success).toBe(false);
  });

  it("needs a comment to query a return, but not to accept one", () => {
    const schema = reviewSchema([{ commitmentId: "c1", measureName: "Volunteering hours" }]);
    expect(schema.safeParse({ intent: "query" }).success).toBe(false);
    expect(
      schema.safeParse({ intent: "query", lineComments: [{ commitmentId: "c1", comment: "Why?" }] }).success,
    ).toBe(true);
    expect(schema.safeParse({ intent: "accept" }).success).toBe(true);
  });

  it("formats quantities in their units", () => {
    expect(formatQuantity("1250.5", "GBP")).toBe("£1,250.50");
    expect(formatQuantity("95", "PERCENT")).toBe("95%");
    expect(formatQuantity("12", "HOURS")).toBe("12 hours");
    expect(formatQuantity("3", "COUNT")).toBe("3");
  });
});

describe("evidence file types are judged by content", () => {
  const enc = (text: string) => new TextEncoder().encode(text);
  const check = (name: string, ...chunks: Uint8Array[]) => {
    const checker = new EvidenceTypeChecker(name);
    for (const chunk of chunks) checker.push(chunk);
    return checker.verdict();
  };
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  const zipOf = (...names: string[]) => enc(`PK\u0003\u0004....${names.join("....")}....`);

  it.each([
    ["report.pdf", [enc("%PDF-1.7\n...")], "application/pdf"],
    ["photo.PNG", [png], "image/png"],
    ["photo.jpeg", [Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2])], "image/jpeg"],
    ["hours.csv", [enc("name,hours\nAlex,3\nSam,£4 – café\n")], "text/csv"],
    // as Excel saves "CSV" on Windows: code page 1252, £ as 0xA3, é as 0xE9
    [
      "excel.csv",
      [Uint8Array.from([...enc("name,paid\r\nCaf"), 0xe9, 0x2c, 0xa3, 0x35, 0x0d, 0x0a])],
      "text/csv",
    ],
    [
      "sheet.xlsx",
      [zipOf("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml")],
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ],
  ])("accepts %s", (name, chunks, contentType) => {
    expect(check(name, ...chunks)).toEqual({ ok: true, kind: expect.any(String), contentType });
  });

  it("finds a PDF signature split across chunks", () => {
    expect(check("a.pdf", enc("%P"), enc("DF-1.4")).ok).toBe(true);
  });

  it("finds xlsx markers split across chunks", () => {
    const whole = zipOf("[Content_Types].xml", "xl/workbook.xml");
    expect(check("a.xlsx", whole.subarray(0, 30), whole.subarray(30)).ok).toBe(true);
  });

  it.each([
    ["a text file renamed to .pdf", "evil.pdf", [enc("just some text")]],
    ["a PNG renamed to .pdf", "photo.pdf", [png]],
    ["an executable renamed to .pdf", "setup.pdf", [enc("MZ\u0090\u0000\u0003")]],
    [
      "a Word document (zip) renamed to .xlsx",
      "letter.xlsx",
      [zipOf("[Content_Types].xml", "word/document.xml")],
    ],
    ["binary named .csv", "data.csv", [Uint8Array.from([0x00, 0x01, 0x02])]],
    ["neither UTF-8 nor plain 8-bit text named .csv", "data.csv", [Uint8Array.from([0x61, 0xc3, 0x01])]],
    ["an HTML page", "page.html", [enc("<html><script>alert(1)</script>")]],
    ["an empty file", "empty.pdf", []],
  ])("rejects %s", (_what, name, chunks) => {
    expect(check(name, ...(chunks as Uint8Array[])).ok).toBe(false);
  });

  it("limits files to 10 MB", () => {
    expect(MAX_EVIDENCE_BYTES).toBe(10 * 1024 * 1024);
  });

  it.each([
    ["../../etc/passwd", "passwd"],
    ['quarter "one".pdf', "quarter one.pdf"],
    ["C:\\Users\\me\\report.pdf", "report.pdf"],
    ["\r\nSet-Cookie: x.pdf", "Set-Cookie x.pdf"],
    ["...", "evidence"],
    ["résumé.pdf", "resume.pdf"],
  ])("makes %j a safe filename", (input, output) => {
    expect(safeFilename(input)).toBe(output);
  });
});
