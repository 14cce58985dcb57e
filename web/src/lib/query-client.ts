import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, isUnauthenticated } from './api.ts';
import { meKey } from './session.tsx';

// One client for the app. A 401 from any call means the session is gone: forgetting "me" makes the
// route guard send the person to the login page (the login call itself answers 401 for a wrong password,
// when "me" is already null, so nothing changes there).
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isUnauthenticated(error) && query.queryKey !== meKey) client.setQueryData(meKey, null);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _v, _c, mutation) => {
        if (isUnauthenticated(error) && mutation.options.meta?.keepSession !== true) client.setQueryData(meKey, null);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // 4xx answers (not found, forbidden, invalid) do not get better by asking again.
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  });
  return client;
}

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: { keepSession?: boolean };
  }
}
