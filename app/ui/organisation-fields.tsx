// The fields an organisation registers with, after its name and council: a VCSE's (number, area, what it does,
// contact) and a supplier's (company number, postcode, staff, turnover and balance sheet, contact). Used by the registration
// forms and by "Change your organisation's details", with Conform's field metadata, so a change is asked the same
// questions as registration.
import { BALANCE_SHEET_BANDS, STAFF_COUNT_HINT, TURNOVER_BANDS } from "~/domain/accounts/business-size.ts";
import { Radios, Textarea, TextInput } from "./form.tsx";

export type FieldLike = { name: string; key?: string; initialValue?: unknown; errors?: string[] };

const value = (field: FieldLike) => field.initialValue as string | undefined;

// The organisation's contact email, in each kind's words: for a VCSE, where suppliers whose pledges it accepts write
// to it (requestor-contact.server.ts); for a supplier, its social value lead. Also asked alone, once verified.
export function ContactEmailField({ field, kind }: { field: FieldLike; kind: "VCSE" | "SUPPLIER" }) {
  return (
    <TextInput
      name={field.name}
      key={field.key}
      defaultValue={value(field)}
      label={kind === "VCSE" ? "Contact email (optional)" : "Social value contact email (optional)"}
      hint={
        kind === "VCSE"
          ? "Given to a supplier once you accept its pledge, so it can reach your group. Without one, the supplier is given the email of the person who posted the request."
          : "Where the council and charities can reach your social value lead"
      }
      errors={field.errors}
      type="email"
      spellCheck={false}
    />
  );
}

export function VcseDetailFields({
  fields,
}: {
  fields: {
    charityNumber: FieldLike;
    areaServed: FieldLike;
    description: FieldLike;
    contactEmail: FieldLike;
  };
}) {
  return (
    <>
      <TextInput
        name={fields.charityNumber.name}
        key={fields.charityNumber.key}
        defaultValue={value(fields.charityNumber)}
        label="Charity or company number (optional)"
        hint="Leave this blank if your group is not registered"
        errors={fields.charityNumber.errors}
        width="10"
      />
      <TextInput
        name={fields.areaServed.name}
        key={fields.areaServed.key}
        defaultValue={value(fields.areaServed)}
        label="Area you serve"
        hint="For example, a town, a neighbourhood or the whole county"
        errors={fields.areaServed.errors}
      />
      <Textarea
        name={fields.description.name}
        key={fields.description.key}
        defaultValue={value(fields.description)}
        label="What your organisation does"
        hint="Who you help and how. Suppliers will see this next to your requests."
        errors={fields.description.errors}
      />
      <ContactEmailField field={fields.contactEmail} kind="VCSE" />
    </>
  );
}

export function SupplierDetailFields({
  fields,
}: {
  fields: {
    companyNumber: FieldLike;
    registeredPostcode: FieldLike;
    staffHeadcount: FieldLike;
    turnoverBand: FieldLike;
    balanceSheetBand: FieldLike;
    contactEmail: FieldLike;
  };
}) {
  return (
    <>
      <TextInput
        name={fields.companyNumber.name}
        key={fields.companyNumber.key}
        defaultValue={value(fields.companyNumber)}
        label="Companies House number"
        hint="8 characters, for example 01234567 or SC123456"
        errors={fields.companyNumber.errors}
        width="10"
        spellCheck={false}
      />
      <TextInput
        name={fields.registeredPostcode.name}
        key={fields.registeredPostcode.key}
        defaultValue={value(fields.registeredPostcode)}
        label="Registered office postcode"
        errors={fields.registeredPostcode.errors}
        width="10"
        autoComplete="postal-code"
      />
      <TextInput
        name={fields.staffHeadcount.name}
        key={fields.staffHeadcount.key}
        defaultValue={value(fields.staffHeadcount)}
        label="Number of staff"
        hint={STAFF_COUNT_HINT}
        errors={fields.staffHeadcount.errors}
        inputMode="numeric"
        width="5"
      />
      <Radios
        name={fields.turnoverBand.name}
        key={fields.turnoverBand.key}
        defaultValue={value(fields.turnoverBand)}
        legend="Annual turnover"
        errors={fields.turnoverBand.errors}
        options={TURNOVER_BANDS.map((b) => ({ value: b.value, label: b.label }))}
      />
      <Radios
        name={fields.balanceSheetBand.name}
        key={fields.balanceSheetBand.key}
        defaultValue={value(fields.balanceSheetBand)}
        legend="Balance sheet total"
        hint="Total assets, from your latest accounts"
        errors={fields.balanceSheetBand.errors}
        options={BALANCE_SHEET_BANDS.map((b) => ({ value: b.value, label: b.label }))}
      />
      <ContactEmailField field={fields.contactEmail} kind="SUPPLIER" />
      <p className="mb-6 text-muted">
        We work out your business size (micro, small, medium or large) from these answers.
      </p>
    </>
  );
}
