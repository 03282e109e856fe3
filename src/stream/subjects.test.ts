import { describe, expect, it } from 'vitest';
import {
  durableName,
  inboundSubject,
  parseInboundSubject,
  partitionOf,
  streamNames,
  streamSubjects,
  subjectKind,
} from './subjects.js';

const names = streamNames();

describe('subjects', () => {
  it('name the production stream, subjects and durables', () => {
    expect(names).toEqual({
      stream: 'STRATUM_EVENTS',
      prefix: 'stratum.events',
      durable: 'stratum-worker',
      partitions: 128,
    });
    expect(inboundSubject(names, 'order.created', 7)).toBe('stratum.events.in.7.order.created');
    expect(durableName(names, 7)).toBe('stratum-worker-p7');
    expect(streamSubjects(streamNames({ partitions: 2 }))).toEqual([
      'stratum.events.in.0.>',
      'stratum.events.in.1.>',
      'stratum.events.dead',
      'stratum.events.out.>',
    ]);
  });

  it('partition customers with FNV-1a, stable across runs and spread evenly', () => {
    // Reference values of 32-bit FNV-1a: "" → 0x811c9dc5, "a" → 0xe40c292c.
    expect(partitionOf('', 2 ** 31)).toBe(0x811c9dc5 % 2 ** 31);
    expect(partitionOf('a', 1000)).toBe(0xe40c292c % 1000);
    expect(partitionOf('客户-001', 32)).toBe(partitionOf('客户-001', 32));
    const counts = new Array<number>(32).fill(0);
    for (let i = 0; i < 32_000; i++) counts[partitionOf(`C${String(i).padStart(6, '0')}`, 32)]! += 1;
    expect(Math.min(...counts)).toBeGreaterThan(800);
    expect(Math.max(...counts)).toBeLessThan(1200);
  });

  it('read partition and type back from a subject, and tell the kinds apart', () => {
    expect(parseInboundSubject(names, 'stratum.events.in.127.order.created')).toEqual({
      partition: 127,
      type: 'order.created',
    });
    expect(parseInboundSubject(names, 'stratum.events.in.128.order.created')).toBeUndefined();
    expect(parseInboundSubject(names, 'stratum.events.in.x.order.created')).toBeUndefined();
    expect(parseInboundSubject(names, 'stratum.events.in.3')).toBeUndefined();
    expect(subjectKind(names, 'stratum.events.in.3.anything')).toBe('in');
    expect(subjectKind(names, 'stratum.events.dead')).toBe('dead');
    expect(subjectKind(names, 'stratum.events.out.tag.added')).toBe('out');
    expect(subjectKind(names, 'stratum.events.out.')).toBeUndefined();
    expect(subjectKind(names, 'stratum.other')).toBeUndefined();
  });

  it('refuse names NATS would not accept', () => {
    expect(() => streamNames({ stream: 'a.b' })).toThrow(/not a NATS name/);
    expect(() => streamNames({ prefix: 'a.*' })).toThrow(/not dotted tokens/);
    expect(() => streamNames({ partitions: 0 })).toThrow(/partitions/);
  });
});
