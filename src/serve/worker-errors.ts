/** Errors across the worker thread: sent as plain records, revived as the same typed errors, so the page explains them once. */
import { VersionConflictError } from "../folder/errors.ts";
import { FolderBusyError } from "../folder/lock.ts";
import { InputError } from "../model/issues.ts";
import { FrozenConflictError, ModelTooLargeError, SolverBugError, TimeLimitError } from "../solve/errors.ts";

export interface ErrorRecord {
  readonly name: string;
  readonly message: string;
  readonly stack?: string | undefined;
  /** The error's own fields (code, kind, file, issues, today, violations, dir, current …): plain data. */
  readonly fields: Record<string, unknown>;
}

const TYPED: Readonly<Record<string, { prototype: Error }>> = { InputError, FrozenConflictError, VersionConflictError, FolderBusyError, TimeLimitError, ModelTooLargeError, SolverBugError };

export function errorRecord(e: unknown): ErrorRecord {
  if (!(e instanceof Error)) return { name: "Error", message: String(e), fields: {} };
  return { name: e.name, message: e.message, stack: e.stack, fields: structuredClone({ ...e }) };
}

export function revive(record: ErrorRecord): Error {
  const prototype = Object.hasOwn(TYPED, record.name) ? TYPED[record.name]!.prototype : Error.prototype;
  const error = Object.assign(Object.create(prototype) as Error, record.fields);
  Object.defineProperties(error, { message: { value: record.message, writable: true, configurable: true }, name: { value: record.name, writable: true, configurable: true }, stack: { value: record.stack, writable: true, configurable: true } });
  return error;
}
