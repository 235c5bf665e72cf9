import { useState } from 'react';
import { slugify } from '../lib/slug.ts';
import { TextField } from './fields.tsx';

/** Name and slug together: a new record's slug follows its name until someone edits the slug. */
export function NameSlugFields(props: {
  name: string;
  slug: string;
  existing: boolean;
  slugHint: string;
  onChange: (next: { name: string; slug: string }) => void;
}) {
  const [slugTouched, setSlugTouched] = useState(props.existing);
  return (
    <>
      <TextField
        path="name"
        label="Name"
        value={props.name}
        required
        onChange={(name) => props.onChange({ name, slug: slugTouched ? props.slug : slugify(name) })}
      />
      <TextField
        path="slug"
        label="Slug"
        value={props.slug}
        required
        hint={props.slugHint}
        onChange={(slug) => {
          setSlugTouched(true);
          props.onChange({ name: props.name, slug });
        }}
      />
    </>
  );
}
