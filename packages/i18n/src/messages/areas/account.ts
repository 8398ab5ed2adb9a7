import { defineArea } from '../area.ts';

// Messages of the web app's account pages; keys start with 'account.'.
export const accountMessages = defineArea({}, { nl: {}, de: {}, en: {} });
