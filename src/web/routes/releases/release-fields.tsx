import type { ReactNode } from 'react';
import type { TArea, TPerson } from '../../../shared/org.ts';
import { SelectField, TextField } from '../../components/fields.tsx';
import { areaOptions, engOptions, pmOptions } from './people-options.ts';

export interface ReleaseBasics {
  title: string;
  areaId: string;
  targetDate: string;
  pmOwnerId: string;
  engOwnerId: string;
}

/** Title, area, launch date and owners: the same fields when a release is created and when it is edited. */
export function ReleaseBasicsFields<V extends ReleaseBasics>({
  values: v,
  set,
  onArea,
  areas,
  people,
  children,
}: {
  values: V;
  set: (key: keyof ReleaseBasics) => (value: string) => void;
  /** Picking an area (the new-release form also fills its owners). */
  onArea?: (areaId: string) => void;
  areas: readonly TArea[];
  people: readonly TPerson[];
  /** More fields in the same grid (the edit form's status). */
  children?: ReactNode;
}) {
  return (
    <>
      <TextField path="title" label="Title" value={v.title} onChange={set('title')} required />
      <div className="form-grid">
        <SelectField
          path="areaId"
          label="Area"
          value={v.areaId}
          emptyLabel="No area"
          options={areaOptions(areas)}
          onChange={onArea ?? set('areaId')}
        />
        <TextField
          path="targetDate"
          label="Target launch date"
          type="date"
          value={v.targetDate}
          onChange={set('targetDate')}
          required
        />
        <SelectField
          path="pmOwnerId"
          label="PM owner"
          value={v.pmOwnerId}
          emptyLabel="Nobody yet"
          options={pmOptions(people, v.pmOwnerId)}
          onChange={set('pmOwnerId')}
        />
        <SelectField
          path="engOwnerId"
          label="Eng owner"
          value={v.engOwnerId}
          emptyLabel="Nobody yet"
          options={engOptions(people, v.engOwnerId)}
          onChange={set('engOwnerId')}
        />
        {children}
      </div>
    </>
  );
}
