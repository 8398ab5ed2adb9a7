// @immo/i18n: languages, messages, Belgian formatting, validators and rules.
// Pure TypeScript on Intl only: it runs in the server, the web app and mobile.
export * from './locale.ts';
export * from './translate.ts';
export * from './format.ts';
export { catalogues, type Catalogue, type MessageKey } from './messages/index.ts';
export * from './validators/validation.ts';
export * from './validators/postal-code.ts';
export * from './validators/vat-number.ts';
export * from './validators/iban.ts';
export * from './validators/national-number.ts';
export * from './validators/payment-reference.ts';
export * from './validators/phone.ts';
export * from './validators/email.ts';
export * from './belgium/region.ts';
export * from './belgium/epc.ts';
export * from './belgium/money-rules.ts';
