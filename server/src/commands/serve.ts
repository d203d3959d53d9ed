export const summary = '(serve: not built yet)';

export async function run(_args: string[]): Promise<number> {
  console.error('serve is not built yet');
  return 1;
}
