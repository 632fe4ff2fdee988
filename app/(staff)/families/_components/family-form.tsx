"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useFieldArray, useForm, useWatch, type FieldErrors, type Path } from "react-hook-form";
import { useIsHydrated } from "@/components/form-messages";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { RequiredNote } from "@/components/ui/field-label";
import { SelectField, type SelectOption } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/use-action-form";
import type { ActionResult } from "@/lib/actions/action";
import { fieldProblems } from "@/lib/domain/error-summary";
import type { DuplicateCandidate } from "@/lib/db/families/save-family";
import { transliterateKazakh } from "@/lib/domain/transliteration";
import {
  EDUCATION_LEVELS,
  MAX_MEMBERS,
  RELATIONSHIPS,
  familyFieldsSchema,
  emptyMember,
  iinWarningsByMember,
  type FamilyFieldsInput,
  type FamilyFormValues,
  type MemberFormValues,
} from "@/lib/validation/family-form";

export type FamilyFormOptions = {
  countries: SelectOption[];
  citizenships: SelectOption[];
  originRegions: SelectOption[];
  /** Empty for regional staff, whose target region is their own. */
  targetRegions: SelectOption[];
  fixedTargetRegion: string | null;
  districts: { value: string; label: string; regionId: string }[];
};

type SaveOutcome = { familyId: number; caseNumber: string };
type Submit = (
  values: FamilyFormValues & { duplicateDecisions: FamilyFormValues["duplicateDecisions"] },
) => Promise<ActionResult<SaveOutcome>>;

const NAME_PAIRS = [
  ["surnameCyr", "surnameLat"],
  ["givenNameCyr", "givenNameLat"],
  ["patronymicCyr", "patronymicLat"],
] as const;

/** The catalogue key of the label of each field outside the household, by path. */
const TOP_LEVEL_LABELS: Record<string, string> = {
  category: "familyForm.category",
  originCountry: "familyForm.originCountry",
  originRegionId: "familyForm.originRegion",
  targetRegionId: "familyForm.targetRegion",
  targetDistrictId: "familyForm.targetDistrict",
  applicationDate: "familyForm.applicationDate",
  contactPhone: "familyForm.phone",
  contactEmail: "familyForm.email",
  address: "familyForm.address",
};

/** The id of a field's element: its path with dots as dashes ("members-0-surnameCyr"). */
const fieldId = (path: string) => path.replaceAll(".", "-");

