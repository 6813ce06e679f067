// The form fields a route's page renders, read from its source, for the hostile-input test to attack.
// Read from the source rather than the zod schemas: the page is what a browser sends (hidden fields such as
// `version`, Conform list items such as `plan[0].quantity`), and an action may pick its schema per intent or
// reshape the form first, which no table of schemas would follow. A page often renders its form through a
// component in its own folder or a sibling route's (contracts.$id.edit renders contracts.new/contract-form.tsx),
// or one kept with its area's rules (the organisation details fields in app/domain/accounts, the new password
// fields in app/auth), so every .tsx module of app/ the route imports is read too, and theirs in turn.
import fs from "node:fs";
import path from "node:path";
import { TOPICS } from "~/domain/survey/questions.ts";

const appDirectory = path.resolve(import.meta.dirname, "../../app");

// A module whose fields the page may draw: any .tsx of app/ but a server module (never in the page) and a type
// imported alone (form-for.tsx's `import type { loader } from "~/root.tsx"` draws no field).
const drawsPart = (target: string, typeOnly: boolean) =>
  !typeOnly &&
  target.startsWith(appDirectory + path.sep) &&
  !target.endsWith(".server.tsx") &&
  fs.existsSync(target);

// A top-level declaration of a module: `export function ContractForm(`, `const widths =`, `type Option =`...
const DECLARATION =
  /^(export\s+)?(?:default\s+)?(?:async\s+)?(?:function|const|let|class|type|interface)\s+(\w+)/gm;

// An imported module's source without the exports the importer does not use (a page importing TextInput from
// app/ui/form.tsx renders no ReasonForm); everything else is kept, so a helper a component calls is read too.
function usedPartOf(source: string, imported: Set<string>) {
  const starts = [...source.matchAll(DECLARATION)];
  let used = source.slice(0, starts[0]?.index ?? source.length);
  starts.forEach((match, i) => {
    const [, exported, name] = match;
    if (!exported || imported.has(name))
      used += source.slice(match.index, starts[i + 1]?.index ?? source.length);
  });
  return used;
}

// `type Option, Radios as Choice` → Option, Radios
const importedNames = (list: string) =>
  new Set(list.split(",").map((entry) => /^\s*(?:type\s+)?(\w*)/.exec(entry)![1]));

// The source of the route file and of every .tsx module of app/ it reaches through relative or ~/ imports (the
// parts it uses), and theirs in turn.
export function pageSourcesOf(routeFile: string): string[] {
  const sources: string[] = [];
  const seen = new Set<string>();
  const visit = (file: string, imported?: Set<string>) => {
    const key = `${file} ${[...(imported ?? [])].sort().join()}`;
    if (seen.has(key)) return;
    seen.add(key);
    const whole = fs.readFileSync(file, "utf8");
    const source = imported ? usedPartOf(whole, imported) : whole;
    sources.push(source);
    for (const [, typeOnly, names, specifier] of source.matchAll(
      /\bimport\s+(type\s+)?(?:\w+\s*,\s*)?\{([^}]*)\}\s*from\s+"((?:\.{1,2}|~)\/[^"]+\.tsx)"/g,
    )) {
      const target = specifier.startsWith("~/")
        ? path.join(appDirectory, specifier.slice(2))
        : path.resolve(path.dirname(file), specifier);
      if (drawsPart(target, Boolean(typeOnly))) visit(target, importedNames(names));
    }
  };
  visit(path.join(appDirectory, routeFile));
  return sources;
}

// Conform list items are sent as list[0].member; two items are enough to reach the action's list handling.
const LIST_INDEXES = [0, 1];

function fieldNamesIn(source: string): string[] {
  const names = new Set<string>();
  for (const [, name] of source.matchAll(/\bname="([\w.[\]-]+)"/g)) names.add(name);
  // `lines[${index}].evidence` → lines[0].evidence
  for (const [, list, member] of source.matchAll(/`(\w+)\[\$\{\w+\}\]((?:\.\w+)*)`/g)) {
    names.add(`${list}[0]${member}`);
  }
  // Conform's field objects: `const [form, fields] = useForm(...)`, then fields.title.name, fields.plan.errors...
  const fieldObjects = new Set(["fields"]);
  for (const [, object] of source.matchAll(/\[\s*\w+\s*,\s*(\w+)\s*\]\s*=\s*useForm\b/g))
    fieldObjects.add(object);
  const lists: string[] = [];
  for (const object of fieldObjects) {
    for (const [, name] of source.matchAll(new RegExp(`\\b${object}\\.(\\w+)\\.\\w`, "g"))) names.add(name);
    // a field handed whole to a component that draws it: <NewPasswordFields password={fields.password} ...>
    for (const [, name] of source.matchAll(new RegExp(`\\s\\w+=\\{\\s*${object}\\.(\\w+)\\s*\\}`, "g")))
      names.add(name);
    for (const [, name] of source.matchAll(new RegExp(`\\b${object}\\.(\\w+)\\.getFieldList\\(`, "g"))) {
      lists.push(name);
    }
  }
  // a list item's fieldset: `const entry = item.getFieldset()`, then entry.quantity.name
  for (const [, entry] of source.matchAll(/\b(\w+)\s*=\s*[\w.[\]]+\.getFieldset\(\)/g)) {
    for (const [, member] of source.matchAll(new RegExp(`\\b${entry}\\.(\\w+)\\.name\\b`, "g"))) {
      for (const list of lists) for (const index of LIST_INDEXES) names.add(`${list}[${index}].${member}`);
    }
  }
  return [...names];
}

// Pages whose field names are data, not source: a survey question page renders one field per question of the
// topic in its URL (`name={question.name}`), and a free-text question's "Prefer not to say" box as <name>PreferNot.
const DATA_DRIVEN_FIELDS: Record<string, (params: Record<string, string>) => string[]> = {
  "routes/survey.$cycleId.questions.$topic.tsx": ({ topic }) =>
    TOPICS.filter((t) => !topic || t.slug === topic).flatMap((t) =>
      t.questions.flatMap((q) => (q.preferNotBox ? [q.name, `${q.name}PreferNot`] : [q.name])),
    ),
};

// every field name the route's page and its components render, the intent button aside; `params` are the page's
// URL parameters, for a page whose fields depend on them (without, every variant's fields)
export function formFieldsOf(routeFile: string, params: Record<string, string> = {}): string[] {
  const names = new Set([
    ...pageSourcesOf(routeFile).flatMap(fieldNamesIn),
    ...(DATA_DRIVEN_FIELDS[routeFile]?.(params) ?? []),
  ]);
  names.delete("intent");
  return [...names].sort();
}
