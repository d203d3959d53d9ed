/**
 * Where a message to a customer goes: the contact directory (e-mail, phone, WeCom external id) and the
 * customer's owner (a username who gets call tasks). The canonical data has no contact columns yet, so
 * the default directory derives stable demo addresses from the customer id (reserved `.example` domain,
 * 1-3 numbering that reaches no one) and owners from the admin's region → username map.
 */
export interface Contact {
  email: string | null;
  phone: string | null;
  wecom: string | null;
  owner: string | null;
}

export interface ContactDirectory {
  lookup(customers: { customerId: string; region: string | null }[]): Promise<Map<string, Contact>>;
}

/** Region → owner username used when the admin has set none (the demo accounts). */
export const DEFAULT_OWNERS: Record<string, string> = { 华南: 'manager_south', '*': 'viewer' };

/** The demo directory (see the file comment). */
export function demoDirectory(owners: () => Promise<Record<string, string>>): ContactDirectory {
  return {
    async lookup(customers) {
      const map = await owners();
      const out = new Map<string, Contact>();
      for (const { customerId, region } of customers) {
        const digits = customerId.replace(/\D/g, '').padStart(8, '0').slice(-8);
        out.set(customerId, {
          email: `${customerId.toLowerCase()}@customers.example`,
          phone: `+86 100${digits}`,
          wecom: `wm_${customerId}`,
          owner: (region ? map[region] : undefined) ?? map['*'] ?? null,
        });
      }
      return out;
    },
  };
}
