import { useEffect, useId, useRef, useState } from 'react';
import type { TChannel } from '../../../shared/delivery.ts';
import { deliveryApi } from '../../api-delivery.ts';
import { DeleteButton } from '../../components/delete-button.tsx';
import { CHANNEL_KIND_LABELS, channelDestination } from '../../lib/cadence-labels.ts';
import { ChannelForm } from './channel-form.tsx';

const COLUMNS = 4;

/** One channel; with rights, an Edit button that opens its form (and Delete) in a row below. */
function ChannelRow({
  channel,
  actions,
  onSaved,
  onDeleted,
}: {
  channel: TChannel;
  /** Whether the table has an actions column. */
  actions: boolean;
  onSaved: (channel: TChannel) => void;
  onDeleted: (channel: TChannel) => void;
}) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLTableCellElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open && !wasOpen.current) panel.current?.querySelector<HTMLElement>('input, select')?.focus();
    if (!open && wasOpen.current) button.current?.focus();
    wasOpen.current = open;
  }, [open]);
  const { update, delete: canDelete } = channel.permissions;
  return (
    <>
      <tr>
        <th scope="row">
          {channel.name}
          {/* Narrow screens drop the Kind column and show the kind here (CSS shows one of the two). */}
          <span className="cell-note kind-note">{CHANNEL_KIND_LABELS[channel.kind]}</span>
        </th>
        <td className="kind-col">{CHANNEL_KIND_LABELS[channel.kind]}</td>
        <td className="destination">
          {channelDestination(channel)}
          {channel.webhookHost && channel.slackChannelId ? (
            <span className="cell-note">also channel id {channel.slackChannelId} (unused)</span>
          ) : null}
        </td>
        {actions ? (
          <td className="actions">
            {update || canDelete ? (
              <button
                type="button"
                ref={button}
                className="button small"
                aria-expanded={open}
                aria-controls={open ? panelId : undefined}
                onClick={() => setOpen(!open)}
              >
                {update ? 'Edit' : 'Delete…'}
                <span className="visually-hidden"> {channel.name}</span>
              </button>
            ) : null}
          </td>
        ) : null}
      </tr>
      {open ? (
        <tr className="edit-row">
          <td colSpan={COLUMNS} id={panelId} ref={panel}>
            {update ? (
              <ChannelForm
                channel={channel}
                onCancel={() => setOpen(false)}
                onSaved={(saved) => {
                  setOpen(false);
                  onSaved(saved);
                }}
              />
            ) : null}
            {canDelete ? (
              <div className="danger-zone">
                <p>
                  Deleting {channel.name} also removes its subscriptions; the delivery log keeps what was
                  sent.
                </p>
                <DeleteButton
                  what={channel.name}
                  onDelete={async () => {
                    await deliveryApi.channels.remove(channel.id);
                    onDeleted(channel);
                  }}
                />
              </div>
            ) : null}
          </td>
        </tr>
      ) : null}
    </>
  );
}

/** Slack channels and email lists, in the API's order (by kind, then name). */
export function ChannelRows({
  items,
  onSaved,
  onDeleted,
}: {
  items: readonly TChannel[];
  onSaved: (channel: TChannel) => void;
  onDeleted: (channel: TChannel) => void;
}) {
  const actions = items.some((c) => c.permissions.update || c.permissions.delete);
  return (
    <div className="table-wrap">
      <table className="channels">
        <caption className="visually-hidden">Channels</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col" className="kind-col">
              Kind
            </th>
            <th scope="col">Delivers to</th>
            {actions ? (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <ChannelRow key={c.id} channel={c} actions={actions} onSaved={onSaved} onDeleted={onDeleted} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
