export const summary = '(eval: not built yet)';

export async function run(_args: string[]): Promise<number> {
  console.error('eval is not built yet');
  return 1;
}
