// Owns how a statement's message parts read the filtered-message row `b`: inline per part, or one MATERIALIZED
// CTE they share (the plan's `base: 'shared'`, chosen when the base joins conversation lengths and several
// parts read it), so that join runs once.
import type { BaseColumn } from './registry/types.ts';

const TOKEN = (i: number) => `\u0000base${i}\u0000`;

export class MessageBaseSource {
  private readonly uses: { own: BaseColumn[]; without: BaseColumn[] }[] = [];

  constructor(
    private readonly common: Set<BaseColumn>,
    private readonly build: (columns: Set<BaseColumn>) => string,
    private readonly shared: boolean,
  ) {}

  /**
   * The FROM item of one part, reading `own` columns besides the common ones and leaving out `without` (common
   * columns the part looks up after grouping); resolved by `finish`.
   */
  readonly from = (own: BaseColumn[], without: BaseColumn[] = []): string => {
    this.uses.push({ own, without });
    return TOKEN(this.uses.length - 1);
  };

  /**
   * Resolves the parts' FROM items in the finished statement. Shared, the CTE carries every part's columns;
   * inline, each part's scan carries its own, which lets each engine push them into the scan.
   */
  finish(sql: string): string {
    if (this.shared) {
      const all = new Set<BaseColumn>([...this.common, ...this.uses.flatMap((u) => u.own)]);
      const cte = `WITH mb AS MATERIALIZED (${this.build(all)}) `;
      return cte + this.uses.reduce((s, _, i) => s.replace(TOKEN(i), 'mb b'), sql);
    }
    return this.uses.reduce((s, { own, without }, i) => {
      const columns = new Set([...this.common, ...own].filter((c) => !without.includes(c)));
      return s.replace(TOKEN(i), () => `(${this.build(columns)}) b`);
    }, sql);
  }
}
