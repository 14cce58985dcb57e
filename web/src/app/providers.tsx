import { useState, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import { QueryClientProvider } from '@tanstack/react-query';
import { setDayjsLocale } from '../lib/format.ts';
import { I18nProvider, useI18n } from '../lib/i18n-context.tsx';
import { createQueryClient } from '../lib/query-client.ts';

function LocalisedAntd({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  // dayjs's locale is global; set before the children render so date pickers use it at once.
  setDayjsLocale(lang);
  return (
    <ConfigProvider locale={lang === 'vi' ? viVN : enUS} theme={{ token: { colorPrimary: '#0958d9', borderRadius: 6 } }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <LocalisedAntd>{children}</LocalisedAntd>
      </I18nProvider>
    </QueryClientProvider>
  );
}
