import type { FieldSpec } from '../../../shared/plan';
import { ChoiceField } from './choice-field';
import { DateField } from './date-field';
import { FlagField } from './flag-field';
import { ItemList } from './item-list';
import { ItemRefField } from './item-ref-field';
import { LinkChecklist } from './link-checklist';
import { NumberField } from './number-field';
import { PersonPicker } from './person-picker';
import type { PlanFieldProps } from './plan-field-props';
import { PlanTextField } from './plan-text-field';
import { deeper } from './heading';

/** Picks the control for a field from its kind in the plan schema. */
export function PlanField(props: PlanFieldProps) {
  const spec: FieldSpec = props.spec;
  switch (spec.kind) {
    case 'text':
      return <PlanTextField {...props} spec={spec} />;
    case 'date':
      return <DateField {...props} spec={spec} />;
    case 'choice':
      return <ChoiceField {...props} spec={spec} />;
    case 'integer':
      return <NumberField {...props} spec={spec} />;
    case 'flag':
      return <FlagField {...props} spec={spec} />;
    case 'personRef':
      return <PersonPicker {...props} spec={spec} />;
    case 'itemRef':
      return <ItemRefField {...props} spec={spec} />;
    case 'idSet':
      return <LinkChecklist {...props} spec={spec} />;
    case 'collection': {
      const items = props.owner[props.fieldKey];
      return (
        <ItemList
          collectionPath={[...props.ownerPath, props.fieldKey]}
          collectionPattern={`${props.ownerPattern}.${props.fieldKey}`}
          spec={spec}
          items={Array.isArray(items) ? items : []}
          level={deeper(props.level)}
        />
      );
    }
  }
}
