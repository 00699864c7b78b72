import { readSnapshot, SnapshotShapeError } from './read-snapshot';

const minimal = {
  frameworks: [{ slug: 'ncmec-minimum-safety-measures', version: '1.0.0', contentHash: 'h'.repeat(64) }],
  profile: { features: {} },
  answers: [{ questionKey: 'MSM-1-q1', value: 'yes' }],
};

describe('readSnapshot (the one reader of a submission)', () => {
  it('reads an older snapshot: lists it lacks are empty, descriptive fields fall back', () => {
    const read = readSnapshot(minimal);
    expect(read.mappingSets).toEqual([]);
    expect(read.requirementStatuses).toEqual([]);
    expect(read.evidence).toEqual([]);
    expect(read.assignments).toEqual([]);
    expect(read.answers).toEqual([{ questionKey: 'MSM-1-q1', value: 'yes', note: null, version: 0 }]);
    expect(read.attestation).toEqual({ name: '', title: '', statement: '', userId: '', attestedAt: '' });
    expect(read.revision).toBe(1);
  });

  it('keeps what a full snapshot holds', () => {
    const full = {
      ...minimal,
      assessmentId: 'a1',
      revision: 3,
      title: 'Review',
      mappingSets: [{ slug: 'm', version: '1.0.0', contentHash: 'x' }],
      requirementStatuses: [{ requirementKey: 'MSM-2', kind: 'not-applicable', justification: 'No images on this service.' }],
      evidence: [{ id: 'e1', requirementKey: 'MSM-1', kind: 'link', name: 'Policy', sha256: null, url: 'https://example.org' }],
      assignments: [{ requirementKey: 'MSM-1', userId: 'u1', name: 'Ada' }],
      attestation: { name: 'Ada', title: 'Lead', statement: 'True.', userId: 'u1', attestedAt: '2026-12-04T10:00:00.000Z' },
    };
    expect(readSnapshot(full)).toEqual({ ...full, answers: [{ questionKey: 'MSM-1-q1', value: 'yes', note: null, version: 0 }] });
  });

  it.each([
    ['an answer without a value', { ...minimal, answers: [{ questionKey: 'q' }] }, "The snapshot's answers[0] has no question key and value."],
    ['a status without justification', { ...minimal, requirementStatuses: [{ requirementKey: 'r', kind: 'alternative' }] }, "The snapshot's requirementStatuses[0] is not a requirement status."],
    ['a mapping set without hash', { ...minimal, mappingSets: [{ slug: 'm', version: '1' }] }, "The snapshot's mappingSets[0] has no slug, version and content hash."],
    ['evidence of an unknown kind', { ...minimal, evidence: [{ id: 'e', requirementKey: 'r', kind: 'photo' }] }, "The snapshot's evidence[0] is not an evidence reference."],
    ['a list item that is not an object', { ...minimal, assignments: ['u1'] }, "The snapshot's assignments[0] is not an object."],
  ])('refuses %s, saying why', (_label, content, message) => {
    expect(() => readSnapshot(content)).toThrow(new SnapshotShapeError(message));
  });
});
