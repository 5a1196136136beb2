import type { ScanResult } from '../../domain/records';

/** A scan as pages see it: without the bookkeeping the next check for changes reads (thousands of entries at 50k users). */
export type ScanView = Omit<ScanResult, 'inactiveGroupCounts' | 'states'>;

export function scanView(scan: ScanResult): ScanView;
export function scanView(scan: ScanResult | null): ScanView | null;
export function scanView(scan: ScanResult | null): ScanView | null {
  if (!scan) return null;
  const view: Partial<ScanResult> = { ...scan };
  delete view.inactiveGroupCounts;
  delete view.states;
  return view as ScanView;
}