function errorAt(errors: FieldErrors<FamilyFormValues>, path: string): string | undefined {
  let node: unknown = errors;
  for (const part of path.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  const message = (node as { message?: unknown } | undefined)?.message;
  return typeof message === "string" ? message : undefined;
}

/**
 * The family form for registering and editing: household as a field array, Latin spellings suggested
 * from the Cyrillic, IIN errors and warnings, possible duplicates to decide on, and a draft kept in
 * the tab's session storage so that a session that ends while typing loses nothing.
 */
export function FamilyForm({
  defaultValues,
  options,
  draftKey,
  submit,
  cancelHref,
}: {
  defaultValues: FamilyFormValues;
  options: FamilyFormOptions;
  /** Names the draft in session storage; one per form (new family, or edit of one family). */
  draftKey: string;
  submit: Submit;
  cancelHref: string;
}) {
  const t = useTranslations();
  const router = useRouter();
  // Before hydration no button here works; disabled buttons make that visible and clickable-ready once it does.
  const isHydrated = useIsHydrated();
  const [duplicates, setDuplicates] = useState<DuplicateCandidate[]>([]);
  const [decisions, setDecisions] = useState<Record<number, "SAME_PERSON" | "DIFFERENT_PERSON">>({});
  // Latin spellings this form suggested, per field: a stable container read only in event handlers.
  const [lastSuggestion] = useState(() => new Map<string, string>());

  const {
    register,
    control,
    handleSubmit,
    setValue,
    getValues,
    setError,
    reset,
    formState: { errors, isSubmitting },
    // Validated on submit, then on every change: validating on blur would show errors under fields not yet
    // reached and move the buttons under the pointer (a click on "Add a member" could miss).
  } = useForm<FamilyFormValues, unknown, FamilyFieldsInput>({
    resolver: zodResolver(familyFieldsSchema),
    defaultValues,
    // The error summary takes the focus after a refused submit, not the first field.
    shouldFocusError: false,
  });
  const { fields, append, remove, move } = useFieldArray({ control, name: "members" });
  const isLocked = !isHydrated || isSubmitting;
  const {
    submit: onSubmit,
    onInvalid,
    summaryFocus,
    message: formMessage,
    setMessage: setFormMessage,
  } = useActionForm({
    setError,
    // The server parses the raw form values with the same schema, so they are sent as typed.
    action: () => {
      const duplicateDecisions = Object.entries(decisions).map(([personId, decision]) => ({
        personId: Number(personId),
        decision,
      }));
      return submit({ ...getValues(), duplicateDecisions });
    },
    onSuccess: ({ familyId }) => {
      sessionStorage.removeItem(draftKey);
      router.push(`/families/${familyId}`);
      router.refresh();
    },
    onFailure: ({ details }) => {
      const found = (details as { duplicates?: DuplicateCandidate[] } | undefined)?.duplicates;
      if (found) setDuplicates(found);
    },
    keepDraft: () => sessionStorage.setItem(draftKey, JSON.stringify(getValues())),
  });

  useEffect(() => {
    const draft = sessionStorage.getItem(draftKey);
    if (!draft) return;
    sessionStorage.removeItem(draftKey);
    reset(JSON.parse(draft) as FamilyFormValues);
    // Set in an effect: the draft lives in sessionStorage, readable only after hydration.
    setFormMessage({ text: t("familyForm.restored"), isError: false });
  }, [draftKey, reset, setFormMessage, t]);

  const category = useWatch({ control, name: "category" });
  const targetRegionId = useWatch({ control, name: "targetRegionId" });
  const members = useWatch({ control, name: "members" });
  const iinWarnings = iinWarningsByMember(members);
  const hasIinWarnings = iinWarnings.some((warnings) => warnings.length > 0);
  const districts = options.districts.filter(
    (district) => !options.targetRegions.length || district.regionId === targetRegionId,
  );
  const translate = (key: string | undefined) => (key ? (t.has(key) ? t(key) : key) : undefined);

  function suggestLatin(index: number, latinField: (typeof NAME_PAIRS)[number][1], cyrillic: string) {
    const latinPath = `members.${index}.${latinField}` as const;
    const key = `${fields[index]?.id}.${latinField}`;
    const current = getValues(latinPath) ?? "";
    // Overwrite only what we suggested before: a spelling the user corrected by hand stays.
    if (current === "" || current === lastSuggestion.get(key)) {
      const suggestion = transliterateKazakh(cyrillic.trim());
      lastSuggestion.set(key, suggestion);
      setValue(latinPath, suggestion, { shouldDirty: true });
    }
  }

  function setHead(index: number) {
    getValues("members").forEach((member, position) => {
      const isHead = position === index;
      setValue(`members.${position}.isHead`, isHead, { shouldDirty: true });
      if (isHead) setValue(`members.${position}.relationship`, "HEAD", { shouldDirty: true });
      else if (member.relationship === "HEAD")
        setValue(`members.${position}.relationship`, "" as MemberFormValues["relationship"]);
    });
  }

  /** A field's label as the error summary names it; a member's field says whose it is. */
  function fieldLabel(path: string): string | undefined {
    const member = /^members\.(\d+)\.(\w+)$/.exec(path);
    if (member) {
      const key = `familyForm.${member[2]}`;
      return t.has(key) ? `${t("familyForm.member", { number: Number(member[1]) + 1 })}, ${t(key)}` : undefined;
    }
    const key = TOP_LEVEL_LABELS[path];
    return key ? t(key) : undefined;
  }

  const fieldProps = (path: Path<FamilyFormValues>, label: string, required = false) => ({
    id: fieldId(path),
    label,
    required,
    error: translate(errorAt(errors, path)),
    disabled: isSubmitting,
    registration: register(path),
  });

  const problems = fieldProblems(errors).map((problem) => ({
    // The household's own problem (one head) belongs to no single field.
    fieldId: problem.path === "members" ? undefined : fieldId(problem.path),
    label: fieldLabel(problem.path),
    text: translate(problem.message) ?? problem.message,
  }));

  return (
    <form onSubmit={handleSubmit(onSubmit, onInvalid)} noValidate className="space-y-6">
      <ErrorSummary problems={problems} focusKey={summaryFocus} />
      <RequiredNote />
      <div aria-live="assertive">
        {formMessage && (
          <p
            className={`rounded-md p-3 text-sm ${formMessage.isError ? "bg-red-50 text-red-800" : "bg-sky-50 text-sky-900"}`}
          >
            {formMessage.text}
          </p>
        )}
      </div>

      <fieldset className="grid gap-4 rounded-lg bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-3">
        <legend className="px-1 text-lg font-semibold">{t("familyForm.case")}</legend>
        <SelectField
          {...fieldProps("category", t("familyForm.category"), true)}
          options={[
            { value: "KANDAS", label: t("category.KANDAS") },
            { value: "SETTLER", label: t("category.SETTLER") },
          ]}
          placeholder={t("familyForm.choose")}
        />
        {category === "SETTLER" ? (
          <SelectField
            {...fieldProps("originRegionId", t("familyForm.originRegion"), true)}
            options={options.originRegions}
            placeholder={t("familyForm.choose")}
          />
        ) : (
          <SelectField
            {...fieldProps("originCountry", t("familyForm.originCountry"), true)}
            options={options.countries}
            placeholder={t("familyForm.choose")}
          />
        )}
        {options.targetRegions.length > 0 ? (
          <SelectField
            {...fieldProps("targetRegionId", t("familyForm.targetRegion"), true)}
            options={options.targetRegions}
            placeholder={t("familyForm.choose")}
          />
        ) : (
          <div className="text-sm">
            <span className="block font-medium">{t("familyForm.targetRegion")}</span>
            <span className="mt-2 block">{options.fixedTargetRegion}</span>
          </div>
        )}
        <SelectField
          {...fieldProps("targetDistrictId", t("familyForm.targetDistrict"))}
          options={districts}
          placeholder={t("familyForm.noDistrict")}
        />
        <TextField {...fieldProps("applicationDate", t("familyForm.applicationDate"), true)} type="date" />
      </fieldset>

      <fieldset className="grid gap-4 rounded-lg bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-3">
        <legend className="px-1 text-lg font-semibold">{t("familyForm.contact")}</legend>
        <TextField
          {...fieldProps("contactPhone", t("familyForm.phone"))}
          type="tel"
          autoComplete="off"
          placeholder={t("familyForm.phoneHint")}
        />
        <TextField {...fieldProps("contactEmail", t("familyForm.email"))} type="email" autoComplete="off" />
        <TextField {...fieldProps("address", t("familyForm.address"))} autoComplete="off" />
      </fieldset>

      <section aria-labelledby="household-heading" className="space-y-4">
        <h2 id="household-heading" className="text-lg font-semibold">
          {t("familyForm.household")}
        </h2>
        <p aria-live="polite" className="text-sm text-red-700">
          {translate(
            errorAt(errors, "members") ??
              (errors.members as { root?: { message?: string } } | undefined)?.root?.message,
          )}
        </p>
        {fields.map((field, index) => {
          const number = index + 1;
          const base = `members.${index}` as const;
          return (
            <fieldset key={field.id} className="rounded-lg bg-white p-4 shadow-sm">
              <legend className="px-1 font-semibold">{t("familyForm.member", { number })}</legend>
              <div className="mb-3 flex flex-wrap items-center gap-3">
                <label className="inline-flex items-center gap-2 text-sm font-medium">
                  <input
                    type="radio"
                    name="headOfFamily"
                    checked={members[index]?.isHead ?? false}
                    onChange={() => setHead(index)}
                    disabled={isLocked}
                  />
                  {t("familyForm.isHead")}
                </label>
                <div className="ml-auto flex gap-2">
                  <Button
                    type="button"
                    variant="secondary"
                    onClick={() => move(index, index - 1)}
                    disabled={index === 0 || isLocked}
                    aria-label={t("familyForm.moveUp", { number })}
                  >
                    ↑
                  </Button>
                  <Button
                    type="button"
                    variant="secondary"
                    onClick={() => move(index, index + 1)}
                    disabled={index === fields.length - 1 || isLocked}
                    aria-label={t("familyForm.moveDown", { number })}
                  >
                    ↓
                  </Button>
                  <Button
                    type="button"
                    variant="danger"
                    onClick={() => remove(index)}
                    disabled={fields.length === 1 || isLocked}
                  >
                    {t("familyForm.removeMember", { number })}
                  </Button>
                </div>
              </div>
              <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                {NAME_PAIRS.map(([cyrillicField, latinField]) => (
                  <div key={cyrillicField} className="contents">
                    <TextField
                      {...fieldProps(
                        `${base}.${cyrillicField}`,
                        t(`familyForm.${cyrillicField}`),
                        cyrillicField !== "patronymicCyr",
                      )}
                      autoComplete="off"
                      registration={register(`${base}.${cyrillicField}`, {
                        onChange: (event: React.ChangeEvent<HTMLInputElement>) =>
                          suggestLatin(index, latinField, event.target.value),
                      })}
                    />
                    <TextField
                      {...fieldProps(
                        `${base}.${latinField}`,
                        t(`familyForm.${latinField}`),
                        latinField !== "patronymicLat",
                      )}
                      autoComplete="off"
                      title={t("familyForm.latinHint")}
                    />
                  </div>
                ))}
                <SelectField
                  {...fieldProps(`${base}.relationship`, t("familyForm.relationship"), true)}
                  options={RELATIONSHIPS.filter((relationship) =>
                    members[index]?.isHead ? relationship === "HEAD" : relationship !== "HEAD",
                  ).map((relationship) => ({
                    value: relationship,
                    label: t(`relationship.${relationship}`),
                  }))}
                  placeholder={t("familyForm.choose")}
                />
                <TextField {...fieldProps(`${base}.birthDate`, t("familyForm.birthDate"), true)} type="date" />
                <SelectField
                  {...fieldProps(`${base}.sex`, t("familyForm.sex"), true)}
                  options={[
                    { value: "M", label: t("sex.M") },
                    { value: "F", label: t("sex.F") },
                  ]}
                  placeholder={t("familyForm.choose")}
                />
                <div>
                  <TextField
                    {...fieldProps(`${base}.iin`, t("familyForm.iin"))}
                    inputMode="numeric"
                    autoComplete="off"
                    maxLength={20}
                  />
                  {iinWarnings[index]?.map((warning) => (
                    <p key={warning} role="status" className="text-sm text-amber-800">
                      {t(`familyForm.warnings.${warning}`)}
                    </p>
                  ))}
                </div>
                <SelectField
                  {...fieldProps(`${base}.citizenship`, t("familyForm.citizenship"), true)}
                  options={options.citizenships}
                  placeholder={t("familyForm.choose")}
                />
                <SelectField
                  {...fieldProps(`${base}.education`, t("familyForm.education"))}
                  options={EDUCATION_LEVELS.map((level) => ({ value: level, label: t(`education.${level}`) }))}
                  placeholder="—"
                />
                <TextField {...fieldProps(`${base}.profession`, t("familyForm.profession"))} autoComplete="off" />
              </div>
            </fieldset>
          );
        })}
        <Button
          type="button"
          variant="secondary"
          onClick={() => append(emptyMember(false))}
          disabled={fields.length >= MAX_MEMBERS || isLocked}
        >
          {t("familyForm.addMember")}
        </Button>
      </section>

      {hasIinWarnings && (
        <div className="rounded-lg bg-amber-50 p-4">
          <label className="inline-flex items-start gap-2 text-sm">
            <input
              id={fieldId("acknowledgeIinWarnings")}
              type="checkbox"
              {...register("acknowledgeIinWarnings")}
              disabled={isSubmitting}
              aria-describedby="iin-ack-error"
            />
            {t("familyForm.acknowledgeIinWarnings")}
          </label>
          <p id="iin-ack-error" aria-live="polite" className="text-sm text-red-700">
            {translate(errors.acknowledgeIinWarnings?.message)}
          </p>
        </div>
      )}

      {duplicates.length > 0 && (
        <section aria-labelledby="duplicates-heading" className="rounded-lg border border-amber-300 bg-amber-50 p-4">
          <h2 id="duplicates-heading" className="font-semibold">
            {t("familyForm.duplicatesTitle")}
          </h2>
          <p className="text-sm">{t("familyForm.duplicatesIntro")}</p>
          <ul className="mt-3 space-y-3">
            {duplicates.map((candidate) => (
              <li key={candidate.personId} className="rounded bg-white p-3 text-sm">
                <p>
                  <span className="font-medium">{t("familyForm.duplicateOf", { number: candidate.index + 1 })}: </span>
                  {candidate.name ?? t("familyForm.hiddenCase")}
                  {candidate.caseNumber && (
                    <a
                      href={`/families/${candidate.familyId}`}
                      target="_blank"
                      rel="noreferrer"
                      className="ml-2 font-mono text-brand-700 underline"
                    >
                      {candidate.caseNumber}
                    </a>
                  )}{" "}
                  · {candidate.birthDate} ·{" "}
                  {t("familyForm.similarity", { percent: Math.round(candidate.similarity * 100) })}
                </p>
                <div
                  role="radiogroup"
                  aria-label={t("familyForm.duplicateOf", { number: candidate.index + 1 })}
                  className="mt-2 flex gap-4"
                >
                  {(["SAME_PERSON", "DIFFERENT_PERSON"] as const).map((decision) => (
                    <label key={decision} className="inline-flex items-center gap-1">
                      <input
                        type="radio"
                        name={`duplicate-${candidate.personId}`}
                        checked={decisions[candidate.personId] === decision}
                        onChange={() => setDecisions((current) => ({ ...current, [candidate.personId]: decision }))}
                      />
                      {t(decision === "SAME_PERSON" ? "familyForm.samePerson" : "familyForm.differentPerson")}
                    </label>
                  ))}
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}

      <div className="flex gap-3">
        <Button type="submit" disabled={isLocked}>
          {isSubmitting ? t("familyForm.saving") : t("familyForm.save")}
        </Button>
        <a href={cancelHref} className="px-4 py-2 text-sm text-brand-700 hover:underline">
          {t("familyForm.cancel")}
        </a>
      </div>
    </form>
  );
}
