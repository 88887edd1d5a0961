/**
 * The API of an element, read from the custom-elements manifest that `cem analyze` writes in
 * packages/components: attributes, properties, methods, events (typed by their event class, whose
 * JSDoc says what `detail` holds), slots, parts, custom properties and custom states.
 * Nothing here is written by hand: a change in the elements' JSDoc shows up on the next build.
 */
import manifest from '@seam-codes/components/custom-elements.json';
import type { ReactNode } from 'react';

interface Typed {
  name: string;
  description?: string;
  type?: { text: string };
  default?: string;
}
interface Member extends Typed {
  kind: 'field' | 'method';
  static?: boolean;
  privacy?: string;
  readonly?: boolean;
  attribute?: string;
  inheritedFrom?: { name: string };
  parameters?: Typed[];
  return?: { type?: { text: string } };
}
interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  description?: string;
  summary?: string;
  attributes?: (Typed & { fieldName?: string })[];
  members?: Member[];
  events?: Typed[];
  slots?: Typed[];
  cssParts?: Typed[];
  cssProperties?: Typed[];
  cssStates?: Typed[];
}

const declarations = (manifest as { modules: { declarations?: Declaration[] }[] }).modules.flatMap(
  (module) => module.declarations ?? [],
);

/** Event classes by the event name they dispatch (their static `eventName`). */
const eventClasses = new Map<string, Declaration>();
for (const declaration of declarations) {
  const eventName = declaration.members?.find((m) => m.static && m.name === 'eventName')?.default;
  if (eventName) eventClasses.set(eventName.replace(/^['"]|['"]$/g, ''), declaration);
}

/** Text with `code` spans, as the JSDoc writes them. */
function Prose({ text }: { text?: string }): ReactNode {
  if (!text) return null;
  return text
    .split(/(`[^`]+`)/)
    .map((part, i) =>
      part.startsWith('`') ? <code key={i}>{part.slice(1, -1)}</code> : <span key={i}>{part}</span>,
    );
}

function Table({
  caption,
  head,
  rows,
}: {
  caption: string;
  head: string[];
  rows: ReactNode[][];
}): ReactNode {
  return (
    <>
      <h2>{caption}</h2>
      {rows.length === 0 ? (
        <p>None.</p>
      ) : (
        <table>
          <thead>
            <tr>
              {head.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((cells, r) => (
              <tr key={r}>
                {cells.map((cell, c) => (
                  <td key={c}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

const code = (text?: string) => (text ? <code>{text}</code> : '—');

export function ApiReference({ tag }: { tag: string }): ReactNode {
  const element = declarations.find((declaration) => declaration.tagName === tag);
  if (element === undefined) {
    throw new Error(`The custom-elements manifest has no <${tag}>: run the components' analyze.`);
  }
  const members = (element.members ?? []).filter(
    (member) => !member.static && !member.privacy && !member.name.startsWith('#'),
  );
  const fields = members.filter((member) => member.kind === 'field');
  const methods = members.filter((member) => member.kind === 'method');
  return (
    <div className="seam-api">
      <p>
        <Prose text={element.description} />
      </p>
      <Table
        caption="Attributes"
        head={['Attribute', 'Property', 'Type', 'Default', 'Description']}
        rows={(element.attributes ?? []).map((a) => [
          code(a.name),
          code(a.fieldName),
          code(a.type?.text),
          code(a.default),
          <Prose text={a.description} />,
        ])}
      />
      <Table
        caption="Properties"
        head={['Property', 'Attribute', 'Type', 'Default', 'Description']}
        rows={fields.map((f) => [
          code(f.name),
          code(f.attribute),
          code(f.type?.text),
          code(f.default),
          <>
            <Prose text={f.description} />
            {f.readonly ? ' (read-only)' : ''}
          </>,
        ])}
      />
      <Table
        caption="Methods"
        head={['Method', 'Returns', 'Description']}
        rows={methods.map((m) => [
          code(
            `${m.name}(${(m.parameters ?? []).map((p) => `${p.name}: ${p.type?.text ?? 'unknown'}`).join(', ')})`,
          ),
          code(m.return?.type?.text ?? 'void'),
          <Prose text={m.description} />,
        ])}
      />
      <Table
        caption="Events"
        head={['Event', 'Type', '`detail`', 'Description']}
        rows={(element.events ?? []).map((e) => {
          // The manifest types an event by its class, and the class's `detail` by what it carries.
          const eventClass = eventClasses.get(e.name);
          const detail = eventClass?.members?.find((member) => member.name === 'detail');
          return [
            code(e.name),
            code(e.type?.text ?? eventClass?.name ?? 'Event'),
            code(detail?.type?.text ?? 'unknown'),
            <>
              <Prose text={e.description} />
              {eventClass?.description ? (
                <>
                  {' '}
                  <Prose text={eventClass.description} />
                </>
              ) : null}
            </>,
          ];
        })}
      />
      <Table
        caption="Slots"
        head={['Slot', 'Description']}
        rows={(element.slots ?? []).map((s) => [
          code(s.name || '(default)'),
          <Prose text={s.description} />,
        ])}
      />
      <Table
        caption="CSS parts"
        head={['Part', 'Description']}
        rows={(element.cssParts ?? []).map((p) => [
          code(`::part(${p.name})`),
          <Prose text={p.description} />,
        ])}
      />
      <Table
        caption="CSS custom properties"
        head={['Property', 'Description']}
        rows={(element.cssProperties ?? []).map((p) => [
          code(p.name),
          <Prose text={p.description} />,
        ])}
      />
      <Table
        caption="CSS custom states"
        head={['State', 'Description']}
        rows={(element.cssStates ?? []).map((s) => [
          code(`${tag}:state(${s.name})`),
          <Prose text={s.description} />,
        ])}
      />
    </div>
  );
}
