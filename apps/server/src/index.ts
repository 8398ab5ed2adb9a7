export { startImmo, type Immo, type Role } from './app.ts';
export { buildServer } from './server.ts';
export { composeModules, orderModules } from './compose.ts';
export { createPlatform } from './platform.ts';
