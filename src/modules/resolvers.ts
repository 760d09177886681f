/** Every resolver of the API, in one list: adding a module means adding its resolver here. */
import type { NonEmptyArray } from 'type-graphql';
import { AnalysisResolver } from './analysis/analysis.resolver';
import { ChangeResolver } from './change/change.resolver';
import { ClaimResolver } from './claim/claim.resolver';
import { ContradictionResolver, ContradictionSideResolver } from './contradiction/contradiction.resolver';
import { ReportedResolver } from './corroboration/reported.resolver';
import { DuplicatesResolver } from './curation/duplicates.resolver';
import { MergeResolver } from './curation/merge.resolver';
import { DraftResolver } from './draft/draft.resolver';
import { EvidenceResolver } from './evidence/evidence.resolver';
import { LiveResolver } from './live/live.resolver';
import { MeetingResolver } from './meeting/meeting.resolver';
import { NetworkResolver } from './network/network.resolver';
import { NationResolver } from './nation/nation.resolver';
import { NodeResolver } from './node/node.resolver';
import { OfficialResolver, RoleResolver } from './official/official.resolver';
import { OrganizationResolver } from './organization/organization.resolver';
import { PlaceResolver } from './place/place.resolver';
import { PositionResolver } from './position/position.resolver';
import {
  MeetingCredibilityResolver,
  PositionCredibilityResolver,
  StatementCredibilityResolver,
} from './reliability/credibility.resolver';
import { AssessmentResolver } from './reliability/assessment.resolver';
import { PublisherResolver } from './reliability/publisher.resolver';
import { SourcePublisherResolver } from './reliability/source-publisher.resolver';
import { SourceResolver } from './source/source.resolver';
import { StanceHistoryResolver } from './stance-history/stance-history.resolver';
import { StatementResolver } from './statement/statement.resolver';
import { StatisticsResolver } from './statistics/statistics.resolver';
import { TopicResolver } from './topic/topic.resolver';
import { WriteResolver } from './write/write.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [
  NodeResolver,
  NationResolver,
  OfficialResolver,
  RoleResolver,
  OrganizationResolver,
  PlaceResolver,
  TopicResolver,
  MeetingResolver,
  StatementResolver,
  PositionResolver,
  SourceResolver,
  EvidenceResolver,
  ReportedResolver,
  ClaimResolver,
  ContradictionResolver,
  ContradictionSideResolver,
  StanceHistoryResolver,
  AnalysisResolver,
  StatisticsResolver,
  NetworkResolver,
  DraftResolver,
  WriteResolver,
  MergeResolver,
  DuplicatesResolver,
  PublisherResolver,
  AssessmentResolver,
  SourcePublisherResolver,
  MeetingCredibilityResolver,
  StatementCredibilityResolver,
  PositionCredibilityResolver,
  ChangeResolver,
  LiveResolver,
];
