// Each test starts from an empty document (Testing Library cleans up by itself only with globals).
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';

afterEach(() => cleanup());
