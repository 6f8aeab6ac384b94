import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GECKO_ID } from '../../wxt.config';
import { REPO } from './harness';

// The built manifests (npm run build, npm run build:firefox) ask for exactly the permissions the
// README lists, no more: a permission added in wxt.config.ts, or one WXT derives from a script's
// `matches`, fails here until the README (and SECURITY.md) say why.

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[]; all_frames?: boolean; js: string[] }[];
  browser_specific_settings?: { gecko?: { id?: string } };
  [key: string]: unknown;
}

const read = (dir: string): Manifest => {
  const path = join(REPO, '.output', dir, 'manifest.json');
  if (!existsSync(path))
    throw new Error(`No build in .output/${dir}: run npm run build and npm run build:firefox`);
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
};

/** The README's permission list: `- \`name\`…: why` items after the line that starts "Permissions". */
function readmePermissions(): {
  api: string[];
  chromeOnly: string[];
  hosts: string[];
  optionalHosts: string[];
} {
  const lines = readFileSync(join(REPO, 'README.md'), 'utf8').split('\n');
  const start = lines.findIndex((l) => l.startsWith('Permissions'));
  if (start < 0) throw new Error('README.md has no "Permissions" paragraph');
  const items: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('- ')) items.push(line);
    else if (line.startsWith('  ') && items.length) items[items.length - 1] += line;
    else if (items.length) break;
  }
  const out = {
    api: [] as string[],
    /** API permissions marked "(Chrome only)" */
    chromeOnly: [] as string[],
    hosts: [] as string[],
    optionalHosts: [] as string[],
  };
  for (const item of items) {
    // the names come before the colon that starts the reason
    const head = item.slice(2, item.indexOf(': '));
    for (const [, name] of head.matchAll(/`([^`]+)`/g)) {
      if (!name!.includes('://')) {
        out.api.push(name!);
        if (head.includes('(Chrome only)')) out.chromeOnly.push(name!);
      } else if (head.startsWith('optional')) out.optionalHosts.push(name!);
      else out.hosts.push(name!);
    }
  }
  return out;
}

const sorted = (xs: string[] = []) => [...xs].sort();
const readme = readmePermissions();

describe('the README lists the permissions', () => {
  it('as API permissions, required hosts and optional hosts', () => {
    expect(sorted(readme.api)).toEqual([
      'activeTab',
      'offscreen',
      'scripting',
      'storage',
      'unlimitedStorage',
    ]);
    expect(readme.chromeOnly).toEqual(['offscreen']);
    expect(readme.hosts).toEqual(['*://*.gov.cn/*']);
    expect(readme.optionalHosts).toEqual(['*://*/*']);
  });
});

/** Keys that would open Gouji to pages or other extensions, or loosen its page policy. */
const OPENINGS = ['externally_connectable', 'web_accessible_resources', 'content_security_policy', 'sandbox'];

describe.each([
  ['chrome-mv3', 3],
  ['firefox-mv2', 2],
] as const)('the built manifest in .output/%s', (dir, version) => {
  const manifest = read(dir);

  it('asks for exactly what the README lists', () => {
    expect(manifest.manifest_version).toBe(version);
    if (version === 3) {
      expect(sorted(manifest.permissions)).toEqual(sorted(readme.api));
      expect(sorted(manifest.host_permissions)).toEqual(sorted(readme.hosts));
      expect(sorted(manifest.optional_host_permissions)).toEqual(sorted(readme.optionalHosts));
      expect(manifest.optional_permissions).toBeUndefined();
    } else {
      // MV2 has one list for API and host permissions, and optional hosts in optional_permissions
      const api = readme.api.filter((p) => !readme.chromeOnly.includes(p));
      expect(sorted(manifest.permissions)).toEqual(sorted([...api, ...readme.hosts]));
      expect(sorted(manifest.optional_permissions)).toEqual(sorted(readme.optionalHosts));
      expect(manifest.host_permissions).toBeUndefined();
      expect(manifest.optional_host_permissions).toBeUndefined();
    }
  });

  it('runs the detector, in every frame, only where the README says it runs by itself', () => {
    expect(manifest.content_scripts).toEqual([
      expect.objectContaining({
        matches: readme.hosts,
        all_frames: true,
        js: ['content-scripts/detector.js'],
      }),
    ]);
  });

  it('opens nothing to pages or other extensions, and keeps the default page policy', () => {
    for (const key of OPENINGS) expect(manifest, key).not.toHaveProperty(key);
  });

  it(version === 2 ? 'has its stable Firefox ID' : 'has no Firefox settings', () => {
    expect(manifest.browser_specific_settings?.gecko?.id).toBe(version === 2 ? GECKO_ID : undefined);
  });
});
