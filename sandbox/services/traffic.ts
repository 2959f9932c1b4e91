// Demo traffic: payments arrive continuously from a handful of merchants; some are split across
// several payment methods, and now and then an approval is (partly) cancelled.
import type { LedgerStore } from './ledger-store';

const merchants = ['merchant-acme-books', 'merchant-blue-cafe', 'merchant-citymart', 'merchant-delta-air', 'merchant-echo-games', 'merchant-fjord-travel'];
const methods = ['card', 'wallet', 'bank-transfer', 'voucher'];

export function startTraffic(ledger: LedgerStore, perSecond: number, log: (line: string) => void): { stop(): void } {
  let stopped = false;
  let made = 0;
  const recentApprovals: string[] = [];
  const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)]!;
  async function once() {
    const parts = Math.random() < 0.25 ? 2 + Math.floor(Math.random() * 2) : 1;
    const approvals = Array.from({ length: parts }, () => ({ method: pick(methods), amountMinor: 100 + Math.floor(Math.random() * 50_000) }));
    const { paymentId } = await ledger.createPayment({ merchantId: pick(merchants), currency: 'EUR', approvals }, `demo-${process.pid}-${Date.now()}-${made++}`);
    if (Math.random() < 0.1 && recentApprovals.length > 0) {
      const approvalId = recentApprovals.splice(Math.floor(Math.random() * recentApprovals.length), 1)[0]!;
      await ledger.cancelApproval(approvalId, 100, pick(['customer request', 'duplicate charge', 'fraud suspected']), `demo-cancel-${approvalId}`);
    }
    const lifecycle = await ledger.paymentLifecycle(paymentId);
    recentApprovals.push(...(lifecycle?.approvals.map((a) => a.approval_id!) ?? []));
    if (recentApprovals.length > 200) recentApprovals.splice(0, recentApprovals.length - 200);
  }
  const loop = async () => {
    while (!stopped) {
      const started = Date.now();
      await once().catch((error: unknown) => log(`demo traffic: ${String(error)}`));
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1000 / perSecond - (Date.now() - started))));
    }
  };
  void loop();
  return { stop: () => { stopped = true; } };
}
