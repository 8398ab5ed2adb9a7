import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('config', () => {
  it('chooses the embedded defaults when nothing is set', () => {
    const cfg = loadConfig({});
    expect(cfg.PORT).toBe(3000);
    expect(cfg.HOST).toBe('0.0.0.0');
    expect(cfg.DATABASE_URL).toBeUndefined();
    expect(cfg.EVENT_BUS).toBe('local');
  });

  it('names the variable and what is expected when a value is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrowError(/^PORT: .*number.*\(got "eighty"\)/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrowError(/DATABASE_URL: must start with postgres/);
    expect(() => loadConfig({ PORT: '70000' })).toThrowError(ConfigError);
  });

  it('refuses a Redis event bus without Redis', () => {
    expect(() => loadConfig({ EVENT_BUS: 'redis' })).toThrowError(/EVENT_BUS: .*REDIS_URL/);
  });

  it('requires FILES_SIGNING_SECRET in production only, and keeps one random secret per process otherwise', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrowError(/^FILES_SIGNING_SECRET: required in production[^\n]*$/);
    expect(loadConfig({ NODE_ENV: 'production', FILES_SIGNING_SECRET: 'x'.repeat(32) }).FILES_SIGNING_SECRET).toBe('x'.repeat(32));
    expect(() => loadConfig({ FILES_SIGNING_SECRET: 'short' })).toThrowError(/^FILES_SIGNING_SECRET: must be at least 32 characters/);
    expect(() => loadConfig({ FILES_SIGNING_SECRET: 'short' })).not.toThrowError(/short/); // a secret is never echoed
    const dev = loadConfig({}).FILES_SIGNING_SECRET;
    expect(dev.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({ NODE_ENV: 'test' }).FILES_SIGNING_SECRET).toBe(dev);
  });

  it('parses lists', () => {
    const cfg = loadConfig({ MODULES: 'media, valuation', CORS_ORIGINS: 'https://immo.be,https://www.immo.be' });
    expect(cfg.MODULES).toEqual(['media', 'valuation']);
    expect(cfg.CORS_ORIGINS).toEqual(['https://immo.be', 'https://www.immo.be']);
  });
});
