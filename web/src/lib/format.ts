import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import 'dayjs/locale/vi';

// Dates are shown in Vietnam's time zone (the server reads date filters in +07:00 too), dd/mm/yyyy.
dayjs.extend(utc);
dayjs.extend(timezone);
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const inVn = (iso: string) => dayjs(iso).tz(TIME_ZONE);

export function formatDateTime(iso: string | null | undefined, withSeconds = false): string {
  if (!iso) return '';
  const d = inVn(iso);
  return d.isValid() ? d.format(withSeconds ? 'DD/MM/YYYY HH:mm:ss' : 'DD/MM/YYYY HH:mm') : iso;
}

/** A calendar date (YYYY-MM-DD from the server) as dd/mm/yyyy, without time-zone shifts. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : date;
}

const numberFormat = new Intl.NumberFormat('vi-VN');
export const formatNumber = (n: number) => numberFormat.format(n);

export function setDayjsLocale(lang: 'vi' | 'en') {
  dayjs.locale(lang === 'vi' ? 'vi' : 'en');
}
