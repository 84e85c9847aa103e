/** The benchmark suites, by name. Each lives in its own file under bench/. */
export interface Suite {
  title: string;
  run(): Promise<void>;
  /** Slow suites run only when named on the command line. */
  onlyWhenAsked?: boolean;
}

export const SUITES: Record<string, Suite> = {};
