import { describe, expect, it } from 'vitest';
import { href, matchPath, matchRoute, parseHash, seg } from '../../../renderer/router/hash-router.js';

describe('hash router', () => {
  it('parses paths and queries from the hash', () => {
    expect(parseHash('').path).toBe('/');
    expect(parseHash('#/').path).toBe('/');
    expect(parseHash('#/units/').path).toBe('/units');
    const l = parseHash('#/units?type=thana&status=short');
    expect(l.path).toBe('/units');
    expect(l.query.get('type')).toBe('thana');
    expect(l.query.get('status')).toBe('short');
  });

  it('builds links and leaves out empty query values', () => {
    expect(href('/units', { type: 'op', status: '', q: undefined, n: 2 })).toBe('#/units?type=op&n=2');
    expect(href('/dashboard')).toBe('#/dashboard');
    expect(href('/units', { q: 'कोतवाली & co' })).toBe(
      '#/units?q=%E0%A4%95%E0%A5%8B%E0%A4%A4%E0%A4%B5%E0%A4%BE%E0%A4%B2%E0%A5%80+%26+co',
    );
  });

  it('matches patterns with decoded parameters', () => {
    expect(matchPath('/units/:code', '/units/PAT-T-1')).toEqual({ code: 'PAT-T-1' });
    expect(matchPath('/units/:code', `/units/${seg('A/B C')}`)).toEqual({ code: 'A/B C' });
    expect(matchPath('/units/:code', '/units')).toBeNull();
    expect(matchPath('/units/:code', '/units/%E0%A4')).toBeNull(); // broken encoding is no match, not a crash
    const routes = [{ path: '/units' }, { path: '/units/:code' }];
    expect(matchRoute(routes, '/units/X')?.route.path).toBe('/units/:code');
    expect(matchRoute(routes, '/nowhere')).toBeNull();
  });
});
