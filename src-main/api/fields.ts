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
