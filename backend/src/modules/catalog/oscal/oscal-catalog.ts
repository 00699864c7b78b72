import { formatApplicability, type FrameworkDefinition, type Locale, type QuestionDefinition, type RequirementDefinition } from '@beacon/domain';
import { deterministicUuid } from './deterministic-uuid';

export const OSCAL_VERSION = '1.2.1';
/** Namespace of Beacon's own OSCAL properties. */
export const BEACON_NS = 'https://beacon.example/ns/oscal';

type Json = Record<string, unknown>;

/** OSCAL ids are XML NCNames: requirement `MSM-1` becomes `msm-1`, section `detection` stays. */
export function oscalId(key: string): string {
  const id = key.toLowerCase().replace(/[^a-z0-9._-]/g, '-');
  return /^[a-z_]/.test(id) ? id : `_${id}`;
}

const prop = (name: string, value: string): Json => ({ name, value, ns: BEACON_NS });

function questionPart(requirementId: string, question: QuestionDefinition, locale: Locale): Json {
  const props = [prop('question-type', question.type), prop('required', String(question.required))];
  if ('unit' in question && question.unit) props.push(prop('unit', question.unit));
  return {
    id: `${requirementId}_q_${oscalId(question.key)}`,
    name: 'assessment-objective',
    ns: BEACON_NS,
    class: 'question',
    props,
    prose: question.prompt[locale] + (question.help ? `\n\n${question.help[locale]}` : ''),
  };
}

function control(requirement: RequirementDefinition, locale: Locale): Json {
  const id = oscalId(requirement.key);
  const props = [
    { name: 'label', value: requirement.key },
    prop('weight', String(requirement.weight)),
    prop('critical', String(requirement.critical)),
    prop('source-status', requirement.sourceStatus),
    prop('applicability', formatApplicability(requirement.applicability, locale)),
  ];
  const parts: Json[] = [
    { id: `${id}_smt`, name: 'statement', prose: requirement.statement[locale] },
    { id: `${id}_gdn`, name: 'guidance', prose: requirement.guidance[locale] },
    { id: `${id}_rec`, name: 'recommendation', ns: BEACON_NS, prose: requirement.recommendation[locale] },
  ];
  if (requirement.evidence[locale].length > 0) {
    parts.push({
      id: `${id}_evd`,
      name: 'assessment-method',
      props: [{ name: 'method', value: 'EXAMINE' }],
      parts: requirement.evidence[locale].map((item, i) => ({ id: `${id}_evd_${i + 1}`, name: 'assessment-objects', prose: item })),
    });
  }
  parts.push(...requirement.questions.map((q) => questionPart(id, q, locale)));
  const out: Json = { id, class: 'requirement', title: requirement.title[locale], props, parts };
  if (requirement.references.length > 0) out['links'] = requirement.references.map((r) => ({ href: r.url, rel: 'reference', text: r.title }));
  return out;
}

/**
 * A framework version as an OSCAL catalog: groups = sections, controls = requirements, parts =
 * statement, guidance, recommendation, expected evidence and the assessment questions, props =
 * weight, critical, source status and applicability.
 */
export function toOscalCatalog(framework: FrameworkDefinition, meta: { contentHash: string; importedAt: Date }, locale: Locale): Json {
  return {
    catalog: {
      uuid: deterministicUuid(`catalog:${framework.slug}@${framework.version}:${meta.contentHash}:${locale}`),
      metadata: {
        title: framework.title[locale],
        published: `${framework.publishedOn}T00:00:00Z`,
        'last-modified': meta.importedAt.toISOString(),
        version: framework.version,
        'oscal-version': OSCAL_VERSION,
        props: [prop('slug', framework.slug), prop('content-hash', meta.contentHash), prop('locale', locale)],
        links: [{ href: framework.sourceUrl, rel: 'source' }],
        roles: [{ id: 'publisher', title: 'Publisher' }],
        parties: [{ uuid: deterministicUuid(`party:${framework.publisher}`), type: 'organization', name: framework.publisher }],
        'responsible-parties': [{ 'role-id': 'publisher', 'party-uuids': [deterministicUuid(`party:${framework.publisher}`)] }],
        remarks: framework.description[locale],
      },
      groups: framework.sections.map((section) => ({
        id: oscalId(section.key),
        class: 'section',
        title: section.title[locale],
        ...(section.description ? { parts: [{ id: `${oscalId(section.key)}_ovw`, name: 'overview', prose: section.description[locale] }] } : {}),
        controls: section.requirements.map((r) => control(r, locale)),
      })),
    },
  };
}
