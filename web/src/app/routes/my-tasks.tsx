import { MyTasksBrowser } from '../../features/tracking/components/MyTasksBrowser.tsx';

export default function MyTasksPage() {
  return <MyTasksBrowser />;
}
