import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { installedPlugins } from '../../plugins/index.js';
import { ConfigError } from '../../src/config/config.js';
import { loadPluginPackages, pluginPackageNames } from '../../src/plugins/packages.js';
import { bridgeModule, runtimeNames } from '../../src/sdk/bridge/bridge-module.js';
import * as sdk from '../../src/sdk/index.js';
import * as testing from '../../src/sdk/testing.js';

const root = join(import.meta.dirname, '..', '..');
const hostPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

describe('plugins published as packages', () => {
  it('gold is a workspace package loaded by name, with no file of it under plugins/', () => {
    expect(hostPackage.finmart.plugins).toContain('@finmart/plugin-gold');
    expect(installedPlugins.map((p) => p.code)).toContain('gold');
    expect(existsSync(join(root, 'plugins', 'gold'))).toBe(false);
    expect(existsSync(join(root, 'packages', 'plugin-gold', 'src', 'index.ts'))).toBe(true);
  });

  it('reads the names from FINMART_PLUGINS, else from package.json finmart.plugins', () => {
    expect(pluginPackageNames({ FINMART_PLUGINS: ' @insurer/finmart-plugin-x , @finmart/plugin-gold ' }, hostPackage)).toEqual([
      '@insurer/finmart-plugin-x',
      '@finmart/plugin-gold',
    ]);
    expect(pluginPackageNames({ FINMART_PLUGINS: '' }, hostPackage)).toEqual([]);
    expect(pluginPackageNames({}, hostPackage)).toEqual(['@finmart/plugin-gold']);
    expect(pluginPackageNames({}, {})).toEqual([]);
  });

  describe('refuses, naming the package', () => {
    const dir = mkdtempSync(join(tmpdir(), 'finmart-packages-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const from = pathToFileURL(join(dir, 'host.js')).href;

    it('one that is not installed', async () => {
      const err = await loadPluginPackages(['@insurer/finmart-plugin-x'], { resolveFrom: from }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).problems[0]).toMatch(/package @insurer\/finmart-plugin-x is not installed/);
    });

    it('one whose default export is not a plugin manifest', async () => {
      const pkg = join(dir, 'node_modules', 'not-a-plugin');
      mkdirSync(pkg, { recursive: true });
      writeFileSync(
        join(pkg, 'package.json'),
        JSON.stringify({ name: 'not-a-plugin', type: 'module', exports: { '.': './index.js', './package.json': './package.json' } }),
      );
      writeFileSync(join(pkg, 'index.js'), 'export default { code: "x" };\n');
      const err = await loadPluginPackages(['not-a-plugin'], { resolveFrom: from }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).problems[0]).toMatch(/not-a-plugin does not export a plugin manifest/);
    });
  });
});

describe('@finmart/sdk', () => {
  it('its run-time modules export exactly what the host SDK provides (npm run sdk:bridge)', () => {
    expect(readFileSync(join(root, 'packages/sdk/index.js'), 'utf8')).toBe(bridgeModule({ names: runtimeNames(sdk), from: 'api' }));
    expect(readFileSync(join(root, 'packages/sdk/testing.js'), 'utf8')).toBe(bridgeModule({ names: runtimeNames(testing), from: 'testing' }));
  });

  it('a plugin package gets the host’s own instances through it', async () => {
    const viaPackage = await import('@finmart/sdk');
    expect(viaPackage.Product).toBe(sdk.Product);
    expect(viaPackage.FinmartError).toBe(sdk.FinmartError);
  });

  it('outside a host it fails with a message saying how a plugin package is run', () => {
    let message = '';
    try {
      execFileSync(process.execPath, ['--input-type=module', '-e', "await import('@finmart/sdk')"], { cwd: root, stdio: 'pipe' });
    } catch (e) {
      message = String((e as { stderr: Buffer }).stderr);
    }
    expect(message).toContain('no finmart host provided the SDK');
    expect(message).toContain('FINMART_PLUGINS');
  });
});
