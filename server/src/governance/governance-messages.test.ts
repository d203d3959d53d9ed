import { describe, expect, it } from 'vitest';
import { governanceMessage, isGovernanceCode, word } from './governance-messages.ts';

describe('governance messages from the catalogs', () => {
  it('fills status, action and role words in the user language', () => {
    expect(governanceMessage('forbidden', 'zh', { roles: 'analyst,admin' })).toBe(
      '此操作需要分析师或管理员角色',
    );
    expect(governanceMessage('forbidden', 'en', { roles: 'analyst,admin' })).toBe(
      'This requires the analyst or admin role',
    );
    expect(
      governanceMessage('invalid_transition', 'zh', { versionNo: 3, status: 'draft', action: 'publish' }),
    ).toBe('版本 3 当前为草稿，无法发布');
    expect(governanceMessage('no_change', 'en', {})).toBe(
      'Version {versionNo} has the same content as the published version',
    );
  });

  it('knows its codes and passes unknown words through', () => {
    expect(isGovernanceCode('self_review')).toBe(true);
    expect(isGovernanceCode('toString')).toBe(false);
    expect(word('someone', 'zh')).toBe('someone');
  });
});
