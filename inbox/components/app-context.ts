import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { AppModel } from '../models/app-model';

export const AppContext = createContext<AppModel | null>(null);

/** The page's models, provided once by main.tsx. */
export function useApp(): AppModel {
  const app = useContext(AppContext);
  if (!app) throw new Error('useApp() needs <AppContext.Provider> around the inbox.');
  return app;
}
