/** One problem of a form, as the error summary lists it: the field's path and its message. */
export type FieldProblem = { path: string; message: string; type?: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

/**
 * Every message of a react-hook-form error tree, in the order of the tree, with its field's path
 * ("members.0.surnameCyr"). A field array's own error (kept under `root`) is the array's; the DOM
 * element an error holds (`ref`) is not walked.
 */
export function fieldProblems(errors: unknown, prefix = ""): FieldProblem[] {
  if (!isRecord(errors)) return [];
  if (typeof errors.message === "string" && errors.message !== "" && "type" in errors) {
    const type = typeof errors.type === "string" ? errors.type : undefined;
    return [{ path: prefix, message: errors.message, ...(type && { type }) }];
  }
  return Object.keys(errors)
    .filter((key) => key !== "ref")
    .flatMap((key) => fieldProblems(errors[key], key === "root" ? prefix : prefix ? `${prefix}.${key}` : key));
}
