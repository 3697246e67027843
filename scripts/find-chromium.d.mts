export function findChromium(env?: Record<string, string | undefined>): string | null;
export function underCi(env?: Record<string, string | undefined>): boolean;
