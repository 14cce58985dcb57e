import { Segmented } from 'antd';
import { useI18n } from '../lib/i18n-context.tsx';
import type { Lang } from '../lib/i18n.ts';

export function LanguageToggle() {
  const { lang, setLang, t } = useI18n();
  return (
    <Segmented<Lang>
      size="small"
      data-testid="lang-toggle"
      aria-label={t('lang.label')}
      value={lang}
      onChange={setLang}
      options={[
        { label: 'VI', value: 'vi' },
        { label: 'EN', value: 'en' },
      ]}
    />
  );
}
