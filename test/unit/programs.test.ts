import { parseEvent, parseRoutine, scheduleWithoutStarts } from '../../compiler/dialect/mysql/programs.js';
import { sameEvent } from '../../compiler/diff/diff.js';

/*
 * The reader of CREATE PROCEDURE / FUNCTION / EVENT text, on what SHOW CREATE prints on MySQL 8
 * (the manual's examples) and MariaDB 10.11 (as read on the test server), and on what people write.
 */

describe('routines', () => {
  it('reads MySQL 8 SHOW CREATE FUNCTION (https://dev.mysql.com/doc/refman/8.0/en/show-create-procedure.html)', () => {
    const r = parseRoutine("CREATE DEFINER=`me`@`localhost` FUNCTION `hello`(s CHAR(20)) RETURNS char(50) CHARSET utf8mb4\n"
      + "    DETERMINISTIC\nRETURN CONCAT('Hello, ',s,'!')");
    expect(r).toEqual({ replace: false, ifNotExists: false, routine: { kind: 'routine', type: 'FUNCTION', name: 'hello', params: 's CHAR(20)',
      returns: 'char(50) CHARSET utf8mb4', deterministic: true, dataAccess: 'CONTAINS SQL', security: 'DEFINER', comment: '',
      body: "RETURN CONCAT('Hello, ',s,'!')" } });
  });

  it('reads MariaDB SHOW CREATE PROCEDURE, characteristics in its order, and hand-written forms', () => {
    const r = parseRoutine("CREATE DEFINER=`root`@`127.0.0.1` PROCEDURE `p1`(IN a INT, OUT b VARCHAR(10))\n    READS SQL DATA\n"
      + "    SQL SECURITY INVOKER\n    COMMENT 'it''s'\nBEGIN SELECT a INTO b; END");
    expect('routine' in r && r.routine).toMatchObject({ type: 'PROCEDURE', params: 'IN a INT, OUT b VARCHAR(10)', returns: null,
      dataAccess: 'READS SQL DATA', security: 'INVOKER', comment: "it's", body: 'BEGIN SELECT a INTO b; END' });
    const hand = parseRoutine('CREATE OR REPLACE PROCEDURE IF NOT EXISTS app.noop() NOT DETERMINISTIC NO SQL SELECT 1');
    expect(hand).toMatchObject({ replace: true, ifNotExists: true, routine: { name: 'noop', params: '', dataAccess: 'NO SQL', body: 'SELECT 1' } });
    expect(parseRoutine('CREATE AGGREGATE FUNCTION f() RETURNS INT BEGIN END')).toMatchObject({ problem: { unsupported: true } });
    expect(parseRoutine('CREATE FUNCTION f() BEGIN END')).toMatchObject({ problem: { message: 'expected RETURNS and the type of the function' } });
  });
});

describe('mysqldump\'s executable comments', () => {
  it('reads a routine and an event written inside /*!NNNNN ... */ as the server reads them', () => {
    expect(parseRoutine('/*!50003 CREATE*/ /*!50020 DEFINER=`root`@`localhost`*/ /*!50003 PROCEDURE `p`(IN a INT)\nBEGIN\n  SELECT a;\nEND */'))
      .toMatchObject({ routine: { type: 'PROCEDURE', name: 'p', params: 'IN a INT', body: 'BEGIN\n  SELECT a;\nEND' } });
    expect(parseEvent("/*!50106 CREATE*/ /*!50117 DEFINER=`root`@`localhost`*/ /*!50106 EVENT `e` ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 00:00:00' "
      + 'ON COMPLETION NOT PRESERVE ENABLE DO DELETE FROM t */')).toMatchObject({ event: { name: 'e', body: 'DELETE FROM t' } });
  });
});

describe('events', () => {
  it('reads MySQL 8 SHOW CREATE EVENT (https://dev.mysql.com/doc/refman/8.0/en/show-create-event.html)', () => {
    const e = parseEvent("CREATE DEFINER=`jon`@`ghidora` EVENT `e_daily` ON SCHEDULE EVERY 1 DAY STARTS '2018-09-14 10:26:17' "
      + "ON COMPLETION NOT PRESERVE ENABLE COMMENT 'Saves total number of sessions then clears the table each day' DO BEGIN\n"
      + '  INSERT INTO site_activity.totals (time, total) SELECT CURRENT_TIMESTAMP, COUNT(*) FROM site_activity.sessions;\n'
      + '  DELETE FROM site_activity.sessions;\nEND');
    expect('event' in e && e.event).toMatchObject({ name: 'e_daily', schedule: "EVERY 1 DAY STARTS '2018-09-14 10:26:17'", preserve: false,
      status: 'ENABLE', comment: 'Saves total number of sessions then clears the table each day' });
  });

  it('reads every status and completion, and a schedule with an expression', () => {
    expect(parseEvent('CREATE EVENT e ON SCHEDULE AT CURRENT_TIMESTAMP + INTERVAL 1 HOUR ON COMPLETION PRESERVE DISABLE ON SLAVE DO SELECT 1'))
      .toMatchObject({ event: { schedule: 'AT CURRENT_TIMESTAMP + INTERVAL 1 HOUR', preserve: true, status: 'DISABLE ON SLAVE', body: 'SELECT 1' } });
    expect(parseEvent('CREATE EVENT e ON SCHEDULE EVERY 1 DAY')).toMatchObject({ problem: { message: 'expected DO and the body' } });
  });

  it('a schedule without STARTS matches the one the server filled in; two STARTS are compared', () => {
    expect(scheduleWithoutStarts("EVERY 1 DAY STARTS '2026-12-04 21:53:50' ENDS '2030-01-01 00:00:00'")).toBe("EVERY 1 DAY ENDS '2030-01-01 00:00:00'");
    const e = (schedule: string) => ({ kind: 'event' as const, name: 'e', schedule, preserve: false, status: 'ENABLE' as const, comment: '', body: 'SELECT 1' });
    expect(sameEvent(e('EVERY 1 DAY'), e("EVERY 1 DAY STARTS '2026-12-04 21:53:50'"))).toBe(true);
    expect(sameEvent(e("EVERY 1 DAY STARTS '2030-01-01 00:00:00'"), e("EVERY 1 DAY STARTS '2026-12-04 21:53:50'"))).toBe(false);
    expect(sameEvent(e('EVERY 1 DAY'), e('EVERY 2 DAY'))).toBe(false);
  });
});
