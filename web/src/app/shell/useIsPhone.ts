import { Grid } from 'antd';

/** Below 768 px (antd's md breakpoint): the menu moves into a Drawer. */
export function useIsPhone(): boolean {
  const screens = Grid.useBreakpoint();
  // Before the first measurement every breakpoint is undefined: assume a desktop.
  return screens.md === false;
}
