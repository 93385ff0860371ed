import type { Channel, ChatClient } from '@chat-backend/sdk';
import { useState } from 'preact/hooks';

type Kind = 'group' | 'direct' | 'contextual_object';

const ids = (text: string) =>
  text
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);

/** Start a group, a direct chat, or a chat about an object of the host application. */
export function NewChannel(props: {
  client: ChatClient;
  onCreated: (channel: Channel) => void;
  onCancel: () => void;
  onError: (error: unknown) => void;
}) {
  const [kind, setKind] = useState<Kind>('group');
  const [name, setName] = useState('');
  const [people, setPeople] = useState('');
  const [app, setApp] = useState('crm');
  const [objectType, setObjectType] = useState('order');
  const [objectId, setObjectId] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    try {
      const participant_ids = ids(people);
      const body =
        kind === 'group'
          ? { channel_type: kind, name, participant_ids }
          : kind === 'direct'
            ? { channel_type: kind, participant_ids }
            : {
                channel_type: kind,
                participant_ids,
                host_application_id: app,
                context_object_type: objectType,
                context_object_id: objectId,
                ...(name ? { name } : {}),
              };
      props.onCreated(await props.client.rest.createChannel(body));
    } catch (e) {
      props.onError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="new-channel" onSubmit={submit} aria-labelledby="new-title">
      <h2 id="new-title">New conversation</h2>
      <fieldset>
        <legend>Kind</legend>
        {(['group', 'direct', 'contextual_object'] as const).map((value) => (
          <label key={value} class="inline">
            <input
              type="radio"
              name="kind"
              value={value}
              checked={kind === value}
              onChange={() => setKind(value)}
            />
            {value === 'contextual_object' ? 'about an object' : value}
          </label>
        ))}
      </fieldset>
      {kind !== 'direct' && (
        <label>
          Name{kind === 'contextual_object' && <span class="hint"> (optional)</span>}
          <input
            name="name"
            value={name}
            required={kind === 'group'}
            maxLength={200}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </label>
      )}
      <label>
        {kind === 'direct' ? 'With (user id)' : 'People (user ids, comma-separated)'}
        <input
          name="participants"
          value={people}
          required={kind === 'direct'}
          onInput={(e) => setPeople(e.currentTarget.value)}
        />
      </label>
      {kind === 'contextual_object' && (
        <>
          <TextField label="Host application" name="host_application_id" value={app} onInput={setApp} />
          <TextField
            label="Object type"
            name="context_object_type"
            value={objectType}
            onInput={setObjectType}
          />
          <TextField label="Object id" name="context_object_id" value={objectId} onInput={setObjectId} />
        </>
      )}
      <div class="actions">
        <button type="submit" disabled={busy}>
          Create
        </button>
        <button type="button" class="link" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** A required text input with its label. */
function TextField(props: { label: string; name: string; value: string; onInput: (value: string) => void }) {
  return (
    <label>
      {props.label}
      <input
        name={props.name}
        value={props.value}
        required
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </label>
  );
}
