import * as z from "zod/mini";

/*
 * Field rules the registers' records share. Each message is the rest of a sentence that begins
 * with the column's header ("Owner must be at most 200 characters").
 */

/** A row's id: letters, digits, "-" and "_", up to 40 characters (the kit makes "K-001"). */
export const recordId = z
  .string({ error: "is required" })
  .check(
    z.regex(/^[A-Za-z0-9_-]{1,40}$/, { error: 'may hold only letters, digits, "-" and "_" (up to 40)' }),
  );

/** Text that must be there, up to `max` characters. */
export const requiredText = (max: number) =>
  z
    .string({ error: "is required" })
    .check(
      z.minLength(1, { error: "is required" }),
      z.maxLength(max, { error: `must be at most ${max} characters` }),
    );

/** Text that may be blank, up to `max` characters. */
export const optionalText = (max: number) =>
  z.optional(
    z
      .string({ error: "must be text" })
      .check(z.maxLength(max, { error: `must be at most ${max} characters` })),
  );

const dateRule = "must be a date from 1900-01-01 to 9999-12-31";
/** A date as a spreadsheet serial (1900 system): 1 is 1900-01-01, 2958465 is 9999-12-31. */
export const dateSerial = z
  .number({ error: dateRule })
  .check(z.gte(1, { error: dateRule }), z.lte(2958465, { error: dateRule }));
export const optionalDate = z.optional(dateSerial);
