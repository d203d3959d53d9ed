export const summary = '(ask: not built yet)';

export async function run(_args: string[]): Promise<number> {
  console.error('ask is not built yet');
  return 1;
}
