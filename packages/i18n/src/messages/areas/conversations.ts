import { defineArea } from '../area.ts';

// Messages of the web app's conversations pages; keys start with 'conversations.'.
export const conversationsMessages = defineArea({}, { nl: {}, de: {}, en: {} });
