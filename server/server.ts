import { buildApp, createServices } from './app.ts';
import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/client.ts';
import { systemActor } from './lib/actor.ts';
import { isDemoLoaded, loadDemo } from './modules/demo/demo.ts';
import { startReminderTimer } from './modules/reminders/reminders.timer.ts';

/**
 * Migrates, loads the demo province on a fresh embedded database, and listens. Closes cleanly on
 * SIGINT/SIGTERM so PGlite flushes and releases its lock.
 */
export async function startServer(config: Config, database: DatabaseHandle) {
  await database.migrate();
  if (config.demoOnFirstStart && !(await isDemoLoaded(database.db))) {
    console.log('Lần chạy đầu: đang nạp tỉnh mẫu Vĩnh Long và các tài khoản demo…');
    await loadDemo(database.db, createServices(config, { database }), systemActor('xhht-demo'));
  }
  const services = createServices(config, { database });
  const app = await buildApp(config, { database, services }, {
    level: config.logLevel,
    redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', '*.password', '*.newPassword', '*.currentPassword'],
  });
  // Reminders to submit reports, on a timer (REMINDER_INTERVAL_MINUTES; 0: off): stopped before the database closes.
  const stopReminders = startReminderTimer(() => services.reminders.runReminders(), config.reminders.intervalMinutes, app.log);
  app.addHook('onClose', () => stopReminders());
  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'closing');
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void close('SIGINT'));
  process.on('SIGTERM', () => void close('SIGTERM'));
  await app.listen({ host: config.host, port: config.port });
  console.log(`XHHT đang chạy tại http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (CSDL: ${database.kind})`);
}
