// What the built manifests ask for: the named sites only, no <all_urls>, nothing web-accessible
// to every site, optional access for the rest; the same for Firefox.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { packageDir } from './helpers.mjs';

const broad = /^(<all_urls>|\*:\/\/\*\/\*|https?:\/\/\*\/\*)$/;

for (const target of ['chrome-mv3', 'firefox-mv3']) {
  test(
    `manifest (${target}): narrow permissions`,
    { skip: !existsSync(join(packageDir, '.output', target, 'manifest.json')) },
    () => {
      const manifest = JSON.parse(
        readFileSync(join(packageDir, '.output', target, 'manifest.json'), 'utf8'),
      );
      assert.equal(manifest.manifest_version, 3);
      const patterns = [
        ...(manifest.host_permissions ?? []),
        ...(manifest.content_scripts ?? []).flatMap((c) => c.matches),
        ...(manifest.web_accessible_resources ?? []).flatMap((w) => w.matches ?? []),
      ];
      assert.ok(patterns.length > 0);
      for (const pattern of patterns)
        assert.doesNotMatch(pattern, broad, `${pattern} is too broad`);
      assert.deepEqual(manifest.host_permissions, ['https://connect.getseam.com/*']);
      assert.deepEqual([...manifest.permissions].sort(), [
        'activeTab',
        'alarms',
        'scripting',
        'storage',
      ]);
      for (const resource of manifest.web_accessible_resources) {
        assert.deepEqual([...resource.resources].sort(), ['panel.html', 'reader.js']);
        for (const m of resource.matches)
          assert.match(m, /^https?:\/\/[^/*]*[^/]*\/\*$/, `${m}: origins only`);
      }
      const sites = manifest.content_scripts.flatMap((c) => c.matches).sort();
      assert.deepEqual(sites, [
        'https://*.cloudbeds.com/connect/*',
        'https://admin.booking.com/hotel/hoteladmin/*',
        'https://app.guesty.com/*',
        'https://dashboard.hostaway.com/*',
        'https://www.airbnb.co.uk/hosting/*',
        'https://www.airbnb.com/hosting/*',
        'https://www.airbnb.de/hosting/*',
        'https://www.airbnb.fr/hosting/*',
      ]);
      assert.ok(manifest.optional_host_permissions.includes('http://127.0.0.1/*'));
    },
  );
}
