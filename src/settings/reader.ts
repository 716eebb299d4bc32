/** Read-only view of bank settings. */
export interface SettingsReader {
  get<T = unknown>(key: string): T;
  /** The bank settings version read (each changeSetting adds one); absent in tests. */
  readonly version?: number;
}
