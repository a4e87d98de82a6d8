import type { ChalkInstance } from 'chalk';
import type { GateResult } from '../roadmap/gates.js';
import { printable } from './printable.js';

/** Each gate with every requirement, met or not, and where to record what is missing. */
export function renderGates(gates: readonly GateResult[], color: ChalkInstance, onlyUnmet = false): string {
  const lines: string[] = [];
  for (const gate of gates) {
    const met = gate.requirements.filter((r) => r.met).length;
    lines.push(`Gate of "${gate.stage}": ${met} of ${gate.requirements.length} requirements met`);
    for (const r of gate.requirements) {
      if (onlyUnmet && r.met) continue;
      const mark = r.met ? color.green('✔') : color.red('✘');
      const where = r.met ? '' : color.dim(`  → ${r.field === 'sessions/' ? 'mentor session add' : r.field}`);
      lines.push(`  ${mark} ${r.label}${r.detail && !r.met ? ` (${printable(r.detail)})` : ''}${where}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
