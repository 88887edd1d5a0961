/**
 * `live()` makes a story that runs the real elements in a world (see world.ts) built from the
 * toolbar: one shared client and verifier through `provideSeamContext`, the sandbox bar above
 * (clock, steps, backend), the toolbar's language and theme on the story's root.
 */
import '@seam-codes/components/define.js';
import { provideSeamContext } from '@seam-codes/components';
import type { SandboxDeviceRole } from '@seam-codes/sandbox';
import type { StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html, render, type TemplateResult } from 'lit';
import { renderBar } from './bar.js';
import { MissingTokenError, createWorld, type World, type WorldGlobals } from './world.js';

export interface LiveOptions<T> {
  /** The story's lock (the toolbar can pick another). */
  role?: SandboxDeviceRole;
  /** Virtual start time of the in-page sandbox. */
  start?: string;
  /** Prepares the world before the elements appear: creates codes, injects faults. */
  setup?: (world: World) => Promise<T>;
  /** The story's content. */
  render: (world: World, prepared: T) => TemplateResult;
  /** Runs once the content is in the page: e.g. moves the clock on. */
  after?: (world: World, root: HTMLElement, prepared: T) => Promise<void>;
  /**
   * The story prepares its state by creating codes or injecting faults: it runs on a sandbox only,
   * never on a real lock through real Seam.
   */
  sandboxOnly?: boolean;
  /** Extra buttons for the bar (e.g. "the guest types the PIN"). */
  actions?: (world: World, prepared: T) => { label: string; run: () => Promise<void> }[];
}

interface Globals extends WorldGlobals {
  locale?: string;
  theme?: string;
}

let current: World | null = null;
let generation = 0;

/** The theme picked in the toolbar, applied to every seam element inside `root`. */
function applyTheme(root: HTMLElement, theme: string): void {
  const set = () => {
    for (const element of root.querySelectorAll('seam-code-creator, seam-code-status')) {
      if (element.getAttribute('theme') !== theme) element.setAttribute('theme', theme);
    }
  };
  set();
  new MutationObserver(set).observe(root, { childList: true, subtree: true });
}

async function mount<T>(
  root: HTMLElement,
  globals: Globals,
  options: LiveOptions<T>,
  mine: number,
): Promise<void> {
  const bar = root.querySelector<HTMLElement>('.seam-bar')!;
  const content = root.querySelector<HTMLElement>('.seam-content')!;
  await current?.dispose();
  current = null;
  let world: World;
  try {
    world = await createWorld(globals, { role: options.role, start: options.start });
  } catch (error) {
    if (error instanceof MissingTokenError) {
      renderBar(bar, null, [], () => void mount(root, globals, options, mine));
      root.dataset.ready = 'needs-token';
      return;
    }
    throw error;
  }
  if (mine !== generation) {
    await world.dispose();
    return;
  }
  current = world;
  if (options.sandboxOnly && world.backend === 'seam') {
    renderBar(bar, world, [], () => mount(root, globals, options, ++generation));
    render(
      html`<p class="seam-note" role="status">
        This story prepares its state by creating codes and injecting faults, so it runs on the
        sandbox only: it would put codes on your real lock. Pick the in-page sandbox or the local
        sandbox server in the toolbar's Backend menu; the creator stories and the playground run on
        real Seam.
      </p>`,
      content,
    );
    root.dataset.ready = 'true';
    return;
  }
  provideSeamContext(content, { client: world.client, verifier: world.verifier, now: world.now });
  const prepared = options.setup ? await options.setup(world) : (undefined as T);
  render(options.render(world, prepared), content);
  renderBar(bar, world, options.actions?.(world, prepared) ?? [], () =>
    mount(root, globals, options, ++generation),
  );
  await options.after?.(world, content, prepared);
  renderBar(bar, world, options.actions?.(world, prepared) ?? [], () =>
    mount(root, globals, options, ++generation),
  );
  root.dataset.ready = 'true';
}

/** A story running the real elements against the toolbar's backend. */
export function live<T = undefined>(options: LiveOptions<T>): StoryObj {
  return {
    render: (_args: unknown, context: StoryContext) => {
      const globals = context.globals as Globals;
      const theme = globals.theme ?? 'light';
      const root = document.createElement('div');
      root.className = `seam-story seam-story-${theme}`;
      root.lang = globals.locale ?? 'en';
      root.dataset.storyId = context.id;
      root.innerHTML = '<div class="seam-bar"></div><div class="seam-content"></div>';
      applyTheme(root, theme);
      const mine = ++generation;
      mount(root, globals, options, mine).catch((error: unknown) => {
        root.dataset.ready = 'error';
        render(
          html`<p role="alert" class="seam-story-error">
            This story could not start: ${error instanceof Error ? error.message : String(error)}
          </p>`,
          root.querySelector<HTMLElement>('.seam-content')!,
        );
        console.error(error);
      });
      return root;
    },
  };
}
