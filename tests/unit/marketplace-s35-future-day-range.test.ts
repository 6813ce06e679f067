// Three faults in the future-date helpers. futureDayRange gave an impossible range (its min after its max) when no
// day fits: an expected delivery date for a request whose needed-by date has passed, a new needed-by date for one
// already needed by the latest day allowed; futureDayExample then gave a day the field refuses. It now says there
// is none (null), and the pages say why rather than show a date box. The refusal for a request at the latest day
// allowed said it "cannot be extended further", though the limit (two years from today) moves on a day each day: it
// now says from which day a later date can be chosen. And the "must be later than the current one" example was
// worked out on the real clock, not the change's: it is now a day the form takes, later than the current one, at
// the moment of the change. Each is checked here on a fixed clock, passed in as `now`.
import { describe, expect, it } from "vitest";
import { ukDayAsIso } from "~/domain/calendar.ts";
import {
  futureDayExample,
  futureDayRange,
  laterNeededByMessage,
  noLaterNeededBy,
  pledgeFormSchemaFor,
} from "~/domain/marketplace/schemas.ts";

const at = (moment: string) => new Date(moment);
const DEC_4_2026 = at("2026-12-04T12:00:00Z");
const exampleIn = (message: string) => /for example (\d{2}\/\d{2}\/\d{4})$/.exec(message)?.[1];

describe("the days a future-only date field takes", () => {
  it("are none for an expected delivery date once the needed-by date has passed", () => {
    expect(futureDayRange({ onOrBefore: "2026-12-03" }, DEC_4_2026)).toBeNull();
    expect(futureDayExample({ onOrBefore: "2026-12-03" }, DEC_4_2026)).toBeNull();
    // on the needed-by date itself, that day
    expect(futureDayRange({ onOrBefore: "2026-12-04" }, DEC_4_2026)).toEqual({
      min: "2026-12-04",
      max: "2026-12-04",
    });
    expect(futureDayExample({ onOrBefore: "2026-12-04" }, DEC_4_2026)).toBe("04/12/2026");
  });

  it("are none for a new needed-by date once the request is needed by the latest day allowed, or later", () => {
    expect(futureDayRange(undefined, DEC_4_2026)).toEqual({ min: "2026-12-04", max: "2028-12-04" });
    expect(futureDayRange({ after: "2028-12-04" }, DEC_4_2026)).toBeNull();
    expect(futureDayRange({ after: "2028-12-20" }, DEC_4_2026)).toBeNull();
    expect(futureDayExample({ after: "2028-12-04" }, DEC_4_2026)).toBeNull();
    // the day before it: the latest day, and only that
    expect(futureDayRange({ after: "2028-12-03" }, DEC_4_2026)).toEqual({
      min: "2028-12-04",
      max: "2028-12-04",
    });
  });

  it("end on 28 February two years on from 29 February, a day a date box takes", () => {
    expect(futureDayRange(undefined, at("2028-02-29T12:00:00Z")).max).toBe("2030-02-28");
  });

  it("give a pledge to a request past its needed-by date no example the field refuses", () => {
    const result = pledgeFormSchemaFor({ neededBy: "2020-01-01" }).safeParse({
      submissionKey: "key-0123456789",
      quantity: 1,
      expectedDeliveryDate: "31/02/2027",
    });
    const messages = (result.error?.issues ?? []).map((issue) => issue.message);
    expect(messages).toEqual(["The expected delivery date must be a real date"]);
  });
});

describe("a request already needed by the latest day allowed", () => {
  it("is told the limit moves on, and from which day it can have a later date", () => {
    expect(noLaterNeededBy("2028-12-04", DEC_4_2026)).toBe(
      "This request is already needed by 4 December 2028, and the portal only takes dates up to 2 years from " +
        "today (4 December 2028). That limit moves on by a day each day, so you can choose a later date from " +
        "5 December 2026.",
    );
    // and the next day it can
    expect(noLaterNeededBy("2028-12-04", at("2026-12-05T12:00:00Z"))).toBeNull();
    expect(noLaterNeededBy("2028-12-03", DEC_4_2026)).toBeNull();
  });

  it("needed by a day beyond the limit, is told the first day the limit passes it", () => {
    expect(noLaterNeededBy("2028-12-10", DEC_4_2026)).toMatch(/choose a later date from 11 December 2026\.$/);
    expect(noLaterNeededBy("2028-12-10", at("2026-12-10T12:00:00Z"))).not.toBeNull();
    expect(noLaterNeededBy("2028-12-10", at("2026-12-11T12:00:00Z"))).toBeNull();
  });

  it("around 29 February, is told the day the limit does move past it", () => {
    // on 28 and 29 February 2028 the limit is 28 February 2030; on 1 March 2028, 1 March 2030
    const on28 = at("2028-02-28T12:00:00Z");
    expect(noLaterNeededBy("2030-02-28", on28)).toMatch(/choose a later date from 1 March 2028\.$/);
    expect(noLaterNeededBy("2030-02-28", at("2028-02-29T12:00:00Z"))).not.toBeNull();
    expect(noLaterNeededBy("2030-02-28", at("2028-03-01T12:00:00Z"))).toBeNull();
  });
});

describe("a new needed-by date no later than the current one", () => {
  /** The message's example: a day the extension takes at `now`, later than the current needed-by date. */
  function checkExample(neededBy: string, now: Date, expected: string) {
    const message = laterNeededByMessage(neededBy, now);
    const example = exampleIn(message);
    expect(example).toBe(expected);
    const day = ukDayAsIso(example) as string;
    const days = futureDayRange({ after: neededBy }, now)!;
    expect(day > neededBy).toBe(true);
    expect(day >= days.min && day <= days.max).toBe(true);
  }

  it("is given a day from today when the current date has passed", () => {
    checkExample("2026-11-01", DEC_4_2026, "27/03/2027");
    // with no full stop, as the house's other date messages
    expect(laterNeededByMessage("2026-11-01", DEC_4_2026)).toBe(
      "The new date must be later than the current one, for example 27/03/2027",
    );
    // after 27/03/2027, today
    checkExample("2028-04-01", at("2028-05-10T12:00:00Z"), "10/05/2028");
  });

  it("is given the latest day when the current one is the day before it", () => {
    checkExample("2028-12-03", DEC_4_2026, "04/12/2028");
  });

  it("is given the day after the current one when that is later than the usual example", () => {
    checkExample("2027-06-01", DEC_4_2026, "02/06/2027");
  });

  it("is given a day taken at the moment of the change, not on the real clock", () => {
    // years from the real today: the day after the current date would already have passed
    checkExample("2040-05-01", at("2040-06-01T12:00:00Z"), "01/06/2040");
  });

  it("at the latest day allowed, is told why there is none, not an example no later than it", () => {
    const message = laterNeededByMessage("2028-12-04", DEC_4_2026);
    expect(message).toBe(noLaterNeededBy("2028-12-04", DEC_4_2026));
    expect(message).not.toContain("for example");
  });
});
