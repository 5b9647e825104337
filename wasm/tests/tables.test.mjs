// node --test: the table readers on Uint8Array and text, writeTable's bytes read back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readPeople, readApplications, readBallots, writeTable } from 'huaide';

const fixture = (name) => new Uint8Array(readFileSync(new URL(`../../tests/fixtures/tables/${name}`, import.meta.url)));

test('readPeople reads a GBK CSV given as a Uint8Array, with findings at row and column', () => {
  const read = readPeople({ name: 'people.csv', bytes: fixture('people_gbk.csv') });
  assert.deepEqual(read.people.map((p) => p.id), ['r001', 'r002', 'r003', 'r007']);
  assert.equal(read.findings[0].path, 'people.csv: row 5, column 出生日期');
  assert.equal(read.findings[0].column_letter, 'C');
  assert.equal(read.ok, false);
});

test('readApplications reads an xlsx with merged headers (no name: the bytes tell)', () => {
  const read = readApplications(fixture('applications.xlsx'));
  assert.equal(read.header_row, 3);
  assert.deepEqual(read.applications[0].choices, ['戏曲大家唱', '欢乐家庭网上行']);
});

test('readBallots reads a form export from bytes', () => {
  const file = readBallots({ name: 'wjx.xlsx', bytes: fixture('wjx.xlsx') }, 'wjx',
    { question: '2', voter_column: '1、您的居民编号' });
  assert.deepEqual(file.ballots[0], { voter: 'r001', ranking: ['陶艺', '二胡', '钢琴'] });
});

test('writeTable returns bytes that read back', () => {
  const people = [{ id: '居民-1', residency: 'resident', tags: ['老人'] }];
  const xlsx = writeTable('people', people, 'xlsx');
  assert.ok(xlsx instanceof Uint8Array);
  assert.deepEqual(Array.from(xlsx.slice(0, 2)), [0x50, 0x4b]);
  assert.deepEqual(readPeople({ name: 'p.xlsx', bytes: xlsx }).people, people);
  const csv = writeTable('people', people, 'csv');
  assert.deepEqual(Array.from(csv.slice(0, 3)), [0xef, 0xbb, 0xbf]);
  assert.throws(() => writeTable('people', people, 'csv', 'nope'), (err) => err.code === 'format_unknown_sheet');
});
