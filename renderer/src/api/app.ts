// The app itself: its version and the transport it runs on.
import { useFetchQuery } from './query-core';

export const useAppInfo = () => useFetchQuery('app.info', {}, { staleTime: Infinity });
