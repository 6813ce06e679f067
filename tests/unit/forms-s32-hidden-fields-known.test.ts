// parseForm refuses a form as a whole when a field the page fills in itself (a hidden input) is sent twice with
// different values, and says so on the field otherwise: it knows a hidden field by its name (HIDDEN_FIELDS, or a
// route's own `hidden` option). A new hidden input of a name it does not know got "check it" on a field not on the
// page, with a link to nothing: this reads every hidden input of the app and fails until its name is known.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  HIDDEN_FIELDS,
  HIDDEN_IN_ENTRIES,
  HIDDEN_SENT_TWICE,
  parseForm,
  SENT_TWICE,
} from "~/server/parse-form.server.ts";

const APP = path.resolve(__dirname, "../../app");

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sources(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });

// Hidden inputs of forms sent with GET (filters carried along a list's links): no action reads them
const IN_GET_FORMS = new Set([
  "awardDate",
  "awarded",
  "awardedSince",
  "council",
  "localValue",
  "measure",
  "since",
]);

describe("hidden inputs", () => {
  const files = sources(APP).map((file) => ({ file, text: readFileSync(file, "utf8") }));
  // the names routes declare hidden for themselves (`hidden: ["councilId"]`)
  const declared = new Set(
    files.flatMap(({ text }) =>
      [...text.matchAll(/hidden: \[([^\]]*)\]/g)].flatMap(([, list]) =>
        [...list!.matchAll(/"([^"]+)"/g)].map(([, name]) => name!),
      ),
    ),
  );
  const hiddenInputs = files.flatMap(({ file, text }) =>
    [...text.matchAll(/<input\b[^>]*>/g)]
      .map(([input]) => input)
      .filter((input) => /type="hidden"/.test(input))
      .map((input) => ({
        file: path.relative(APP, file),
        // name="version", or name={fields.version.name} / {f.commitmentId.name} / {entry.quarter.name}
        name: input.match(/name="([^"]+)"/)?.[1] ?? input.match(/name=\{\w+\.(\w+)\.name\}/)?.[1] ?? null,
      })),
  );

  it("are found (the reading of the app works)", () => {
    expect(hiddenInputs.length).toBeGreaterThan(30);
    expect(hiddenInputs.map((input) => input.name)).toEqual(
      expect.arrayContaining(["version", "submissionKey", "councilId", "commitmentId"]),
    );
  });

  it("each have a name parseForm knows as hidden", () => {
    const unknown = hiddenInputs
      .filter(({ name }) => name !== null)
      .filter(
        ({ name }) =>
          !HIDDEN_FIELDS.has(name!) &&
          !HIDDEN_IN_ENTRIES.has(name!) &&
          !declared.has(name!) &&
          !IN_GET_FORMS.has(name!),
      )
      .map(({ file, name }) => `${file}: ${name}`);
    expect(unknown).toEqual([]);
  });
});

describe("a name hidden only inside a list entry", () => {
  const twice = (name: string) => {
    const form = new FormData();
    form.append(name, "a");
    form.append(name, "b");
    return form;
  };

  it("is the user's own field at the top level (the commitment a pledge counts towards)", () => {
    const reply = parseForm(twice("commitmentId"), {
      schema: z.object({ commitmentId: z.string() }),
    }).reply();
    expect(reply.error).toEqual({ commitmentId: [SENT_TWICE] });
  });

  it("refuses the form as a whole inside an entry (the commitment a return's line is for)", () => {
    const reply = parseForm(twice("lines[0].commitmentId"), {
      schema: z.object({ lines: z.array(z.object({ commitmentId: z.string() })) }),
    }).reply();
    expect(reply.error).toEqual({ "": [HIDDEN_SENT_TWICE] });
  });
});
