/**
 * The part of jStat (https://github.com/jstat/jstat, no bundled types) this project uses:
 * Student's t distribution. `inv(p, dof)` is the p-quantile with `dof` degrees of freedom.
 */
declare module 'jstat' {
  interface StudentT {
    inv(p: number, dof: number): number;
  }

  interface JStat {
    readonly studentt: StudentT;
  }

  const jStat: JStat;
  export default jStat;
}
