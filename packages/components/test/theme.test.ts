/**
 * Theming from outside: the palette and the native controls follow the viewer's colour scheme,
 * a choice made on any ancestor (class or attribute), or the element's own `theme`; and the
 * status shown inside the creator can be styled with `::part` through `exportparts`.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { STATUS_EXPORTPARTS, STATUS_PARTS } from '../src/code-status/code-status.parts.js';
import { defineElement } from '../src/internal/define-element.js';
import { SeamElement } from '../src/internal/seam-element.js';

class ThemeProbe extends SeamElement {
  override render() {
    return litHtml`<input type="date" />`;
  }
}
defineElement('seam-theme-probe', ThemeProbe);

const LIGHT_TEXT = 'rgb(27, 31, 36)';
const DARK_TEXT = 'rgb(230, 237, 243)';

async function probeIn(markup: ReturnType<typeof html>): Promise<ThemeProbe> {
  const wrapper = await fixture(markup);
  const probe = wrapper.querySelector<ThemeProbe>('seam-theme-probe')!;
  await probe.updateComplete;
  return probe;
}

describe('theme', () => {
  let sheet: CSSStyleSheet;
  before(() => {
    sheet = new CSSStyleSheet();
    // What a host page writes once, in its own terms: a class or an attribute on any ancestor.
    sheet.replaceSync(`
      .app-dark { --seam-color-scheme: dark; }
      [data-theme='light'] { --seam-color-scheme: light; }
    `);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  });
  after(() => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  });

  it('follows prefers-color-scheme by default (color-scheme: light dark)', async () => {
    const probe = await probeIn(html`<div><seam-theme-probe></seam-theme-probe></div>`);
    expect(getComputedStyle(probe).colorScheme).to.equal('light dark');
    const dark = matchMedia('(prefers-color-scheme: dark)').matches;
    expect(getComputedStyle(probe).color).to.equal(dark ? DARK_TEXT : LIGHT_TEXT);
  });

  it('takes the scheme an ancestor chooses by class, across shadow roots, native controls too', async () => {
    const probe = await probeIn(
      html`<main class="app-dark">
        <section><seam-theme-probe></seam-theme-probe></section>
      </main>`,
    );
    expect(getComputedStyle(probe).colorScheme).to.equal('dark');
    expect(getComputedStyle(probe).color).to.equal(DARK_TEXT);
    const input = probe.shadowRoot!.querySelector('input')!;
    expect(getComputedStyle(input).colorScheme).to.equal('dark');
  });

  it('takes the scheme an ancestor chooses by attribute, and the nearest choice wins', async () => {
    const probe = await probeIn(
      html`<div class="app-dark">
        <div data-theme="light"><seam-theme-probe></seam-theme-probe></div>
      </div>`,
    );
    expect(getComputedStyle(probe).colorScheme).to.equal('light');
    expect(getComputedStyle(probe).color).to.equal(LIGHT_TEXT);
  });

  it("the element's own theme attribute wins over its ancestors", async () => {
    const probe = await probeIn(
      html`<div class="app-dark"><seam-theme-probe theme="light"></seam-theme-probe></div>`,
    );
    expect(getComputedStyle(probe).colorScheme).to.equal('light');
    expect(getComputedStyle(probe).color).to.equal(LIGHT_TEXT);
    probe.theme = 'dark';
    await probe.updateComplete;
    expect(getComputedStyle(probe).color).to.equal(DARK_TEXT);
  });
});

describe('exportparts of the status inside the creator', () => {
  it('lists every part <seam-code-status> declares, as status-<part>', async () => {
    const response = await fetch('/packages/components/custom-elements.json');
    const manifest = (await response.json()) as {
      modules: { declarations?: { tagName?: string; cssParts?: { name: string }[] }[] }[];
    };
    const status = manifest.modules
      .flatMap((module) => module.declarations ?? [])
      .find((declaration) => declaration.tagName === 'seam-code-status')!;
    expect([...STATUS_PARTS].sort()).to.deep.equal(
      status.cssParts!.map((part) => part.name).sort(),
    );
    expect(STATUS_EXPORTPARTS.split(', ')).to.include('phase: status-phase');
  });
});
