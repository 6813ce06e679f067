// The request form shared by "Post a request" and "Edit request". Works without JavaScript.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "~/ui/form-for.tsx";
import { councilEntryOptions } from "~/domain/marketplace/council-entry-options.ts";
import { HELP_TYPES } from "~/domain/marketplace/help-types.ts";
import {
  Button,
  Checkbox,
  Checkboxes,
  DateInput,
  ErrorSummary,
  Radios,
  Select,
  TextInput,
  Textarea,
} from "~/ui/form.tsx";

export type CouncilOption = {
  id: string;
  name: string;
  categories: { id: string; name: string }[];
  districts: { id: string; name: string }[];
};

export type RequestDefaults = Partial<Record<string, string>>;

/** The form's fields in the order of the page, for its error summary. */
const PAGE_ORDER = [
  "title",
  "description",
  "councilId",
  "alsoForCouncilIds",
  "categoryId",
  "helpType",
  "quantity",
  "unitLabel",
  "districtId",
  "postcodeArea",
  "isRemote",
  "neededBy",
  "beneficiaries",
  "beneficiaryCount",
  "contactPreference",
];

export function RequestForm({
  lastResult,
  councils,
  defaults,
  submitLabel = "Submit for approval",
  submissionKey,
  version,
  canSubmit = true,
  retired = {},
  neededByDays,
  alsoFor = [],
}: {
  lastResult?: SubmissionResult<string[]> | null;
  councils: CouncilOption[];
  defaults: RequestDefaults;
  submitLabel?: string;
  /** a new request's one-off key: the form posted twice makes one request */
  submissionKey?: string;
  /** the edited request's version (updatedAt): a colleague's save since is refused, not overwritten */
  version?: string;
  /** false while the council has not verified the organisation: a submit would only be refused */
  canSubmit?: boolean;
  /** on edit, what to say by a field whose saved choice the council has retired (it is not among the options) */
  retired?: { categoryId?: string; districtId?: string };
  /** the days the needed-by date may be, worked out as the page is shown (futureDayRange): the box's min and max,
   * and so its hint's example, the one the error gives */
  neededByDays: { min: string; max: string };
  /** on edit, the other councils the request is already for besides its lead council (ids) */
  alsoFor?: string[];
}) {
  const defaultValue: Record<string, string | string[] | undefined> = {
    ...defaults,
    alsoForCouncilIds: alsoFor,
  };
  const [form, fields] = useForm({ lastResult, defaultValue, shouldRevalidate: "onSubmit" });
  const value = (name: string) => {
    const v = (fields as unknown as Record<string, { initialValue?: unknown }>)[name]?.initialValue;
    return typeof v === "string" ? v : undefined;
  };
  const many = councils.length > 1;
  // the lead council's select and the other councils' boxes offer the same councils
  const councilOptions = councils.map((c) => ({ value: c.id, label: c.name }));
  // the boxes ticked: as saved, or as sent when the form came back with errors (one box sent is one value)
  const ticked = fields.alsoForCouncilIds.initialValue;
  const alsoForTicked = (Array.isArray(ticked) ? ticked : [ticked]).filter(
    (id): id is string => typeof id === "string",
  );
  // said while the field still holds the retired choice: once another (or none) is sent, that answer stands
  const errorsOf = (name: "categoryId" | "districtId") =>
    fields[name].errors ?? (retired[name] && value(name) === defaults[name] ? [retired[name]] : undefined);
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="max-w-2xl">
      {/* where the help is and a category of another council are checked after every field's own: listed where the
          fields are on the page */}
      <ErrorSummary errors={form.allErrors} order={PAGE_ORDER} />
      {submissionKey ? <input type="hidden" name="submissionKey" value={submissionKey} /> : null}
      {version ? <input type="hidden" name="version" value={version} /> : null}
      <TextInput
        name="title"
        label="Title"
        hint="Say what you need in a few words"
        errors={fields.title.errors}
        defaultValue={value("title")}
      />
      <Textarea
        name="description"
        label="What do you need, and why?"
        hint="Do not include anyone's personal details. This is shown publicly."
        errors={fields.description.errors}
        defaultValue={value("description")}
      />
      <Select
        name="councilId"
        label="Which council is it for?"
        placeholder="Select a council"
        options={councilOptions}
        errors={fields.councilId.errors}
        defaultValue={value("councilId")}
      />
      {many ? (
        // a partnership need (decision 050): the council chosen above moderates it and gives its category; it
        // is listed under these councils too, and their suppliers may count a pledge towards their contracts
        <Checkboxes
          name="alsoForCouncilIds"
          legend="Is it also for other councils? (optional)"
          hint="Tick any other council it is for. It is also listed under them, and their suppliers can count a pledge towards their contracts with them. Leave the council you chose above unticked."
          options={councilOptions}
          errors={fields.alsoForCouncilIds.errors}
          defaultValues={alsoForTicked}
        />
      ) : null}
      <Select
        name="categoryId"
        label="Category"
        hint="From the council's needs and priorities list"
        placeholder="Select a category"
        options={councilEntryOptions(councils, (c) => c.categories, { withCouncil: many })}
        errors={errorsOf("categoryId")}
        defaultValue={value("categoryId")}
      />
      <Radios
        name="helpType"
        legend="Type of help"
        options={HELP_TYPES.map((h) => ({ value: h.value, label: h.label, hint: `Measured in ${h.unit}` }))}
        errors={fields.helpType.errors}
        defaultValue={value("helpType")}
      />
      <TextInput
        name="quantity"
        label="How much do you need?"
        hint="In the unit of the type of help: hours, items, £ or places"
        inputMode="numeric"
        width="10"
        errors={fields.quantity.errors}
        defaultValue={value("quantity")}
      />
      <TextInput
        name="unitLabel"
        label="What are the items? (goods only)"
        hint="For example, laptops"
        width="20"
        errors={fields.unitLabel.errors}
        defaultValue={value("unitLabel")}
      />
      <Select
        name="districtId"
        label="District"
        hint="Select a district, enter a postcode area below, or tick “Can be done remotely”: you need at least one. If you enter only a postcode area, we put the request under the district that covers it."
        placeholder="No district"
        options={councilEntryOptions(councils, (c) => c.districts, { withCouncil: many })}
        errors={errorsOf("districtId")}
        defaultValue={value("districtId")}
      />
      <TextInput
        name="postcodeArea"
        label="Postcode area"
        hint="The first half of the postcode, for example GU1. Needed if you select no district and it cannot be done remotely"
        width="5"
        errors={fields.postcodeArea.errors}
        defaultValue={value("postcodeArea")}
      />
      <Checkbox
        name="isRemote"
        label="Can be done remotely"
        defaultChecked={value("isRemote") === "on"}
        errors={fields.isRemote.errors}
      />
      <DateInput
        name="neededBy"
        label="Needed by"
        min={neededByDays.min}
        max={neededByDays.max}
        errors={fields.neededBy.errors}
        defaultValue={value("neededBy")}
      />
      <Textarea
        name="beneficiaries"
        label="Who benefits? (optional)"
        hint="For example, older people living alone in Guildford. This is shown publicly: do not name anyone."
        rows={3}
        errors={fields.beneficiaries.errors}
        defaultValue={value("beneficiaries")}
      />
      <TextInput
        name="beneficiaryCount"
        label="How many people benefit? (optional)"
        inputMode="numeric"
        width="5"
        errors={fields.beneficiaryCount.errors}
        defaultValue={value("beneficiaryCount")}
      />
      <Textarea
        name="contactPreference"
        label="How should a supplier contact you? (optional)"
        hint="Suppliers whose pledge you accept see this, with an email address to reach you: your group’s contact address if it has one, otherwise that of the person who posted the request. Only they, your group and the council see it. It is never shown publicly."
        rows={2}
        errors={fields.contactPreference.errors}
        defaultValue={value("contactPreference")}
      />
      <div className="flex flex-wrap gap-4">
        {canSubmit ? (
          <Button name="intent" value="submit">
            {submitLabel}
          </Button>
        ) : null}
        <Button name="intent" value="draft" variant={canSubmit ? "secondary" : undefined}>
          Save as draft
        </Button>
      </div>
    </Form>
  );
}
