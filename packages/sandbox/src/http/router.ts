/**
 * Route declarations: path, accepted HTTP methods (Seam's, from `route-types.ts`), who may call
 * it, its parameters and the handler. The fetch handler dispatches on these.
 */
import type { SandboxControl } from '../control.js';
import type { ReadFaults } from '../read-faults.js';
import type { World } from '../world.js';
import type { AuthKind, Principal } from './auth.js';
import type { ParamSpec, Params } from './params.js';

/** HTTP methods Seam routes use. */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Everything a handler may need besides its parameters. */
export interface Services {
  readonly world: World;
  /** Rate limits per device and operation, per minute (spec §B16); null disables them. */
  readonly rateLimits: RateLimits | null;
  /** Rebuilds the seeded world, keeping the clock (control route `/_sandbox/reset`). */
  reset(seed?: number): void;
  /** The in-process control API, which the `/_sandbox/*` routes expose over HTTP. */
  readonly control: SandboxControl;
  /** Whether `/_sandbox/*` and Seam's simulate routes are served. */
  readonly controlEnabled: boolean;
  /** The bearer token `/_sandbox/*` routes require. */
  readonly controlToken: string;
  /** 429s and 503s the control API asked reads to answer with. */
  readonly readFaults: ReadFaults;
}

/** Calls per device per minute for rate-limited operations. */
export interface RateLimits {
  create: number;
  update: number;
  delete: number;
}

/** What a handler receives. */
export interface RouteContext<P> {
  readonly world: World;
  readonly services: Services;
  /** The caller (`sandbox` on public and control routes). */
  readonly principal: Principal;
  readonly params: P;
  /** The request URL (for `next_page_url`). */
  readonly url: URL;
}

/** Who may call a route. */
export type RouteAuth = readonly AuthKind[] | 'control' | 'none';

/** A route definition. */
export interface Route<S extends ParamSpec = ParamSpec> {
  readonly path: string;
  readonly methods: readonly Method[];
  readonly auth: RouteAuth;
  readonly params: S;
  /**
   * `simulate` routes (Seam's sandbox-only `/…/simulate/*`) and `control` routes exist only when
   * the sandbox runs with control enabled.
   */
  readonly gate?: 'simulate';
  readonly handle: (context: RouteContext<Params<S>>) => Record<string, unknown>;
}

/** Declares a route with its parameter types inferred from the spec. */
export function route<const S extends ParamSpec>(definition: Route<S>): Route {
  return definition as unknown as Route;
}
