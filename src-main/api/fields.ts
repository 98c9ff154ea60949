// Input field schemas shared by the API methods, with the limits every string must have.
import { z } from 'zod';

export const uuid = z.uuid({ message: 'not a valid id' });

export function text(max: number) {
  return z.string().max(max, { message: `at most ${max} characters` });
}

export function requiredText(max: number) {
  return z.string().trim().min(1, { message: 'required' }).max(max, { message: `at most ${max} characters` });
}

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'use the date form YYYY-MM-DD' })
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, { message: 'not a real date', params: { key: 'notADate' } });

/** The earliest year a date in an assessment can plausibly have, and how many years ahead one can lie. */
export const earliestPlausibleYear = 2000;
export const maxYearsAhead = 10;

/** A date a consultant could mean: a real date from 2000 up to ten years from now, so a mistyped year is caught. */
export const plausibleDate = isoDate.superRefine((value, ctx) => {
  const year = Number(value.slice(0, 4));
  const latest = new Date().getFullYear() + maxYearsAhead;
  if (year < earliestPlausibleYear) {
    ctx.addIssue({ code: 'custom', message: `before ${earliestPlausibleYear}: check the year`, params: { key: 'dateTooEarly' } });
  } else if (year > latest) {
    ctx.addIssue({ code: 'custom', message: `more than ${maxYearsAhead} years ahead (after ${latest}): check the year`, params: { key: 'dateTooLate' } });
  }
});
