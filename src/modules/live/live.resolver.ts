/**
 * `factRecorded` and `factRetracted`: subscriptions over graphql-ws (server/live-server.ts), fed by
 * this instance's change tailer. Over HTTP they are not served (there is no connection to stream on).
 */
import { Args, ArgsType, Ctx, Field, Root, Subscription, Resolver } from 'type-graphql';
import { ChangeKind } from '../../graph/change-log.cypher';
import { decodeChangeCursor, encodeChangeCursor } from '../change/change-cursor';
import { BadUserInputError } from '../../errors';
import type { Node } from '../node/node.interface';
import { LiveCloseCode } from './live-close-codes';
import type { FactFilterSpec, FactPayload } from './change-tailer';
import { FactEvent, FactEventKind, FactFilter } from './fact-event.type';
import type { LiveContext } from './live-context';

const MAX_ID_LENGTH = 200;

/** The arguments both subscriptions take. */
@ArgsType()
class SubscribeArgs {
  @Field(() => FactFilter, { nullable: true })
  filter?: FactFilter | null;

  @Field(() => String, {
    nullable: true,
    description: 'A cursor from a FactEvent or from `changes`: replay what came after it, then go live.',
  })
  after?: string | null;
}

function filterSpec(kind: FactFilterSpec['kind'], filter: FactFilter | null | undefined): FactFilterSpec {
  for (const [field, value] of Object.entries({ actor: filter?.actor, topic: filter?.topic })) {
    if (typeof value === 'string' && (value.length === 0 || value.length > MAX_ID_LENGTH)) {
      throw new BadUserInputError(`\`filter.${field}\` must be an id such as nation:gbr or topic:ukraine.`, {
        argument: `filter.${field}`,
      });
    }
  }
  return { kind, actor: filter?.actor ?? null, topic: filter?.topic ?? null };
}

function subscribeTo(kind: FactFilterSpec['kind']) {
  return async ({ args, context }: { args: SubscribeArgs; context: LiveContext }) => {
    const live = context.live;
    if (!live) {
      throw new BadUserInputError(
        'Subscriptions run over WebSocket (graphql-ws, subprotocol graphql-transport-ws) at /graphql, not over HTTP.',
      );
    }
    const spec = filterSpec(kind, args.filter);
    const after = args.after === undefined || args.after === null ? null : decodeChangeCursor(args.after);
    return live.tailer.subscribe(
      spec,
      after,
      () =>
        live.close(
          LiveCloseCode.TooSlow,
          'Too many undelivered events: read faster, then resubscribe with your last cursor',
        ),
      () =>
        live.close(
          LiveCloseCode.ReplayFailed,
          'The change log could not be read for your replay: resubscribe with your last cursor',
        ),
    );
  };
}

function toEvent(payload: FactPayload, context: LiveContext): FactEvent {
  context.live?.renew();
  return {
    cursor: encodeChangeCursor(payload.seq),
    kind: payload.kind as unknown as FactEventKind,
    at: payload.at,
    fact: payload.fact as unknown as Node,
  };
}

@Resolver()
export class LiveResolver {
  @Subscription(() => FactEvent, {
    description:
      'Facts as they are recorded, through any API instance. With `after` (a cursor), first the ones recorded since, then live; none missed or repeated (docs/live-updates.md).',
    subscribe: subscribeTo(ChangeKind.FACT_RECORDED),
  })
  factRecorded(
    @Root() payload: FactPayload,
    @Ctx() ctx: LiveContext,
    // Read by subscribeTo; declared here so the schema lists them.
    @Args(() => SubscribeArgs) _args: SubscribeArgs,
  ): FactEvent {
    return toEvent(payload, ctx);
  }

  @Subscription(() => FactEvent, {
    description:
      'Facts as they are retracted, through any API instance; `after` as for factRecorded (docs/live-updates.md).',
    subscribe: subscribeTo(ChangeKind.FACT_RETRACTED),
  })
  factRetracted(
    @Root() payload: FactPayload,
    @Ctx() ctx: LiveContext,
    // Read by subscribeTo; declared here so the schema lists them.
    @Args(() => SubscribeArgs) _args: SubscribeArgs,
  ): FactEvent {
    return toEvent(payload, ctx);
  }
}
