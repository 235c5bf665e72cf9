import type { TDeliveryConfiguration } from '../../../shared/delivery.ts';
import { deliveryApi } from '../../api-delivery.ts';
import { useMe } from '../../lib/session.tsx';
import { useLoad } from '../../lib/use-load.ts';

const NAMES = { email: 'Email (SMTP)', slack: 'The Slack bot' } as const;

/** What is missing, in words: "Email (SMTP) is not set up. Set SMTP_URL and SMTP_FROM …". */
export function missingChannels(config: TDeliveryConfiguration) {
  return (['email', 'slack'] as const)
    .filter((k) => !config[k].configured)
    .map((k) => ({ key: k, name: NAMES[k], ...config[k] }));
}

function Banner({ config }: { config: TDeliveryConfiguration }) {
  const missing = missingChannels(config);
  if (!missing.length) return null;
  return (
    <section className="notice warn" aria-labelledby="delivery-config-heading">
      <h2 id="delivery-config-heading">
        {missing.length === 2 ? 'Email and Slack are not set up' : `${missing[0]!.name} is not set up`}
      </h2>
      <ul>
        {missing.map((m) => (
          <li key={m.key}>
            <strong>{m.name}:</strong> set{' '}
            {m.settings.map((s, i) => (
              <span key={s}>
                {i > 0 ? ' and ' : ''}
                <code>{s}</code>
              </span>
            ))}{' '}
            in the server's environment, then restart it. {m.effect}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** For Product Ops and admins: says which outgoing channels the server cannot use, and the settings that fix it. */
export function DeliveryConfigBanner() {
  const me = useMe();
  const allowed = me.can.readDeliveries;
  const data = useLoad(allowed ? ['delivery', 'configuration'] : null, (signal) =>
    deliveryApi.configuration(signal),
  );
  return allowed && data.data ? <Banner config={data.data} /> : null;
}
