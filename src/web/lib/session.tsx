import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from 'react';
import type { TMe } from '../../shared/org.ts';
import { forgetServerState } from './query-client.ts';

export interface SessionState {
  me: TMe | null;
  orgName: string | null;
}

interface SessionContextValue extends SessionState {
  setMe: (me: TMe | null) => void;
  setOrgName: (name: string) => void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/** Who is signed in and the org's name: loaded once, shared by the header, nav and pages. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ me: null, orgName: null });
  const signedIn = useRef<string | null>(null);
  const setMe = useCallback((me: TMe | null) => {
    // Nothing one person loaded may show for the next one (a stakeholder after Product Ops).
    if (signedIn.current !== null && signedIn.current !== me?.id) forgetServerState();
    signedIn.current = me?.id ?? null;
    setState((s) => (me ? { ...s, me } : { me: null, orgName: null }));
  }, []);
  const setOrgName = useCallback((orgName: string) => setState((s) => ({ ...s, orgName })), []);
  const value = useMemo<SessionContextValue>(
    () => ({ ...state, setMe, setOrgName }),
    [state, setMe, setOrgName],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession needs a SessionProvider');
  return value;
}

/** For pages under the signed-in layout, which renders them only once `me` is known. */
export function useMe(): TMe {
  const { me } = useSession();
  if (!me) throw new Error('useMe is only for pages behind the sign-in');
  return me;
}
