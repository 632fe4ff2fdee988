import { describe, expect, it } from "vitest";
import { AppError, forbiddenError, INVALID_INPUT, isNotFound, NOT_FOUND, notFoundError } from "./app-error";

describe("AppError", () => {
  it("keeps its code, typed values, field and status, and defaults to a 400", () => {
    const error = new AppError("casefile.rules.fileTooLarge", { field: "file", values: { maxMb: 5 }, status: 413 });
    expect(error).toMatchObject({
      code: "casefile.rules.fileTooLarge",
      field: "file",
      values: { maxMb: 5 },
      status: 413,
    });
    expect(new AppError("quotas.errors.orderMissing").status).toBe(400);
    expect(error).toBeInstanceOf(Error);
  });

  it("writes what happened after the code for the log only", () => {
    expect(new AppError(INVALID_INPUT, { log: "line 3" }).message).toBe("errors.invalidInput: line 3");
    expect(new AppError(INVALID_INPUT).message).toBe("errors.invalidInput");
  });

  it("renames its fields for a form whose fields are named otherwise, keeping everything else", () => {
    const error = new AppError("quotas.errors.invalidOrder", {
      values: { year: 2027 },
      fieldErrors: {
        "places.0.total": { code: "quotas.validation.total" },
        orderDate: { code: "quotas.validation.orderDate" },
      },
      status: 409,
      details: { existingYear: 2027 },
    });
    const renamed = error.withFields((field) => field.replace("places.0.", "places.7."));
    expect(renamed).toMatchObject({
      code: "quotas.errors.invalidOrder",
      values: { year: 2027 },
      status: 409,
      details: { existingYear: 2027 },
      fieldErrors: {
        "places.7.total": { code: "quotas.validation.total" },
        orderDate: { code: "quotas.validation.orderDate" },
      },
    });
    expect(new AppError("x.y", { field: "a" }).withFields((field) => `b.${field}`).field).toBe("b.a");
  });

  it("answers a missing record and a forbidden operation alike, telling them apart only in the log", () => {
    const missing = notFoundError("family");
    const forbidden = forbiddenError("quota.amend");
    for (const error of [missing, forbidden])
      expect(error).toMatchObject({ code: NOT_FOUND, status: 404, details: undefined });
    expect(missing.message).toMatch(/not found: family/);
    expect(forbidden.message).toMatch(/forbidden: quota\.amend/);
    expect(isNotFound(missing) && isNotFound(forbidden)).toBe(true);
    expect(isNotFound(new AppError("workflow.errors.noQuota"))).toBe(false);
    expect(isNotFound(new Error(NOT_FOUND))).toBe(false);
  });
});
