import type { Localized } from '@/utils/audit/result';

/** A string in both languages on one line, Chinese first, as the popup's buttons show them. */
export const both = (text: Localized): string => `${text.zh} / ${text.en}`;
