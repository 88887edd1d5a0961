import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { defineElement } from '../src/internal/define-element.js';
import { canonicalLang, primaryLanguage, resolveLang } from '../src/internal/locale.js';
import { SeamElement } from '../src/internal/seam-element.js';
import { describeError } from '../src/internal/errors.js';
import { localReason } from '../src/internal/issue-text.js';
import { de } from '../src/internal/strings/de.js';
import {
  en,
  loadGuidance,
  loadStrings,
  readyStrings,
  stringsFor,
  supportedLanguages,
} from '../src/internal/strings/index.js';

/** A minimal element on the shared base, to test what every seam element inherits. */
class ProbeElement extends SeamElement {
  override render() {
    return litHtml`<p part="base">${this.t.loading}</p><span lang=${this.locale}></span>`;
  }
  turn(name: string, on: boolean) {
    this.setState(name, on);
  }
}
defineElement('seam-test-probe', ProbeElement);

/** Maps that override core's English by code: English leaves them empty, by design. */
const OVERRIDES = new Set(['.issues', '.reasons', '.guidance', '.creator.constraints']);

function leafKeys(value: unknown, prefix = ''): string[] {
  if (OVERRIDES.has(prefix)) return [];
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => leafKeys(inner, `${prefix}.${key}`));
}

describe('locale resolution', () => {
  it('reads lang from the element, an ancestor, or across a shadow root', async () => {
    const outer = await fixture(
      html`<div lang="de-AT">
        <section><p></p></section>
      </div>`,
    );
    const p = outer.querySelector('p')!;
    expect(resolveLang(p)).to.equal('de-AT');
    p.setAttribute('lang', 'en-GB');
    expect(resolveLang(p)).to.equal('en-GB');

    const host = document.createElement('div');
    host.setAttribute('lang', 'de');
    const inner = host.attachShadow({ mode: 'open' }).appendChild(document.createElement('span'));
    outer.append(host);
    expect(resolveLang(inner)).to.equal('de');
  });

  it('canonicalises tags and falls back to en on malformed ones', () => {
    expect(canonicalLang('DE-ch')).to.equal('de-CH');
    expect(canonicalLang('not a tag!')).to.equal('en');
    expect(primaryLanguage('de-CH')).to.equal('de');
  });

  it('loads a complete table by primary language, English otherwise', async () => {
    expect(readyStrings('fr-FR')).to.equal(en);
    expect(await loadStrings('fr-FR')).to.equal(en);
    expect(await loadStrings('de-AT')).to.equal(de);
    expect(readyStrings('de-CH')).to.equal(de);
    expect(stringsFor('de-AT')).to.equal(de);
    expect(stringsFor('fr-FR')).to.equal(en);
    expect(supportedLanguages).to.include.members(['en', 'de']);
  });

  it('has the same keys and no empty text in every table', () => {
    const englishKeys = leafKeys(en).sort();
    expect(leafKeys(de).sort()).to.deep.equal(englishKeys);
    for (const table of [en, de]) {
      for (const key of englishKeys) {
        let value: unknown = table;
        for (const part of key.split('.').slice(1))
          value = (value as Record<string, unknown>)[part];
        const text =
          typeof value === 'function' ? (value as (...a: unknown[]) => string)('x', 2, 'y') : value;
        if (key === '.actions.none') continue; // "nothing to press" has no label
        expect(text, key).to.be.a('string').and.not.equal('');
      }
    }
  });
});

describe('defineElement', () => {
  it('ignores a second define of the same class and keeps the first of another', () => {
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      defineElement('seam-test-probe', ProbeElement);
      expect(warnings).to.have.length(0);
      class Other extends SeamElement {}
      defineElement('seam-test-probe', Other);
      expect(customElements.get('seam-test-probe')).to.equal(ProbeElement);
      expect(String((warnings[0] as unknown[])[0])).to.contain('already defined');
    } finally {
      console.warn = original;
    }
  });
});

describe('SeamElement', () => {
  it('renders in the language of its ancestors and follows a change of lang', async () => {
    const wrapper = await fixture(html`<div lang="en"><seam-test-probe></seam-test-probe></div>`);
    const probe = wrapper.querySelector('seam-test-probe') as ProbeElement;
    await probe.updateComplete;
    expect(probe.shadowRoot!.querySelector('p')!.textContent).to.equal(en.loading);
    wrapper.setAttribute('lang', 'de');
    await nextFrame();
    await probe.updateComplete;
    expect(probe.shadowRoot!.querySelector('p')!.textContent).to.equal(de.loading);
    expect(probe.shadowRoot!.querySelector('span')!.getAttribute('lang')).to.equal('de');
  });

  it('switches palettes with the theme attribute', async () => {
    const probe = await fixture<ProbeElement>(
      html`<seam-test-probe theme="light"></seam-test-probe>`,
    );
    const lightColour = getComputedStyle(probe).color;
    probe.theme = 'dark';
    await probe.updateComplete;
    expect(probe.getAttribute('theme')).to.equal('dark');
    expect(getComputedStyle(probe).color).not.to.equal(lightColour);
    probe.style.setProperty('--seam-color-text', 'rgb(1, 2, 3)');
    expect(getComputedStyle(probe).color).to.equal('rgb(1, 2, 3)');
  });

  it('exposes custom states for :state() selectors', async () => {
    const probe = await fixture<ProbeElement>(html`<seam-test-probe></seam-test-probe>`);
    probe.turn('loading', true);
    expect(probe.matches(':state(loading)')).to.equal(true);
    probe.turn('loading', false);
    expect(probe.matches(':state(loading)')).to.equal(false);
  });

  it('is accessible in both themes', async () => {
    for (const theme of ['light', 'dark']) {
      const probe = await fixture(html`<seam-test-probe theme=${theme}></seam-test-probe>`);
      await expect(probe).to.be.accessible();
    }
  });
});

