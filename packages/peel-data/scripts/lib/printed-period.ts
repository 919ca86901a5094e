/**
 * Typing the periods the Durham report prints. Only unambiguous wordings are typed; anything else
 * stays as text with a Missing `typed` value, so nothing is guessed.
 */
import { missing, type Missing } from '../../src/types/missing.ts';
import type { ChangePeriod, Period } from '../../src/types/period.ts';
import { MONTHS } from '../../src/types/period.ts';

const DATE = '(\\d{1,2}) (' + MONTHS.join('|') + ') (\\d{4})';

function iso(day: string, month: string, year: string): string {
  return `${year}-${String(MONTHS.indexOf(month) + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

function lastDay(year: number, monthIndex: number): string {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).toISOString().slice(0, 10);
}

/**
 * @example typePrintedPeriod('12 months to 30 June 2016') // { type: 'rolling-12m', end: '2016-06-30' }
 * @example typePrintedPeriod('not stated') // { missing: 'x', reason: … }
 */
export function typePrintedPeriod(text: string): Period | ChangePeriod | Missing {
  const rolling = new RegExp(`^(?:the )?12 months to ${DATE}$`);
  let match = rolling.exec(text);
  if (match) return { type: 'rolling-12m', end: iso(match[1]!, match[2]!, match[3]!) };
  match = new RegExp(`^as at ${DATE}$`).exec(text);
  if (match) return { type: 'snapshot', date: iso(match[1]!, match[2]!, match[3]!) };
  match = new RegExp(`^12 months to ${DATE} compared with (?:the )?12 months to ${DATE}(?: \\(as printed\\))?$`).exec(
    text,
  );
  if (match) {
    return {
      type: 'change',
      from: { type: 'rolling-12m', end: iso(match[4]!, match[5]!, match[6]!) },
      to: { type: 'rolling-12m', end: iso(match[1]!, match[2]!, match[3]!) },
    };
  }
  match = new RegExp(`^crimes recorded between ${DATE} and ${DATE}$`).exec(text);
  if (match)
    return { type: 'range', start: iso(match[1]!, match[2]!, match[3]!), end: iso(match[4]!, match[5]!, match[6]!) };
  match = new RegExp(`^(?:survey fieldwork )?(${MONTHS.join('|')}) to (${MONTHS.join('|')}) (\\d{4})$`).exec(text);
  if (match) {
    const year = Number(match[3]);
    return {
      type: 'range',
      start: `${year}-${String(MONTHS.indexOf(match[1]!) + 1).padStart(2, '0')}-01`,
      end: lastDay(year, MONTHS.indexOf(match[2]!)),
    };
  }
  return missing('x', `the report's period wording cannot be typed without guessing: ${JSON.stringify(text)}`);
}
