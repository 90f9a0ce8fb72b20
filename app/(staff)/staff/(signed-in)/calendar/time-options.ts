import { formatMinutes } from "./wall-clock";

/** Start times a desk can choose, every quarter hour from 6 a.m. to 8 p.m. */
export const TIME_OPTIONS = Array.from({ length: (20 - 6) * 4 + 1 }, (_, i) => 6 * 60 + i * 15).map((minutes) => ({ minutes, label: formatMinutes(minutes) }));
