// The types of the generated HTTP module, checked by tsc --strict next to
// it (copied beside http_status.ts, or beside http_status.mjs under
// --checkJs): each line marked @ts-expect-error must be an error, and
// the others must not. Nothing here runs.
import {
  HttpStatus,
  HttpStatusClass,
  HttpStatusFlag,
  HttpStatusName,
  classOf,
  classTitle,
  codes,
  fromName,
  fromReason,
  hasFlag,
  isClientError,
  isCacheable,
  isKnown,
  name,
  reason,
} from "./http_status";

// The type is the union of the codes, not any number.
export const notFound: HttpStatus = HttpStatus.NOT_FOUND;
export const formerly: HttpStatus = HttpStatus.PAYLOAD_TOO_LARGE;
export const literal: HttpStatus = 418;
// @ts-expect-error 499 is no status
export const unknown: HttpStatus = 499;
// @ts-expect-error the object is frozen and read-only
HttpStatus.NOT_FOUND = 410;
// @ts-expect-error no such status
export const missing = HttpStatus.NOT_A_STATUS;

// A status gives a string; any number may give undefined.
export const phrase: string = reason(HttpStatus.OK);
export const key: HttpStatusName = name(HttpStatus.OK);
export function maybe(n: number): string {
  // @ts-expect-error reason of a number may be undefined
  const s: string = reason(n);
  return s;
}

// isKnown narrows a number to a status.
export function narrowed(n: number): string {
  if (isKnown(n)) {
    const s: HttpStatus = n;
    return reason(s);
  }
  return "";
}

// Lookups give a status or undefined.
export const found: HttpStatus | undefined = fromName("NOT_FOUND");
export const byReason: HttpStatus | undefined = fromReason("not found");
// @ts-expect-error may be undefined
export const unchecked: HttpStatus = fromName("NOT_FOUND");
export const all: readonly HttpStatus[] = codes;

// Class and flag ids are the spec's, as string literal types.
export const cls: HttpStatusClass = "client_error";
// @ts-expect-error no such class
export const noClass: HttpStatusClass = "client_errors";
export const title: string = classTitle("success");
export const ofCode: string | undefined = classTitle(classOf(404));
export const flag: HttpStatusFlag = "cacheable";
export const cacheable: boolean = hasFlag(404, flag) && isCacheable(404);
// @ts-expect-error no such flag
export const noFlag: boolean = hasFlag(404, "cachable");
export const clientError: boolean = isClientError(404);
