/** What every single control of a form is given: its id, its label, and a hint and error to show. */
export type FieldProps = { id: string; label: string; hint?: string; error?: string };
