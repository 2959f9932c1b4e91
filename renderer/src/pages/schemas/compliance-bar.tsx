import type { SubjectCompliance } from '../../../../shared/governance/overview';

export function ComplianceBar({ compliance }: { compliance: SubjectCompliance }) {
  const percent = Math.round(compliance.compliance * 100);
  const tone = compliance.errors > 0 ? 'bad' : compliance.warnings > 0 ? 'moving' : 'ok';
  return (
    <span className="compliance" data-testid="compliance" title={`${compliance.standard} of ${compliance.fields} fields are standard terms; ${compliance.errors} errors, ${compliance.warnings} warnings; ${compliance.mapped} mapped to ontology concepts`}>
      <span className={`meter tone-${tone}`}><span style={{ width: `${percent}%` }} /></span>
      <span className="small">{compliance.standard}/{compliance.fields}{compliance.errors > 0 ? ` · ${compliance.errors} errors` : ''}</span>
    </span>
  );
}
