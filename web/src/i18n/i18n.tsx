import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { MESSAGES, type Language, type MessageKey } from './messages';

interface I18n {
  readonly lang: Language;
  setLang(lang: Language): void;
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  /** Numbers and money in the language's format. */
  num(value: number, digits?: number): string;
}

const STORAGE_KEY = 'stratum.lang';
const Context = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(() =>
    localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN',
  );
  const setLang = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next;
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, vars) =>
        Object.entries(vars ?? {}).reduce<string>(
          (s, [k, v]) => s.replaceAll(`{${k}}`, String(v)),
          MESSAGES[lang][key],
        ),
      num: (value, digits = 0) =>
        value.toLocaleString(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits }),
    }),
    [lang, setLang],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Context);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
