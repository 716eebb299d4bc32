import type { PluginManifest } from '../sdk/manifest.js';
import type { ReasonDefinition, SuitabilityRule } from '../sdk/contract/suitability.js';
import type { RemoteLineConfig } from './config.js';
import { CONTRACT_QUERY, readContract, type RemoteContract } from './contract.js';
import { postGraphQL, type CallHeaders } from './http.js';
import { remoteLineManifest } from './manifest.js';
import { remoteProductType } from './product-type.js';
import { remoteLineRule } from './rule.js';

/**
 * A product line a partner runs as its own subgraph, as the host holds it: the `Product` type it registers for
 * the line (`@key(fields: "code")`), the manifest the rest of the host sees (no tables, no seed; order details
 * passed through to the partner), the `core.remote-line` rule that carries the partner's verdicts, and the
 * partner's suitability contract, read once and kept.
 */
export class RemoteLine {
  readonly code: string;
  readonly line: string;
  readonly typeName: string;
  readonly url: string;
  readonly timeoutMs: number;
  readonly productType: Function;
  readonly manifest: PluginManifest;
  readonly rule: SuitabilityRule;
  #contract: RemoteContract | undefined;
  #stale = false;
  #pending: Promise<RemoteContract> | undefined;

  constructor(config: RemoteLineConfig, timeoutMs: number) {
    this.code = config.code;
    this.line = config.line;
    this.typeName = config.typeName;
    this.url = config.url;
    this.timeoutMs = timeoutMs;
    this.productType = remoteProductType(config);
    this.manifest = remoteLineManifest(config, this.productType);
    this.rule = remoteLineRule(this);
  }

  /** The partner's contract: read on first use (one call, shared by concurrent callers), then kept; a failed read is retried next time. */
  contract(headers: CallHeaders): Promise<RemoteContract> {
    if (this.#contract && !this.#stale) return Promise.resolve(this.#contract);
    this.#pending ??= postGraphQL(this.url, CONTRACT_QUERY, {}, this.timeoutMs, headers)
      .then((data) => {
        this.#contract = readContract(data, this.line);
        this.#stale = false;
        return this.#contract;
      })
      .finally(() => (this.#pending = undefined));
    return this.#pending;
  }

  /** Marks the kept contract stale: the next batch reads it again first (a verdict cited a code it does not list). */
  forgetContract(): void {
    this.#stale = true;
  }

  /** The reason definitions of the contract in hand (none before it is read: any hit is then an unknown code). */
  reasons(): Readonly<Record<string, ReasonDefinition>> {
    return this.#contract?.reasons ?? {};
  }
}

/** The remote lines of a configuration. */
export const createRemoteLines = (configs: readonly RemoteLineConfig[], timeoutMs: number): RemoteLine[] => configs.map((c) => new RemoteLine(c, timeoutMs));
