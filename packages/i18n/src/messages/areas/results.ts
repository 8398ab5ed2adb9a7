import { defineArea } from '../area.ts';

// Messages of the web app's results pages; keys start with 'results.'.
export const resultsMessages = defineArea({}, { nl: {}, de: {}, en: {} });
