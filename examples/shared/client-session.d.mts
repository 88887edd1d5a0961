export declare const SANDBOX_ENDPOINT: string;
export declare const SANDBOX_API_KEY: string;
export interface SeamConfig {
  readonly endpoint: string;
  readonly apiKey: string;
  readonly connectedAccountIds: readonly string[];
}
export declare function seamConfig(env?: Record<string, string | undefined>): SeamConfig;
export declare function mintClientSessionToken(
  userIdentifierKey: string,
  config?: SeamConfig,
): Promise<string>;
export declare function POST(request: Request, config?: SeamConfig): Promise<Response>;
