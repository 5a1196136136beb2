/** The sentence to show for anything thrown: Relink's errors already carry one for the admin. */
export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
