type ChangedRows = Array<'NEW' | 'OLD'>;

/**
 * One AFTER trigger for each way a table's rows change (`<table>_<name>_<event>`), each running what `statement`
 * makes of the rows the event has: the new row inserted, both rows of an update, the old row deleted.
 */
export function changeTriggers(table: string, name: string, statement: (rows: ChangedRows) => string): string {
  const events: Array<[string, ChangedRows]> = [
    ['insert', ['NEW']],
    ['update', ['NEW', 'OLD']],
    ['delete', ['OLD']],
  ];
  return events.map(([event, rows]) => `\n      CREATE TRIGGER ${table}_${name}_${event} AFTER ${event.toUpperCase()} ON ${table} BEGIN ${statement(rows)} END;`).join('');
}
