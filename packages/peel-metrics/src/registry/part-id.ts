/** The part ids as named constants (see metric-id.ts). */
export const right_to_ask_count = 'right_to_ask_count';
export const right_to_ask_rate = 'right_to_ask_rate';
export const right_to_know_count = 'right_to_know_count';
export const right_to_know_rate = 'right_to_know_rate';
