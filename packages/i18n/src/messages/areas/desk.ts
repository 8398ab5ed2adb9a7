import { defineArea } from '../area.ts';

// Messages of the web app's desk pages; keys start with 'desk.'.
export const deskMessages = defineArea({}, { nl: {}, de: {}, en: {} });