describe('the German table covers every code core knows', () => {
  it('every guidance key, constraint type and action', async () => {
    const { GUIDANCE_TEXTS, KNOWN_CONSTRAINT_TYPES, ACTION_LABELS } =
      await import('@seam-codes/core');
    // Every text core has, including variants guidanceFor picks (no backup code to offer).
    const textKeys = new Set(Object.keys(GUIDANCE_TEXTS));
    expect(textKeys.size).to.be.greaterThan(50);
    const missing = [...textKeys].filter((key) => de.guidance[key] === undefined);
    expect(missing).to.deep.equal([]);
    // No stale translations of texts core no longer has.
    const stale = Object.keys(de.guidance).filter((key) => !textKeys.has(key));
    expect(stale).to.deep.equal([]);
    const constraints = KNOWN_CONSTRAINT_TYPES.filter((type) => !de.creator.constraints[type]);
    expect(constraints).to.deep.equal([]);
    expect(Object.keys(de.actions).sort()).to.deep.equal(Object.keys(ACTION_LABELS).sort());
  });

  it('every finding validateCodeDraft makes on the sandbox locks, and every reason', async () => {
    const { validateCodeDraft, describeCapabilities } = await import('@seam-codes/core');
    const { createSandbox, SANDBOX_DEVICE_ROLES } = await import('@seam-codes/sandbox');
    // The guidance codes come with a language's table (loadStrings); this test holds `de` itself.
    await loadGuidance();
    const sandbox = createSandbox({ speed: 0, start: '2026-01-14T17:00:00Z' });
    const devices = (
      await Promise.all(
        SANDBOX_DEVICE_ROLES.map(async (role) => {
          const response = await sandbox.fetch('https://sandbox.invalid/devices/get', {
            method: 'POST',
            headers: {
              authorization: `Bearer ${sandbox.credentials.apiKey}`,
              'content-type': 'application/json',
            },
            body: JSON.stringify({ device_id: sandbox.catalogue.devices[role] }),
          });
          return response.ok ? ((await response.json()) as { device: never }).device : null;
        }),
      )
    ).filter((device) => device !== null);
    const now = Date.parse('2026-01-14T17:00:00Z');
    const drafts: Record<string, unknown>[] = [
      {
        name: ' ',
        code: '12a',
        starts_at: '2026-01-14T17:05:00Z',
        ends_at: '2026-01-14T17:01:00Z',
      },
      { name: 'x'.repeat(30), code: '1', preferred_code_length: 3 },
      { name: 'A', code: '120000', is_one_time_use: true, max_time_rounding: '1d' },
      { code: '1111', use_backup_access_code_pool: true, prefer_native_scheduling: true },
      { code: '123456', is_offline_access_code: true },
      { starts_at: '2026-01-20T10:00', ends_at: 'not a time' },
      { ends_at: '2026-01-10T10:00:00Z' },
      { starts_at: '2026-01-20T10:00:00Z' },
      { code: '4777', name: 'Front door' },
      { code: '2721' },
      { code: '1829', preferred_code_length: 6 },
      { code: '34567' },
      { code: '11212' },
    ];
    const missing = new Set<string>();
    for (const device of devices) {
      const caps = describeCapabilities(device, {});
      for (const reason of [...caps.reasons.onlineCodes, ...caps.reasons.choosePin]) {
        if (localReason(reason.code, de) === undefined) missing.add(`reason ${reason.code}`);
      }
      for (const draft of drafts) {
        const result = validateCodeDraft(draft, { device, now });
        for (const issue of [...result.errors, ...result.warnings]) {
          const known =
            de.issues[`${issue.field}:${issue.code}`] ??
            de.issues[issue.code] ??
            (issue.field === 'device' ? localReason(issue.code, de) : undefined);
          if (known === undefined) missing.add(`${issue.field}:${issue.code}`);
        }
      }
    }
    sandbox.dispose();
    expect([...missing]).to.deep.equal([]);
  });
});

describe('describeError', () => {
  it('explains Seam error types our requests have guidance for, in each language', async () => {
    const { SeamApiError, GUIDANCE } = await import('@seam-codes/core');
    // The guidance chunk loaded (as an element awaits it before describing an error).
    await loadGuidance();
    const notFound = new SeamApiError({
      type: 'device_not_found',
      status: 404,
      message: 'Device not found',
    });
    expect(describeError(notFound, en).message).to.equal(
      GUIDANCE['request.error.device_not_found']!.explanation,
    );
    expect(describeError(notFound, de).message).to.equal(de.guidance['device_not_found']![1]);
    const duplicate = new SeamApiError({
      type: 'duplicate_access_code',
      status: 409,
      message: 'x',
    });
    expect(describeError(duplicate, de).message).to.equal(de.guidance['duplicate_pin']![1]);
    // A type without guidance keeps Seam's own message.
    const other = new SeamApiError({ type: 'lock_jammed', status: 400, message: 'Lock jammed' });
    expect(describeError(other, en).message).to.equal(en.errors.apiError('Lock jammed'));
  });

  it('says how to let a refused origin in (the sandbox’s readable 403), in each language', async () => {
    const { SeamApiError } = await import('@seam-codes/core');
    const refused = new SeamApiError({
      type: 'origin_not_allowed',
      status: 403,
      message: 'Pages of this origin may not call the sandbox.',
    });
    for (const strings of [en, de]) {
      const described = describeError(refused, strings);
      expect(described.code).to.equal('origin_not_allowed');
      expect(described.message).to.contain(`--allow-origin ${location.origin}`);
      expect(described.message).not.to.equal(strings.errors.network);
    }
  });
});
