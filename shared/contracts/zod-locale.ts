import { z } from 'zod';
import { vi } from 'zod/locales';

// Messages of the shared contracts are Vietnamese by default (the UI's first language); the server and
// the web both call this once at start-up.
export function useVietnameseValidationMessages() {
  z.config(vi());
}
