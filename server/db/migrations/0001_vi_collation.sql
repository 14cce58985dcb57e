-- Vietnamese sort order (Â, Ă, Đ, Ê… after their base letters, not after Z) on both drivers.
-- PGlite (PostgreSQL 18) has only ICU's root locale, where 'vi-VN' silently sorts wrong; an ICU
-- tailoring works there. PostgreSQL 15 has no `rules` but a correct vi-VN locale (docs/decisions).
DO $$
BEGIN
  IF current_setting('server_version_num')::int >= 160000 THEN
    EXECUTE $c$CREATE COLLATION IF NOT EXISTS vi (provider = icu, locale = 'und', rules = '&A<ă<<<Ă<â<<<Â &D<đ<<<Đ &E<ê<<<Ê &O<ô<<<Ô<ơ<<<Ơ &U<ư<<<Ư')$c$;
  ELSE
    EXECUTE $c$CREATE COLLATION IF NOT EXISTS vi (provider = icu, locale = 'vi-VN')$c$;
  END IF;
END
$$;
