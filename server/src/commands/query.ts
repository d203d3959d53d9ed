export const summary = '(query: not built yet)';

export async function run(_args: string[]): Promise<number> {
  console.error('query is not built yet');
  return 1;
}
