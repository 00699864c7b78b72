import { FrameworkMappingEntity } from './framework-mapping.entity';
import { FrameworkQuestionEntity } from './framework-question.entity';
import { FrameworkRequirementEntity } from './framework-requirement.entity';
import { FrameworkVersionEntity } from './framework-version.entity';
import { MappingSetEntity } from './mapping-set.entity';

export { FrameworkMappingEntity, FrameworkQuestionEntity, FrameworkRequirementEntity, FrameworkVersionEntity, MappingSetEntity };

/** The catalog context's entities. */
export const CATALOG_ENTITIES = [
  FrameworkVersionEntity,
  FrameworkRequirementEntity,
  FrameworkQuestionEntity,
  MappingSetEntity,
  FrameworkMappingEntity,
];
