import { dateAfter } from './day-counting';
import { DECISION_TYPE_IDS, REGIME_IDS, type DeadlineTerms } from './regime.types';
import {
  ESAFETY_BOSE,
  EU_DSA,
  OFCOM_OSA,
  REGIME_RULE_PACKS,
  VOLUNTARY,
  decisionTypeOf,
  informationRequestRule,
  isRegimeId,
  noticeRule,
  regimeRulePack,
} from './regimes';

/** The provisions the packs may cite: those whose terms they encode, nothing else. */
const CITED = new Set(['s.49', 's.56', 's.102', 'Art. 67']);

describe('regime rule packs', () => {
  it('ships one pack per regime id, in order', () => {
    expect(REGIME_RULE_PACKS.map((pack) => pack.id)).toEqual([...REGIME_IDS]);
    for (const id of REGIME_IDS) expect(regimeRulePack(id).id).toBe(id);
    expect(isRegimeId('ofcom-osa')).toBe(true);
    expect(isRegimeId('ofcom')).toBe(false);
  });

  it.each(REGIME_RULE_PACKS.map((pack) => [pack.id, pack] as const))(
    '%s is complete and consistent',
    (_id, pack) => {
      for (const text of [pack.title, pack.legalBasisHint, ...pack.noticeKinds.map((kind) => kind.title)]) {
        expect(text.en.trim()).not.toBe('');
        expect(text.fr.trim()).not.toBe('');
        expect(text.fr).not.toBe(text.en);
      }
      const kindIds = pack.noticeKinds.map((kind) => kind.id);
      expect(new Set(kindIds).size).toBe(kindIds.length);
      for (const id of kindIds) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      const terms: DeadlineTerms[] = [...pack.noticeKinds, pack.informationRequest];
      for (const term of terms) {
        if (term.section !== null) expect(CITED).toContain(term.section);
        // The default never comes before the minimum, whatever the anchor date.
        for (const anchor of ['2026-01-31', '2026-02-28', '2026-06-30', '2026-12-24'])
          expect(
            dateAfter(anchor, term.default, pack.dayCounting) >=
              dateAfter(anchor, term.minimum, pack.dayCounting),
          ).toBe(true);
      }
      expect(pack.informationRequest.anchor).toBe('issue');
      const decisions = pack.decisionTypes.map((decision) => decision.id);
      expect(new Set(decisions).size).toBe(decisions.length);
      expect(decisions).toEqual(DECISION_TYPE_IDS.filter((id) => decisions.includes(id)));
      expect(decisions).toContain('accepted');
      expect(decisions).toContain('closed');
    },
  );

  it('cites in its legal-basis hints only the provisions it encodes', () => {
    for (const pack of REGIME_RULE_PACKS) {
      const hints = `${pack.legalBasisHint.en} ${pack.legalBasisHint.fr}`;
      for (const [, number] of hints.matchAll(/\b(?:s\.|art\. )(\d+)/gi))
        expect(['49', '56', '102', '67']).toContain(number);
    }
  });

  it('eSafety: periodic reports due at least 28 days after intervals of 6 to 24 months (s.49)', () => {
    const periodic = noticeRule(ESAFETY_BOSE, 'periodic-report');
    expect(periodic).toMatchObject({
      id: 'esafety-bose.periodic-report',
      regime: 'esafety-bose',
      section: 's.49',
      anchor: 'period-end',
      dayCounting: 'calendar-days',
      minimum: { days: 28 },
      series: { minIntervalMonths: 6, maxIntervalMonths: 24 },
    });
    expect(noticeRule(ESAFETY_BOSE, 'non-periodic-report')).toMatchObject({
      section: 's.56',
      anchor: 'issue',
      series: null,
    });
    expect(ESAFETY_BOSE.acceptsVoluntaryFilings).toBe(false);
  });

  it('Ofcom: information notices give at least 7 days (s.102), and so do its information requests', () => {
    expect(noticeRule(OFCOM_OSA, 'information-notice')).toMatchObject({
      id: 'ofcom-osa.information-notice',
      section: 's.102',
      anchor: 'issue',
      minimum: { days: 7 },
    });
    expect(informationRequestRule(OFCOM_OSA)).toMatchObject({
      id: 'ofcom-osa.information-request',
      section: 's.102',
      minimum: { days: 7 },
      series: null,
    });
  });

  it('DSA: requests for information (Art. 67) at least a day out; transparency reports two months after the period', () => {
    expect(noticeRule(EU_DSA, 'information-request')).toMatchObject({
      section: 'Art. 67',
      minimum: { days: 1 },
    });
    expect(noticeRule(EU_DSA, 'transparency-report')).toMatchObject({
      anchor: 'period-end',
      minimum: { months: 2 },
      default: { months: 2 },
    });
  });

  it('voluntary: no notice kinds, no statutory clock, business-day counting for its own clocks', () => {
    expect(VOLUNTARY.noticeKinds).toEqual([]);
    expect(VOLUNTARY.acceptsVoluntaryFilings).toBe(true);
    expect(VOLUNTARY.dayCounting).toBe('business-days');
    expect(REGIME_RULE_PACKS.filter((pack) => pack.acceptsVoluntaryFilings).map((pack) => pack.id)).toEqual([
      'voluntary',
    ]);
    expect(decisionTypeOf(VOLUNTARY, 'not-compliant')).toBeNull();
  });

  it('has decision types that say whether they carry required steps and a compliance period', () => {
    expect(decisionTypeOf(OFCOM_OSA, 'not-compliant')).toEqual({
      id: 'not-compliant',
      label: { en: 'Not compliant', fr: 'Non conforme' },
      carriesRequiredSteps: true,
      carriesCompliancePeriod: true,
    });
    expect(decisionTypeOf(OFCOM_OSA, 'accepted')).toMatchObject({
      carriesRequiredSteps: false,
      carriesCompliancePeriod: false,
    });
    expect(decisionTypeOf(OFCOM_OSA, 'withdrawn')).toBeNull();
  });

  it('resolves no rule for a kind the pack does not have', () => {
    expect(noticeRule(OFCOM_OSA, 'periodic-report')).toBeNull();
    expect(noticeRule(VOLUNTARY, 'information-notice')).toBeNull();
  });
});
