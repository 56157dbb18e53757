import { InviteForm } from './InviteForm';
import { OperatorFields } from './OperatorFields';
import { useApp } from './app-context';

export function OperatorsPanel() {
  const { settings } = useApp();
  const model = settings.operators;
  return (
    <section class="settings-panel" aria-labelledby="operators-title">
      <h3 id="operators-title">Operators</h3>
      <p class="muted">
        Capacity: how many conversations an operator holds at once, 1 to 50. Languages: BCP 47 tags such as en, pt-BR; an automatic offer
        goes first to someone who speaks the visitor's language. Skills: short tags such as returns or b2b, for your team's reference
        (routing does not use them). Separate tags with commas. Each operator is saved on its own, at once.
      </p>
      {model.loadError.value ? <p class="error">{model.loadError.value}</p> : null}
      {model.operators.value.map((o) => (
        <OperatorFields key={`${o.operatorId}:${model.revision.value}`} operator={o} />
      ))}
      <InviteForm />
    </section>
  );
}
