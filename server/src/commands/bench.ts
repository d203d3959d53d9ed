export const summary = '(bench: not built yet)';

export async function run(_args: string[]): Promise<number> {
  console.error('bench is not built yet');
  return 1;
}
